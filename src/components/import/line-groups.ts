// Files with one row per line (quotations): rows sharing the group column form one parent, each
// row without it is its own. Header values may stand on any row of a group but must agree; a
// required header value is needed once per group; lines are checked against the table's bounds;
// and a group with one bad row is skipped whole, so a quotation never goes in with lines missing.
import dayjs from 'dayjs';
import type { ImportColumn } from './import-column.ts';
import type { GroupedImport, ImportTarget } from './import-targets.ts';
import { keyOf, type RowIssue, type ValidatedRow } from './validate-rows.ts';

/** One parent record of the file and its lines, each line with its file row (`line`). */
export interface LineGroup {
  /** The file row of the group's first line. */
  line: number;
  header: Record<string, unknown>;
  lines: Record<string, unknown>[];
}

const REQUIRED = 'import.issues.required';

/** Header columns, then line columns (those a line may leave out made optional), then the file-only group column. */
export function groupedImportColumns(header: readonly ImportColumn[], lines: readonly ImportColumn[], grouped: GroupedImport): ImportColumn[] {
  const optional = new Set(grouped.lineNeedsOneOf ?? []);
  const group: ImportColumn = { name: grouped.groupBy, kind: 'text', pgType: 'text', required: false, primaryKey: false, nullable: true };
  return [...header, ...lines.map((c) => (optional.has(c.name) ? { ...c, required: false } : c)), group];
}

function groupKey(row: ValidatedRow, groupBy: string): string {
  const ref = row.record[groupBy];
  return ref === undefined || ref === null || ref === '' ? `#${row.index}` : `=${keyOf(ref)}`;
}

/** Rows by group, in the order the groups first appear. */
function groupsOf<T extends ValidatedRow>(rows: readonly T[], groupBy: string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = groupKey(row, groupBy);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

const sameValue = (a: unknown, b: unknown) => keyOf(typeof a === 'object' ? JSON.stringify(a) : a) === keyOf(typeof b === 'object' ? JSON.stringify(b) : b);

function lineIssues(record: Record<string, unknown>, grouped: GroupedImport, today: string): RowIssue[] {
  const issues: RowIssue[] = [];
  const needs = grouped.lineNeedsOneOf ?? [];
  if (needs.length && needs.every((name) => record[name] === undefined || record[name] === null)) {
    issues.push({ column: needs[needs.length - 1], key: 'import.issues.needsOneOf' });
  }
  for (const [name, bound] of Object.entries(grouped.bounds ?? {})) {
    if (record[name] === undefined || record[name] === null) continue;
    const n = Number(record[name]);
    if (bound.gt !== undefined && !(n > bound.gt)) issues.push({ column: name, key: 'import.issues.notAbove', params: { min: bound.gt } });
    else if (bound.min !== undefined && n < bound.min) issues.push({ column: name, key: 'import.issues.below', params: { min: bound.min } });
    else if (bound.max !== undefined && n > bound.max) issues.push({ column: name, key: 'import.issues.above', params: { max: bound.max } });
  }
  for (const name of grouped.afterToday ?? []) {
    const value = record[name];
    if (typeof value === 'string' && value <= today) issues.push({ column: name, key: 'import.issues.notAfterToday', params: { value } });
  }
  return issues;
}

/**
 * The rows with the group checks' issues added. `columns` tells which header columns are
 * required: per group, not per row (the row check's "required" on header columns is dropped).
 */
export function checkGroups(rows: readonly ValidatedRow[], target: ImportTarget, columns: readonly ImportColumn[], today = dayjs().format('YYYY-MM-DD')): ValidatedRow[] {
  const grouped = target.grouped!;
  const headerNames = new Set(target.columns);
  const required = columns.filter((c) => c.required && headerNames.has(c.name)).map((c) => c.name);
  const out = rows.map((r) => ({ ...r, issues: r.issues.filter((i) => !(i.key === REQUIRED && i.column && headerNames.has(i.column))) }));
  for (const group of groupsOf(out, grouped.groupBy)) {
    const first = new Map<string, { value: unknown; line: number }>();
    group.forEach((row, i) => {
      row.issues.push(...lineIssues(row.record, grouped, today));
      if (grouped.maxLines !== undefined && i >= grouped.maxLines) row.issues.push({ key: 'import.issues.tooManyLines', params: { max: grouped.maxLines } });
      for (const name of target.columns) {
        const value = row.record[name];
        if (value === undefined || value === null) continue;
        const seen = first.get(name);
        if (!seen) first.set(name, { value, line: row.line });
        else if (!sameValue(value, seen.value)) row.issues.push({ column: name, key: 'import.issues.headerConflict', params: { value, line: seen.line } });
      }
    });
    const bad = new Set(group.flatMap((r) => r.issues.map((i) => i.column)));
    for (const name of required) if (!first.has(name) && !bad.has(name)) group[0]!.issues.push({ column: name, key: REQUIRED });
    const firstBad = group.find((r) => r.issues.length > 0);
    if (firstBad) {
      for (const row of group) if (row.issues.length === 0) row.issues.push({ key: 'import.issues.groupInvalid', params: { line: firstBad.line } });
    }
  }
  return out;
}

/** The valid rows as parents with their lines (checkGroups left only whole groups valid). */
export function toLineGroups(rows: readonly ValidatedRow[], target: ImportTarget): LineGroup[] {
  const grouped = target.grouped!;
  return groupsOf(rows.filter((r) => r.issues.length === 0), grouped.groupBy).map((group) => {
    const header: Record<string, unknown> = {};
    for (const row of group) for (const name of target.columns) if (header[name] === undefined && row.record[name] != null) header[name] = row.record[name];
    const lines = group.map((row) => {
      const line: Record<string, unknown> = { line: row.line };
      for (const name of grouped.lineColumns) if (row.record[name] !== undefined) line[name] = row.record[name];
      return line;
    });
    return { line: group[0]!.line, header, lines };
  });
}
