// EXPLAIN (ANALYZE) of a page's query exactly as /rest/v1 builds it (the REST planner's own SQL),
// run as the signed-in user so RLS is in the plan; and whether each policy helper runs once per
// query (an InitPlan) rather than once per row (in a Filter or a SubPlan).
import type { Db } from '../../supabase/local/db/types.ts';
import { runAsRole } from '../../supabase/local/db/as-role.ts';
import { loadSchemaCache, relKey } from '../../supabase/local/rest/schema-cache.ts';
import { planRead } from '../../supabase/local/rest/plan.ts';
import { sortParams } from '../../supabase/local/rest/request-params.ts';
import { parseQueryString } from '../../supabase/local/rest/query-string.ts';
import { readStatement } from '../../supabase/local/rest/sql-read.ts';
import { ident, Params, qualified } from '../../supabase/local/rest/sql-text.ts';

export interface Explained {
  page: string;
  role: string;
  ms: number;
  initPlans: number;
  /** Helpers called outside an InitPlan, i.e. once per row: should be none. */
  perRowHelpers: string[];
  plan: string;
}

/** table + query string (select, filters, order), 25 rows, exact count: as the app asks. */
export async function explainPage(db: Db, claims: Record<string, unknown>, page: string, table: string, query: string): Promise<Explained> {
  const cache = await loadSchemaCache(db, ['public']);
  const rel = cache.relations.get(relKey('public', table));
  if (!rel) throw new Error(`no table ${table}`);
  // parseQueryString reads a URL: without the '?' it would see no parameters at all.
  const plan = planRead(cache, rel, sortParams(parseQueryString(`?${query}`)));
  const p = new Params();
  const sql = readStatement(plan, `${qualified('public', table)} as ${ident(plan.alias)}`, { offset: 0, limit: 25, exactCount: true, singular: false, stripNulls: false }, p);
  const info = { method: 'GET', path: `/${table}`, headers: {} };
  const rows = await runAsRole(db, 'authenticated', claims, info, async (tx) =>
    (await tx.query<Record<string, string>>(`explain (analyze, verbose, costs off, timing on) ${sql}`, p.values)).rows,
  );
  const text = rows.map((r) => Object.values(r)[0]).join('\n');
  const ms = Number(/Execution Time: ([0-9.]+) ms/.exec(text)?.[1] ?? NaN);
  // A helper call outside an InitPlan block (in a Filter, or in a SubPlan) runs once per row.
  const perRowHelpers: string[] = [];
  let initIndent = -1;
  for (const line of text.split('\n')) {
    const indent = line.search(/\S/);
    if (initIndent >= 0 && indent <= initIndent) initIndent = -1;
    if (/InitPlan/.test(line) && !/\(InitPlan/.test(line) && initIndent < 0) {
      initIndent = indent;
      continue;
    }
    if (initIndent >= 0) continue;
    for (const m of line.matchAll(/(private\.\w+|auth\.uid|auth\.jwt)\(/g)) perRowHelpers.push(m[1]);
  }
  return { page, role: String(claims.email ?? claims.sub), ms, initPlans: (text.match(/InitPlan/g) ?? []).length, perRowHelpers: [...new Set(perRowHelpers)], plan: text };
}
