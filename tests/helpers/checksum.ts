// A fingerprint of the data: md5 of every table's rows (ordered by primary key) in the public
// schema, plus auth.users and storage.objects. Read directly on the Db (no RLS), so two equal
// fingerprints mean no refused request changed anything.
import type { DbSession } from '../../supabase/local/db/types.ts';

const EXTRA_TABLES = [
  ['auth', 'users'],
  ['storage', 'objects'],
  ['storage', 'buckets'],
];

interface TableKey {
  schema: string;
  name: string;
  pk: string[];
}

async function tablesWithKeys(db: DbSession): Promise<TableKey[]> {
  const { rows } = await db.query<{ schema: string; name: string; pk: string[] | null }>(`
    select n.nspname as schema, c.relname as name,
           (select array_agg(a.attname::text order by k.ord)
              from pg_index i
              cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
              join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
             where i.indrelid = c.oid and i.indisprimary) as pk
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and (n.nspname = 'public' or (n.nspname, c.relname) in (${EXTRA_TABLES.map(([s, t]) => `('${s}', '${t}')`).join(', ')}))
     order by 1, 2`);
  return rows.map((r) => ({ schema: r.schema, name: r.name, pk: r.pk ?? [] }));
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** md5 per table, keyed "schema.table". */
export async function tableChecksums(db: DbSession): Promise<Record<string, string>> {
  const tables = await tablesWithKeys(db);
  const parts = tables.map((t) => {
    // A table without a key is ordered by its whole row text, which is as deterministic.
    const order = t.pk.length ? t.pk.map((c) => `r.${quote(c)}`).join(', ') : 'r::text';
    return `select '${t.schema}.${t.name}' as t, md5(coalesce(string_agg(r::text, '|' order by ${order}), '')) as sum from ${quote(t.schema)}.${quote(t.name)} r`;
  });
  const { rows } = await db.query<{ t: string; sum: string }>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.t, r.sum]));
}

/** The tables whose checksum differs between two fingerprints (empty = nothing changed). */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
