// Everything validation needs for one file and one table: the importable columns as the schema
// describes them, and what the database knows (referenced rows, existing natural keys).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { TableInfo } from '../../providers/table-schema.ts';
import { parseCell } from '../cell-value/parse.ts';
import type { ColumnMapping } from './header-mapping.ts';
import type { ImportColumn } from './import-column.ts';
import type { ImportTarget } from './import-targets.ts';
import type { ImportLabels } from './labels.ts';
import { fetchExistingKeys, fetchReferenceIds } from './lookups.ts';
import type { RawTable } from './raw-table.ts';
import type { ValidationContext } from './validate-rows.ts';

/** The target's columns that the caller's schema has, in the target's order. */
export function importColumns(target: ImportTarget, table: TableInfo): ImportColumn[] {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  return target.columns.flatMap((name) => byName.get(name) ?? []);
}

/** The file's cells of the table column `name` (none when no file column is mapped to it). */
function cellsOf(raw: RawTable, mapping: ColumnMapping, name: string): string[] {
  const index = mapping.indexOf(name);
  return index < 0 ? [] : raw.rows.map((r) => (r[index] ?? '').trim()).filter(Boolean);
}

export async function buildValidationContext(
  client: SupabaseClient,
  target: ImportTarget,
  columns: readonly ImportColumn[],
  raw: RawTable,
  mapping: ColumnMapping,
  labels: ImportLabels,
): Promise<ValidationContext> {
  const references = new Map<string, Map<string, string[]>>();
  for (const [column, lookup] of Object.entries(target.references ?? {})) {
    const cells = cellsOf(raw, mapping, column);
    if (cells.length) references.set(column, await fetchReferenceIds(client, lookup, cells));
  }
  const key = target.naturalKey;
  const keyCells = key ? cellsOf(raw, mapping, key) : [];
  const existingKeys = key && keyCells.length ? await fetchExistingKeys(client, target.resource, key, keyCells) : undefined;
  return { columns, mapping, parse: (text, column) => parseCell(text, column), labels, references, naturalKey: key, existingKeys };
}
