// GET/HEAD/POST/PATCH/PUT/DELETE on /rest/v1/<table>: parse -> plan -> SQL -> response.
import { columnNotFound, RestError } from './errors.ts';
import { parseBody, payloadColumns } from './body.ts';
import { execute } from './execute.ts';
import { planRead, columnRef, type ReadPlan } from './plan.ts';
import { sortParams, type RequestParams } from './request-params.ts';
import { findRelation, headerOf, type RestRequest } from './request-context.ts';
import { contentRange, negotiate, parseRangeHeader, rangeStatus, type Negotiated } from './response.ts';
import { appliedPreferences, checkResult, resultOf, sendBody, type StatementResult } from './render.ts';
import { readStatement } from './sql-read.ts';
import { ident, Params, qualified } from './sql-text.ts';
import { deleteStatement, insertStatement, updateStatement, type WriteShape } from './sql-write.ts';
import { estimatedCount, plannedCount } from './planned-count.ts';
import type { Relation } from './schema-cache.ts';
import type { DbSession } from '../db/types.ts';
import { cachedPlan } from './plan-cache.ts';

type Row = { total: string | null; page_total: number; body: string };

/** The page a read asks for: limit/offset parameters, else the Range header; capped at max_rows. */
export function pageOf(r: RestRequest, params: RequestParams): { offset: number; limit?: number } {
  const top = params.levels.get('')!;
  let offset = top.offset ?? 0;
  let limit = top.limit;
  const range = r.req.method === 'GET' ? parseRangeHeader(headerOf(r.req, 'range')) : undefined;
  if (range && top.offset === undefined && top.limit === undefined) {
    offset = range.offset;
    limit = range.limit;
  }
  if (r.maxRows !== undefined) limit = Math.min(limit ?? r.maxRows, r.maxRows);
  return { offset, limit };
}

export async function handleRead(r: RestRequest, name: string): Promise<unknown> {
  // Parsing, planning and SQL depend only on the schema cache and these inputs: cached per shape.
  const key = [r.req.method, r.schema, name, r.req.raw.url, headerOf(r.req, 'accept'), r.prefs.count, headerOf(r.req, 'range'), r.maxRows].join('\u0001');
  const { plan, page, neg, sql, values, from } = cachedPlan(r.cache, key, () => {
    const rel = findRelation(r.cache, r.schema, name);
    const params = sortParams(r.pairs);
    const neg = negotiate(headerOf(r.req, 'accept'));
    const plan = planRead(r.cache, rel, params);
    const page = pageOf(r, params);
    const p = new Params();
    const from = `${qualified(rel.schema, rel.name)} as ${ident(plan.alias)}`;
    const sql = readStatement(plan, from, { ...page, exactCount: r.prefs.count === 'exact', singular: neg.media === 'object', stripNulls: neg.stripNulls, csv: neg.media === 'csv' }, p);
    return { plan, page, neg, sql, values: p.values, from };
  });
  const result = await execute(r, { schema: r.schema }, async (tx) => {
    const res = resultOf((await tx.query<Row>(sql, values)).rows[0]);
    if (r.prefs.count === 'planned') res.total = await plannedCount(tx, plan, from);
    if (r.prefs.count === 'estimated') res.total = await estimatedCount(tx, plan, from, r.maxRows);
    checkResult(res, neg, r.prefs);
    return res;
  });
  return sendRead(r, neg, result, page.offset, plan);
}

export function sendRead(r: RestRequest, neg: Negotiated, result: StatementResult, offset: number, plan: ReadPlan | undefined) {
  const status = rangeStatus(offset, result.pageTotal, result.total);
  r.reply.code(status).header('Content-Range', contentRange(offset, result.pageTotal, result.total));
  const applied = appliedPreferences(r.prefs, ['count']);
  if (applied) r.reply.header('Preference-Applied', applied);
  if (r.req.method === 'HEAD') return r.reply.header('Content-Type', 'application/json; charset=utf-8').send();
  return sendBody(r.reply, neg, result, plan, true);
}

function checkColumns(rel: Relation, columns: string[]): void {
  for (const c of columns) if (!rel.columns.has(c)) throw columnNotFound(rel.name, c);
}

function writeShape(r: RestRequest, neg: Negotiated): WriteShape {
  const ret = r.prefs.return;
  return { returning: ret === 'representation' || ret === 'headers-only' || neg.media === 'object', singular: neg.media === 'object', stripNulls: neg.stripNulls };
}

async function runWrite(r: RestRequest, neg: Negotiated, shape: WriteShape, statements: { sql: string; params: unknown[] }[]): Promise<StatementResult> {
  return execute(r, { schema: r.schema, rollback: r.prefs.tx === 'rollback' }, async (tx: DbSession) => {
    let pageTotal = 0;
    const bodies: string[] = [];
    for (const s of statements) {
      const res = await tx.query<Row>(s.sql, s.params);
      if (shape.returning) {
        const one = resultOf(res.rows[0]);
        pageTotal += one.pageTotal;
        bodies.push(one.body);
      } else pageTotal += res.rowCount;
    }
    const body = !shape.returning ? '' : bodies.length === 1 ? bodies[0] : mergeArrays(bodies, shape.singular);
    const result: StatementResult = { total: r.prefs.count ? pageTotal : null, pageTotal, body };
    checkResult(result, neg, r.prefs);
    return result;
  });
}

/** Joins several JSON array texts (one per insert group; none for an empty bulk insert) without re-parsing numbers. */
function mergeArrays(bodies: string[], singular: boolean): string {
  if (singular) return bodies.find((b) => b !== '') ?? '';
  const inner = bodies.map((b) => b.trim().slice(1, -1).trim()).filter(Boolean);
  return `[${inner.join(',')}]`;
}

function sendWrite(r: RestRequest, neg: Negotiated, result: StatementResult, plan: ReadPlan, status: number, range: string) {
  const applied = appliedPreferences(r.prefs, ['return', 'count', 'resolution', 'missing', 'tx', 'handling', 'maxAffected']);
  if (applied) r.reply.header('Preference-Applied', applied);
  r.reply.header('Content-Range', range);
  if (r.prefs.return === 'representation' || (neg.media === 'object' && r.prefs.return !== 'minimal' && r.prefs.return !== 'headers-only')) {
    return sendBody(r.reply.code(status), neg, result, plan);
  }
  return r.reply.code(status === 200 ? 204 : status).send();
}

export async function handleInsert(r: RestRequest, name: string, put = false): Promise<unknown> {
  const rel = findRelation(r.cache, r.schema, name);
  const params = sortParams(r.pairs);
  const neg = negotiate(headerOf(r.req, 'accept'));
  const body = parseBody(r.req.body, headerOf(r.req, 'content-type'));
  const columns = payloadColumns(body.rows, params.columns);
  checkColumns(rel, columns);
  const plan = planRead(r.cache, rel, { ...params, levels: new Map([['', { filters: [] }], ...[...params.levels].filter(([k]) => k !== '')]) });
  let onConflict: { columns: string[]; resolution: 'merge-duplicates' | 'ignore-duplicates' } | undefined;
  if (put) {
    checkPutFilters(rel, params, body.rows);
    onConflict = { columns: rel.pk, resolution: 'merge-duplicates' };
  } else if (r.prefs.resolution) {
    const cols = params.onConflict ?? rel.pk;
    cols.forEach((c) => columnRef(rel, { name: c, jsonPath: [] }));
    onConflict = { columns: cols, resolution: r.prefs.resolution };
  }
  const shape = writeShape(r, neg);
  const groups = r.prefs.missing === 'default' ? groupByKeys(body.rows, columns) : [{ columns, rows: body.rows, json: body.single ? `[${body.json}]` : body.json }];
  const statements = groups.filter((g) => g.rows.length).flatMap((g) => {
    // `insert … default values` writes one row: one statement per such row.
    const times = g.columns.length ? 1 : g.rows.length;
    return Array.from({ length: times }, () => {
      const p = new Params();
      return { sql: insertStatement(rel, plan, { columns: g.columns, onConflict, json: g.json }, shape, p), params: p.values };
    });
  });
  const result = await runWrite(r, neg, shape, statements);
  if (r.prefs.return === 'headers-only' && rel.pk.length && result.body) {
    const first = JSON.parse(result.body);
    const row = Array.isArray(first) ? first[0] : first;
    if (row) r.reply.header('Location', `/${rel.name}?${rel.pk.map((k) => `${k}=eq.${encodeURIComponent(String(row[k]))}`).join('&')}`);
  }
  return sendWrite(r, neg, result, plan, put ? 200 : 201, `*/${result.total ?? '*'}`);
}

/** PUT must name the row by all primary key columns with eq, matching the payload. */
function checkPutFilters(rel: Relation, params: RequestParams, rows: Record<string, unknown>[]): void {
  const filters = params.levels.get('')!.filters;
  const eqs = new Map<string, string>();
  for (const f of filters) if (f.type === 'filter' && f.cond.op === 'eq' && !f.cond.negate && !f.field.jsonPath.length) eqs.set(f.field.name, f.cond.value as string);
  const ok = rel.pk.length > 0 && eqs.size === filters.length && rel.pk.length === eqs.size && rel.pk.every((k) => eqs.has(k));
  if (!ok) throw new RestError(405, 'PGRST105', "Filters must include all and only primary key columns with 'eq' operators");
  if (rows.length !== 1) throw new RestError(400, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rows.length} rows`);
  for (const k of rel.pk) {
    if (String(rows[0][k]) !== eqs.get(k)) throw new RestError(400, 'PGRST115', 'Payload values do not match URL in primary key column(s)');
  }
}

function groupByKeys(rows: Record<string, unknown>[], columns: string[]) {
  const groups = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
  for (const row of rows) {
    const cols = columns.filter((c) => Object.prototype.hasOwnProperty.call(row, c));
    const key = JSON.stringify(cols);
    if (!groups.has(key)) groups.set(key, { columns: cols, rows: [] });
    groups.get(key)!.rows.push(row);
  }
  return [...groups.values()].map((g) => ({ ...g, json: JSON.stringify(g.rows) }));
}

/** Supabase runs PostgREST with pg-safeupdate: UPDATE/DELETE need a WHERE clause. */
function requireFilters(plan: ReadPlan, verb: 'UPDATE' | 'DELETE', limit?: number): void {
  if (!plan.where.length && limit === undefined) throw new RestError(400, '21000', `${verb} requires a WHERE clause`);
}

export async function handleUpdate(r: RestRequest, name: string): Promise<unknown> {
  const rel = findRelation(r.cache, r.schema, name);
  const params = sortParams(r.pairs);
  const neg = negotiate(headerOf(r.req, 'accept'));
  const body = parseBody(r.req.body, headerOf(r.req, 'content-type'));
  if (!body.single && body.rows.length !== 1) throw new RestError(400, 'PGRST102', 'Empty or invalid json');
  const columns = payloadColumns(body.rows.slice(0, 1), params.columns);
  checkColumns(rel, columns);
  const plan = planRead(r.cache, rel, params);
  const limit = params.levels.get('')!.limit;
  requireFilters(plan, 'UPDATE', limit);
  const shape = writeShape(r, neg);
  const statements: { sql: string; params: unknown[] }[] = [];
  if (columns.length) {
    const p = new Params();
    statements.push({ sql: updateStatement(rel, plan, plan, columns, JSON.stringify(body.rows[0]), shape, p, limit), params: p.values });
  }
  const result = await runWrite(r, neg, shape, statements);
  if (!statements.length && shape.returning) result.body = neg.media === 'object' ? '' : '[]';
  return sendWrite(r, neg, result, plan, 200, contentRange(0, result.pageTotal, result.total));
}

export async function handleDelete(r: RestRequest, name: string): Promise<unknown> {
  const rel = findRelation(r.cache, r.schema, name);
  const params = sortParams(r.pairs);
  const neg = negotiate(headerOf(r.req, 'accept'));
  const plan = planRead(r.cache, rel, params);
  const limit = params.levels.get('')!.limit;
  requireFilters(plan, 'DELETE', limit);
  const shape = writeShape(r, neg);
  const p = new Params();
  const sql = deleteStatement(rel, plan, plan, shape, p, limit);
  const result = await runWrite(r, neg, shape, [{ sql, params: p.values }]);
  return sendWrite(r, neg, result, plan, 200, contentRange(0, result.pageTotal, result.total));
}
