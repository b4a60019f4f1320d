// Foreign keys seen through views: a view that shows a key's columns unchanged (or the columns
// it references) takes part in the relationship, as PostgREST lets views be embedded.
import type { DbSession } from '../db/types.ts';
import { relKey, type ForeignKey } from './schema-cache.ts';
import { viewColumnSources } from './view-sources.ts';

const RELNAMES_SQL = `
select c.oid::text as oid, n.nspname as schema, c.relname as name,
       (select array_agg(a.attname order by a.attnum) from pg_attribute a where a.attrelid = c.oid and a.attnum > 0)::text[] as cols,
       (select array_agg(a.attnum::int order by a.attnum) from pg_attribute a where a.attrelid = c.oid and a.attnum > 0) as nums
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.oid::text = any($1::text[])`;

/** Each FK whose columns (or referenced columns) a view shows unchanged, restated on the view. */
export async function foreignKeysThroughViews(
  db: DbSession,
  views: { schema: string; name: string; action: string }[],
  tableFks: ForeignKey[],
): Promise<ForeignKey[]> {
  const sources = views.map((v) => ({ view: v, cols: viewColumnSources(v.action) }));
  // OIDs are unsigned 32-bit: passed and compared as text.
  const oids = [...new Set(sources.flatMap((s) => s.cols.map((c) => String(c.table))))];
  if (!oids.length) return [];
  const names = new Map<string, { schema: string; name: string; colByNum: Map<number, string> }>();
  for (const r of (await db.query<any>(RELNAMES_SQL, [oids])).rows) {
    const colByNum = new Map<number, string>();
    (r.nums as number[]).forEach((n, i) => colByNum.set(n, r.cols[i]));
    names.set(r.oid, { schema: r.schema, name: r.name, colByNum });
  }
  // For every view: base table key -> (base column -> view column).
  type Shown = { view: { schema: string; name: string }; base: string; map: Map<string, string> };
  const shown: Shown[] = [];
  for (const { view, cols } of sources) {
    const byBase = new Map<string, Map<string, string>>();
    for (const c of cols) {
      const t = names.get(String(c.table));
      const col = t?.colByNum.get(c.column);
      if (!t || !col) continue;
      const key = relKey(t.schema, t.name);
      if (!byBase.has(key)) byBase.set(key, new Map());
      if (!byBase.get(key)!.has(col)) byBase.get(key)!.set(col, c.name);
    }
    for (const [base, map] of byBase) shown.push({ view: { schema: view.schema, name: view.name }, base, map });
  }
  const out: ForeignKey[] = [];
  const ends = (rel: { schema: string; name: string }, columns: string[]) => {
    const list = [{ rel, columns }];
    for (const s of shown) {
      if (s.base !== relKey(rel.schema, rel.name)) continue;
      const mapped = columns.map((c) => s.map.get(c));
      if (mapped.every(Boolean)) list.push({ rel: s.view, columns: mapped as string[] });
    }
    return list;
  };
  for (const fk of tableFks) {
    for (const a of ends(fk.from, fk.columns)) {
      for (const b of ends(fk.to, fk.refColumns)) {
        if (a.rel === fk.from && b.rel === fk.to) continue;
        out.push({ name: fk.name, from: a.rel, columns: a.columns, to: b.rel, refColumns: b.columns });
      }
    }
  }
  return out;
}
