// INSERT / UPDATE / DELETE as PostgREST writes them: the payload is one JSON parameter turned into
// rows by json_populate_recordset (types converted by Postgres), RETURNING only when the response
// needs rows, so that `return=minimal` needs no SELECT privilege or policy.
import type { Relation } from './schema-cache.ts';
import type { ReadPlan } from './plan.ts';
import { levelConditions, orderSql } from './sql-where.ts';
import { bodySql, selectListSql } from './sql-read.ts';
import { ident, Params, qualified } from './sql-text.ts';

export interface WriteShape {
  returning: boolean;
  singular: boolean;
  stripNulls: boolean;
}

/** Wraps a data-changing statement: rows counted, and rendered through the select plan if asked. */
function wrap(dml: string, plan: ReadPlan, shape: WriteShape, p: Params): string {
  // No RETURNING at all: RETURNING would make Postgres apply SELECT policies to the new rows.
  if (!shape.returning) return dml;
  const list = selectListSql(plan, p);
  const inner = list ? `select ${list} from pgrst_source as ${ident(plan.alias)}` : 'select from pgrst_source';
  return `with pgrst_source as (${dml}) select null::text as total, count(*)::int as page_total, ${bodySql(shape)} as body from (${inner}) _pgrst_t`;
}

const returningClause = (plan: ReadPlan, shape: WriteShape) => (shape.returning ? ` returning ${ident(plan.alias)}.*` : '');

export interface InsertOptions {
  columns: string[];
  onConflict?: { columns: string[]; resolution: 'merge-duplicates' | 'ignore-duplicates' };
  json: string;
}

export function insertStatement(rel: Relation, plan: ReadPlan, o: InsertOptions, shape: WriteShape, p: Params): string {
  const target = `${qualified(rel.schema, rel.name)} as ${ident(plan.alias)}`;
  const cols = o.columns.map(ident).join(', ');
  const source = o.columns.length
    ? `select ${cols} from json_populate_recordset(null::${qualified(rel.schema, rel.name)}, ${p.add(o.json)}::json)`
    : null;
  let dml = source ? `insert into ${target} (${cols}) ${source}` : `insert into ${target} default values`;
  if (o.onConflict) {
    const conflict = o.onConflict.columns.map(ident).join(', ');
    const updatable = o.columns;
    dml +=
      o.onConflict.resolution === 'ignore-duplicates' || !updatable.length
        ? ` on conflict (${conflict}) do nothing`
        : ` on conflict (${conflict}) do update set ${updatable.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ')}`;
  }
  return wrap(dml + returningClause(plan, shape), plan, shape, p);
}

/** Rows a limited update/delete may touch: `ctid in (select … order by … limit …)`. */
function limitedTarget(rel: Relation, plan: ReadPlan, conds: string[], p: Params, limit: number): string {
  let sql = `select ${ident(plan.alias)}.ctid from ${qualified(rel.schema, rel.name)} as ${ident(plan.alias)}`;
  if (conds.length) sql += ` where ${conds.join(' and ')}`;
  if (plan.order.length) sql += ` order by ${orderSql(plan, plan.order, p)}`;
  sql += ` limit ${p.add(limit)}`;
  return `${ident(plan.alias)}.ctid = any(array(${sql}))`;
}

export function updateStatement(rel: Relation, plan: ReadPlan, filterPlan: ReadPlan, columns: string[], json: string, shape: WriteShape, p: Params, limit?: number): string {
  const conds = levelConditions(filterPlan, p);
  const where = limit !== undefined ? [limitedTarget(rel, filterPlan, conds, p, limit)] : conds;
  const set = columns.map((c) => `${ident(c)} = pgrst_body.${ident(c)}`).join(', ');
  const dml = `update ${qualified(rel.schema, rel.name)} as ${ident(plan.alias)} set ${set} from (select * from json_populate_record(null::${qualified(rel.schema, rel.name)}, ${p.add(json)}::json)) pgrst_body${where.length ? ` where ${where.join(' and ')}` : ''}`;
  return wrap(dml + returningClause(plan, shape), plan, shape, p);
}

export function deleteStatement(rel: Relation, plan: ReadPlan, filterPlan: ReadPlan, shape: WriteShape, p: Params, limit?: number): string {
  const conds = levelConditions(filterPlan, p);
  const where = limit !== undefined ? [limitedTarget(rel, filterPlan, conds, p, limit)] : conds;
  const dml = `delete from ${qualified(rel.schema, rel.name)} as ${ident(plan.alias)}${where.length ? ` where ${where.join(' and ')}` : ''}`;
  return wrap(dml + returningClause(plan, shape), plan, shape, p);
}
