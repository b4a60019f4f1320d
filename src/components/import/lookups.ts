// What validation needs from the database, read as the signed-in user (so RLS applies): ids of the
// rows a file names in foreign-key columns, and natural-key values that already exist.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ReferenceLookup } from './import-targets.ts';
import { keyOf } from './validate-rows.ts';

// Values per `in.(…)` filter: keeps the request URL well under common limits.
const CHUNK = 100;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// Requests in flight at once: a 10k-row file needs ~100 look-ups, done in seconds, not serially.
const PARALLEL = 4;

async function rowsWithValues(client: SupabaseClient, table: string, column: string, values: readonly string[], select: string) {
  const parts = chunks([...new Set(values.map((v) => v.trim()).filter(Boolean))]);
  const rows: Record<string, unknown>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < parts.length) {
      const part = parts[next++]!;
      const { data, error } = await client.from(table).select(select).in(column, part);
      if (error) throw error;
      rows.push(...((data ?? []) as unknown as Record<string, unknown>[]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, parts.length) }, worker));
  return rows;
}

async function idsByLabel(client: SupabaseClient, table: string, column: string, labels: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await rowsWithValues(client, table, column, labels, `id, ${column}`);
  const byLabel = new Map<string, string[]>();
  for (const row of rows) {
    const k = keyOf(row[column]);
    byLabel.set(k, [...(byLabel.get(k) ?? []), String(row.id)]);
  }
  return byLabel;
}

/** Normalized label → ids of the referenced rows carrying it (several: ambiguous). */
export async function fetchReferenceIds(client: SupabaseClient, lookup: ReferenceLookup, labels: readonly string[]): Promise<Map<string, string[]>> {
  const byLabel = await idsByLabel(client, lookup.table, lookup.labelColumn, labels);
  const rest = labels.filter((l) => !byLabel.has(keyOf(l)));
  if (lookup.fallbackLabelColumn && rest.length) {
    for (const [k, ids] of await idsByLabel(client, lookup.table, lookup.fallbackLabelColumn, rest)) byLabel.set(k, ids);
  }
  return byLabel;
}

/** The given natural-key values that already exist in `table` (normalized). */
export async function fetchExistingKeys(client: SupabaseClient, table: string, column: string, values: readonly string[]): Promise<Set<string>> {
  const rows = await rowsWithValues(client, table, column, values, column);
  return new Set(rows.map((r) => keyOf(r[column])));
}
