// /rpc/<fn>: POST with JSON arguments, GET/HEAD with query arguments (read-only transaction).
// The overload is chosen by argument names; set-returning and table-typed results take
// select/filters/order/range like a table.
import { RestError } from './errors.ts';
import { parseBody } from './body.ts';
import { execute } from './execute.ts';
import { planRead } from './plan.ts';
import { sortParams } from './request-params.ts';
import { closest, headerOf, type RestRequest } from './request-context.ts';
import { negotiate } from './response.ts';
import { checkResult, resultOf } from './render.ts';
import { pageOf, sendRead } from './handle-table.ts';
import { readStatement } from './sql-read.ts';
import { ident, Params, qualified } from './sql-text.ts';
import { relKey, type Column, type DbFunction, type Relation } from './schema-cache.ts';

const isJsonType = (t: string) => t === 'json' || t === 'jsonb';

function chooseFunction(r: RestRequest, name: string, keys: string[], singleObject: boolean): { fn: DbFunction; wholeBody: boolean } {
  const overloads = r.cache.functions.get(relKey(r.schema, name)) ?? [];
  const named = overloads.filter((f) => {
    if (singleObject) return false;
    const names = f.params.map((p) => p.name);
    return keys.every((k) => names.includes(k)) && f.params.every((p) => p.hasDefault || keys.includes(p.name));
  });
  if (named.length === 1) return { fn: named[0], wholeBody: false };
  const single = overloads.filter((f) => f.params.length === 1 && isJsonType(f.params[0].type) && (singleObject || f.params[0].name === ''));
  if (!named.length && single.length === 1) return { fn: single[0], wholeBody: true };
  const found = named.length ? named : single;
  if (found.length > 1) {
    throw new RestError(
      300,
      'PGRST203',
      `Could not choose the best candidate function between: ${found.map((f) => `${f.schema}.${f.name}(${f.params.map((p) => `${p.name} => ${p.type}`).join(', ')})`).join(', ')}`,
      null,
      'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
    );
  }
  const sorted = [...keys].sort();
  const all = [...r.cache.functions.values()].flat().filter((f) => f.schema === r.schema && f.name !== name).map((f) => f.name);
  const suggestion = closest(name, all);
  throw new RestError(
    404,
    'PGRST202',
    sorted.length
      ? `Could not find the function ${r.schema}.${name}(${sorted.join(', ')}) in the schema cache`
      : `Could not find the function ${r.schema}.${name} without parameters in the schema cache`,
    sorted.length
      ? `Searched for the function ${r.schema}.${name} with parameters ${sorted.join(', ')} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`
      : `Searched for the function ${r.schema}.${name} without parameters or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
    suggestion ? `Perhaps you meant to call the function ${r.schema}.${suggestion}` : null,
  );
}

/** The relation a function's rows have: its table type, or its OUT/TABLE columns. */
function resultRelation(r: RestRequest, fn: DbFunction): Relation | undefined {
  if (fn.returnsRelation) return r.cache.relations.get(relKey(fn.returnsRelation.schema, fn.returnsRelation.name));
  if (!fn.outColumns.length) return undefined;
  const columns = new Map<string, Column>();
  fn.outColumns.forEach((c, i) =>
    columns.set(c.name, { name: c.name, type: c.type, udt: c.type, nullable: true, default: null, enumValues: [], description: null, position: i + 1, maxLength: null, generated: false, identity: false }),
  );
  return { schema: fn.schema, name: fn.name, kind: 'view', insertable: false, updatable: false, deletable: false, columns, pk: [], description: null, computed: new Map() };
}

export async function handleRpc(r: RestRequest, name: string): Promise<unknown> {
  const isRead = r.req.method === 'GET' || r.req.method === 'HEAD';
  const p = new Params();
  let callArgs: string;
  let argKeys: string[];
  let fn: DbFunction;
  let skip = new Set<string>();
  if (isRead) {
    const allNames = new Set((r.cache.functions.get(relKey(r.schema, name)) ?? []).flatMap((f) => f.params.map((x) => x.name)));
    const args = r.pairs.filter(([k]) => allNames.has(k));
    argKeys = [...new Set(args.map(([k]) => k))];
    skip = new Set(argKeys);
    ({ fn } = chooseFunction(r, name, argKeys, false));
    callArgs = argKeys
      .map((k) => {
        const param = fn.params.find((x) => x.name === k)!;
        const values = args.filter(([key]) => key === k).map(([, v]) => v);
        // A repeated key is an array argument (`?ids=1&ids=2`).
        const value = values.length > 1 ? `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}` : values[0];
        return `${ident(k)} := ${p.add(value)}::${param.type}`;
      })
      .join(', ');
  } else {
    const raw = r.req.body === undefined || r.req.body === '' ? '{}' : r.req.body;
    const body = parseBody(raw, headerOf(r.req, 'content-type') ?? 'application/json');
    const singleObject = r.prefs.params === 'single-object';
    if (!body.single && !singleObject) throw new RestError(400, 'PGRST102', 'Empty or invalid json');
    argKeys = body.single ? Object.keys(body.rows[0]) : [];
    const chosen = chooseFunction(r, name, argKeys, singleObject);
    fn = chosen.fn;
    if (chosen.wholeBody) callArgs = `${p.add(body.json)}::${fn.params[0].type}`;
    else if (!argKeys.length) callArgs = '';
    else {
      const types = argKeys.map((k) => `${ident(k)} ${fn.params.find((x) => x.name === k)!.type}`).join(', ');
      const json = p.add(body.json);
      callArgs = argKeys.map((k) => `${ident(k)} := (select pgrst_args.${ident(k)} from json_to_record(${json}::json) as pgrst_args(${types}))`).join(', ');
    }
  }
  const params = sortParams(r.pairs, skip);
  const neg = negotiate(headerOf(r.req, 'accept'));
  const call = `${qualified(fn.schema, fn.name)}(${callArgs})`;
  const rel = resultRelation(r, fn);
  const exec = { schema: r.schema, readOnly: isRead, rollback: r.prefs.tx === 'rollback' };
  if (rel && fn.returnsComposite) {
    const plan = planRead(r.cache, rel, params, fn.name);
    const page = pageOf(r, params);
    const singular = neg.media === 'object' || !fn.returnsSet;
    const sql = readStatement(plan, `${call} as ${ident(plan.alias)}`, { ...page, exactCount: r.prefs.count === 'exact', singular, stripNulls: neg.stripNulls, csv: neg.media === 'csv' }, p);
    const result = await execute(r, exec, async (tx) => {
      const res = resultOf((await tx.query<any>(sql, p.values)).rows[0]);
      checkResult(res, neg, r.prefs);
      return res;
    });
    if (!fn.returnsSet && result.body === '') result.body = 'null';
    return sendRead(r, neg, result, page.offset, plan);
  }
  // Scalar results (and sets of scalars): the value as JSON.
  if (fn.returnType === 'void') {
    await execute(r, exec, (tx) => tx.query(`select ${call}`, p.values));
    return r.reply.code(204).send();
  }
  const sql = fn.returnsSet
    ? `select null::text as total, count(*)::int as page_total, coalesce(json_agg(_pgrst_t.v), '[]')::text as body from (select v from ${call} as v${pageSql(r, params, p)}) _pgrst_t`
    : `select null::text as total, 1 as page_total, to_json(${call})::text as body`;
  const result = await execute(r, exec, async (tx) => resultOf((await tx.query<any>(sql, p.values)).rows[0]));
  if (neg.media === 'object' && fn.returnsSet) checkResult(result, neg, r.prefs);
  r.reply.header('Content-Range', fn.returnsSet ? (result.pageTotal ? `0-${result.pageTotal - 1}/*` : '*/*') : '0-0/*');
  if (r.req.method === 'HEAD') return r.reply.header('Content-Type', 'application/json; charset=utf-8').send();
  return r.reply.header('Content-Type', 'application/json; charset=utf-8').send(result.body);
}

function pageSql(r: RestRequest, params: ReturnType<typeof sortParams>, p: Params): string {
  const { offset, limit } = pageOf(r, params);
  return `${limit !== undefined ? ` limit ${p.add(limit)}` : ''}${offset ? ` offset ${p.add(offset)}` : ''}`;
}
