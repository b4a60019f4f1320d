// WHERE, ORDER BY and column expressions of a read plan; values always as bound parameters.
import type { ColumnRef, ReadPlan, ResolvedOrder, Where } from './plan.ts';
import type { Condition } from './filter-grammar.ts';
import { arrayLiteral, ident, Params, qualified } from './sql-text.ts';
import { joinCondition, embedFrom } from './sql-embed.ts';

/** `alias."col"->$1->>$2`: JSON keys are parameters too (integers index arrays). */
export function columnSql(alias: string, ref: ColumnRef, p: Params): string {
  let sql = ref.computed
    ? // The row is cast to the table type: after a write it comes from a CTE of the same columns.
      `${qualified(ref.computed.schema, ref.computed.function)}(${ident(alias)}::${qualified(ref.computed.owner.schema, ref.computed.owner.name)})`
    : `${ident(alias)}.${ident(ref.column.name)}`;
  for (const step of ref.jsonPath) {
    const key = /^-?[0-9]{1,9}$/.test(step.key) ? `${p.add(Number(step.key))}::int` : `${p.add(step.key)}::text`;
    sql = `(${sql}${step.arrow}${key})`;
  }
  return sql;
}

const COMPARE: Record<string, string> = {
  eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=', like: 'like', ilike: 'ilike', match: '~', imatch: '~*',
  cs: '@>', cd: '<@', ov: '&&', sl: '<<', sr: '>>', nxl: '&>', nxr: '&<', adj: '-|-',
};
const FTS_FN: Record<string, string> = { fts: 'to_tsquery', plfts: 'plainto_tsquery', phfts: 'phraseto_tsquery', wfts: 'websearch_to_tsquery' };
const IS_SQL: Record<string, string> = { null: 'is null', not_null: 'is not null', true: 'is true', false: 'is false', unknown: 'is unknown' };

const likePattern = (s: string) => s.replace(/\*/g, '%');

function conditionSql(col: string, ref: ColumnRef, cond: Condition, p: Params): string {
  const { op, value } = cond;
  let sql: string;
  if (op === 'in') {
    const list = value as string[];
    sql = list.length ? `${col} = any(${p.add(arrayLiteral(list))})` : 'false';
  } else if (op === 'is') {
    sql = `${col} ${IS_SQL[value as string]}`;
  } else if (op === 'isdistinct') {
    sql = `${col} is distinct from ${p.add(value)}`;
  } else if (op in FTS_FN) {
    const query = cond.ftsConfig !== undefined
      ? `${FTS_FN[op]}(${p.add(cond.ftsConfig)}::regconfig, ${p.add(value)})`
      : `${FTS_FN[op]}(${p.add(value)})`;
    const isVector = ref.column.udt === 'tsvector' && !ref.jsonPath.length;
    const doc = isVector ? col : cond.ftsConfig !== undefined ? `to_tsvector(${p.add(cond.ftsConfig)}::regconfig, ${col})` : `to_tsvector(${col})`;
    sql = `${doc} @@ ${query}`;
  } else {
    const v = op === 'like' || op === 'ilike' ? likePattern(value as string) : (value as string);
    sql = cond.quantifier ? `${col} ${COMPARE[op]} ${cond.quantifier}(${p.add(v)})` : `${col} ${COMPARE[op]} ${p.add(v)}`;
  }
  return cond.negate ? `not (${sql})` : sql;
}

export function whereSql(plan: ReadPlan, where: Where, p: Params): string {
  if (where.kind === 'filter') return conditionSql(columnSql(plan.alias, where.ref, p), where.ref, where.cond, p);
  if (where.kind === 'embed-null') {
    const e = where.embed;
    const exists = `exists (select 1 from ${embedFrom(e)} where ${joinCondition(plan, e)}${innerFilters(e, p)})`;
    return where.isNull ? `not ${exists}` : exists;
  }
  const parts = where.children.map((c) => whereSql(plan, c, p));
  const sql = parts.length ? `(${parts.join(where.op === 'and' ? ' and ' : ' or ')})` : where.op === 'and' ? 'true' : 'false';
  return where.negate ? `not ${sql}` : sql;
}

function innerFilters(e: ReadPlan['embeds'][number], p: Params): string {
  const conds = levelConditions(e.plan, p);
  return conds.length ? ` and ${conds.join(' and ')}` : '';
}

/** This level's filters plus `!inner` embeds (rows only where the embed has a match). */
export function levelConditions(plan: ReadPlan, p: Params): string[] {
  const out = plan.where.map((w) => whereSql(plan, w, p));
  for (const e of plan.embeds) {
    if (e.inner) out.push(`exists (select 1 from ${embedFrom(e)} where ${joinCondition(plan, e)}${innerFilters(e, p)})`);
  }
  return out;
}

export function orderSql(plan: ReadPlan, order: ResolvedOrder[], p: Params): string {
  return order
    .map((o) => {
      let expr: string;
      if (o.embed) {
        expr = `(select ${columnSql(o.embed.plan.alias, o.ref, p)} from ${embedFrom(o.embed)} where ${joinCondition(plan, o.embed)} limit 1)`;
      } else expr = columnSql(plan.alias, o.ref, p);
      return `${expr}${o.direction === 'desc' ? ' desc' : ' asc'}${o.nulls ? ` nulls ${o.nulls}` : ''}`;
    })
    .join(', ');
}
