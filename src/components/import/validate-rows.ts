// File rows → records the table accepts, each with its problems: types (the shared cell parser),
// required values, enum values (by value or label), foreign keys named by the referenced row's
// label, and duplicates of the natural key (within the file and against existing rows).
import type { CellParser, ImportColumn } from './import-column.ts';
import type { ColumnMapping } from './header-mapping.ts';
import type { ImportLabels } from './labels.ts';
import { normalizeLabel } from './header-mapping.ts';

/** One problem of a row: an i18n key (`import.issues.*` or the parser's key) and its parameters. */
export interface RowIssue {
  column?: string;
  key: string;
  params?: Record<string, unknown>;
}

export interface ValidatedRow {
  /** The row's position among the file's data rows. */
  index: number;
  /** The row's number in the file (the header is row 1). */
  line: number;
  record: Record<string, unknown>;
  issues: RowIssue[];
}

export interface ValidationContext {
  columns: readonly ImportColumn[];
  mapping: ColumnMapping;
  parse: CellParser;
  labels: ImportLabels;
  /** Per foreign-key column: normalized label → ids of the rows carrying it. */
  references?: ReadonlyMap<string, ReadonlyMap<string, string[]>>;
  naturalKey?: string;
  /** Natural-key values (normalized) that already exist in the table. */
  existingKeys?: ReadonlySet<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST_SEPARATORS = /[,;，；、\r\n]+/;

export const keyOf = (value: unknown): string => normalizeLabel(String(value ?? ''));

function resolveEnum(text: string, column: ImportColumn, labels: ImportLabels): string {
  const wanted = normalizeLabel(text);
  const hit = column.enumValues?.find((v) => labels.enumValue(column.name, v).some((l) => normalizeLabel(l) === wanted));
  return hit ?? text;
}

function resolveReference(text: string, column: ImportColumn, ctx: ValidationContext): { value?: string; issue?: RowIssue } {
  const ids = ctx.references?.get(column.name)?.get(keyOf(text)) ?? [];
  if (ids.length === 1) return { value: ids[0] };
  if (ids.length > 1) return { issue: { column: column.name, key: 'import.issues.ambiguous', params: { value: text, count: ids.length } } };
  if (UUID.test(text)) return { value: text.toLowerCase() };
  return { issue: { column: column.name, key: 'import.issues.notFound', params: { value: text } } };
}

function cellValue(text: string, column: ImportColumn, ctx: ValidationContext): { value?: unknown; issue?: RowIssue } {
  // Array columns (tags) take a plain list, the way people type it; JSON arrays go to the parser.
  if (column.array && !text.startsWith('[')) return { value: text.split(LIST_SEPARATORS).map((s) => s.trim()).filter(Boolean) };
  if (ctx.references?.has(column.name)) return resolveReference(text, column, ctx);
  const input = column.kind === 'enum' ? resolveEnum(text, column, ctx.labels) : text;
  const parsed = ctx.parse(input, column);
  if (parsed.ok) return { value: parsed.value };
  return { issue: { column: column.name, key: parsed.error, params: { ...parsed.params, value: text } } };
}

/** Tracks natural-key values seen so far in the file: value → first line. */
export type SeenKeys = Map<string, number>;

export function validateRow(cells: readonly string[], index: number, line: number, ctx: ValidationContext, seen: SeenKeys): ValidatedRow {
  const record: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  const byName = new Map(ctx.columns.map((c) => [c.name, c]));
  ctx.mapping.forEach((name, index) => {
    const column = name ? byName.get(name) : undefined;
    if (!column) return;
    const text = (cells[index] ?? '').trim();
    // A blank cell is left out of the record, so the column's default (or null) applies.
    if (text === '') {
      if (column.required) issues.push({ column: column.name, key: 'import.issues.required' });
      return;
    }
    const { value, issue } = cellValue(text, column, ctx);
    if (issue) issues.push(issue);
    else record[column.name] = value;
  });
  const key = ctx.naturalKey;
  if (key && record[key] !== undefined && record[key] !== null) {
    const k = keyOf(record[key]);
    const first = seen.get(k);
    if (first !== undefined) issues.push({ column: key, key: 'import.issues.duplicateInFile', params: { value: record[key], line: first } });
    else seen.set(k, line);
    if (ctx.existingKeys?.has(k)) issues.push({ column: key, key: 'import.issues.duplicateExisting', params: { value: record[key] } });
  }
  return { index, line, record, issues };
}

/** Without row numbers from the reader, data starts at row 2 (after the header). */
export const FIRST_DATA_LINE = 2;

export interface ValidateOptions {
  /** The file's row number of each row (RawTable.lines). */
  lines?: readonly number[];
  /** Gets the share done (0..1) after each chunk. */
  onProgress?: (done: number) => void;
  chunk?: number;
}

/**
 * Validates every row, yielding to the browser between chunks so a 10k-row file never freezes the
 * page.
 */
export async function validateRows(rows: readonly string[][], ctx: ValidationContext, { lines, onProgress, chunk = 1000 }: ValidateOptions = {}): Promise<ValidatedRow[]> {
  const seen: SeenKeys = new Map();
  const out: ValidatedRow[] = [];
  for (let start = 0; start < rows.length; start += chunk) {
    for (let i = start; i < Math.min(start + chunk, rows.length); i++) out.push(validateRow(rows[i]!, i, lines?.[i] ?? i + FIRST_DATA_LINE, ctx, seen));
    onProgress?.(Math.min(1, (start + chunk) / rows.length));
    if (start + chunk < rows.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return out;
}
