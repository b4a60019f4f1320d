// SELECT statements for reads: the select list (embeds as correlated subqueries building JSON the
// way PostgREST does), and the page / count / body wrapper.
import type { EmbedPlan, OutputItem, ReadPlan } from './plan.ts';
import { columnSql, levelConditions, orderSql } from './sql-where.ts';
import { embedFrom, joinCondition } from './sql-embed.ts';
import { ident, Params } from './sql-text.ts';

function itemSql(plan: ReadPlan, o: OutputItem, p: Params): string {
  switch (o.kind) {
    case 'column':
      return `${columnSql(plan.alias, o.ref, p)}${o.cast ? `::${o.cast}` : ''} as ${ident(o.label)}`;
    case 'count':
      return `count(*) as ${ident(o.label)}`;
    case 'spread':
      return `(select ${columnSql(o.embed.plan.alias, o.ref, p)}${o.cast ? `::${o.cast}` : ''} from ${embedFrom(o.embed)} where ${joinCondition(plan, o.embed)} limit 1) as ${ident(o.label)}`;
    case 'embed':
      return `${embedSql(plan, o.embed, p)} as ${ident(o.embed.label)}`;
  }
}

export function selectListSql(plan: ReadPlan, p: Params): string {
  if (!plan.output.length) return '';
  return plan.output.map((o) => itemSql(plan, o, p)).join(', ');
}

/** The body of one level: `select <list> from <rel> where … group by … order by … limit … offset …`. */
function levelSql(plan: ReadPlan, from: string, extraConditions: string[], p: Params, countOnly = false): string {
  const conds = [...extraConditions, ...levelConditions(plan, p)];
  let sql = `select ${countOnly ? '1' : selectListSql(plan, p)} from ${from}`;
  if (conds.length) sql += ` where ${conds.join(' and ')}`;
  if (plan.groupBy.length) sql += ` group by ${plan.groupBy.map((r) => columnSql(plan.alias, r, p)).join(', ')}`;
  if (countOnly) return sql;
  if (plan.order.length) sql += ` order by ${orderSql(plan, plan.order, p)}`;
  if (plan.limit !== undefined) sql += ` limit ${p.add(plan.limit)}`;
  if (plan.offset) sql += ` offset ${p.add(plan.offset)}`;
  return sql;
}

function embedSql(parent: ReadPlan, e: EmbedPlan, p: Params): string {
  const inner = levelSql(e.plan, embedFrom(e), [joinCondition(parent, e)], p);
  if (e.toOne) return `(select row_to_json(_pgrst_e) from (${inner} limit 1) as _pgrst_e)`;
  return `coalesce((select json_agg(_pgrst_e) from (${inner}) as _pgrst_e), '[]'::json)`;
}

export interface PageOptions {
  limit?: number;
  offset: number;
  exactCount: boolean;
  singular: boolean;
  stripNulls: boolean;
  /** text/csv: rows as their record text, one per line, as PostgREST renders CSV. */
  csv?: boolean;
}

/** `from`: the FROM item of the top level, e.g. `"public"."t" as "t"` or a function call. */
export function readStatement(plan: ReadPlan, from: string, page: PageOptions, p: Params, extraConditions: string[] = []): string {
  const top = { ...plan, limit: page.limit, offset: page.offset };
  const source = levelSql(top, from, extraConditions, p);
  const countSql = page.exactCount
    ? `(select count(*) from (${levelSql(plan, from, extraConditions, p, true)}) _pgrst_c)`
    : 'null';
  return `select ${countSql}::int8::text as total, count(*)::int as page_total, ${bodySql(page)} as body from (${source}) _pgrst_t`;
}

export function bodySql(page: { singular: boolean; stripNulls: boolean; csv?: boolean }): string {
  if (page.csv) return `coalesce(string_agg(substring(_pgrst_t::text, 2, length(_pgrst_t::text) - 2), chr(10)), '')`;
  const agg = page.stripNulls ? `json_strip_nulls(json_agg(_pgrst_t))` : `json_agg(_pgrst_t)`;
  return page.singular ? `coalesce((${agg}->0)::text, '')` : `coalesce(${agg}, '[]')::text`;
}
