// GET /rest/v1/: the OpenAPI document for the caller, listing what the caller's role may use
// (PostgREST's default `openapi-mode = follow-privileges`).
import { execute } from './execute.ts';
import { openApiDocument } from './openapi.ts';
import type { RestRequest } from './request-context.ts';

const VISIBLE_SQL = `
select n.nspname || '.' || c.relname as key from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where n.nspname = $1 and c.relkind in ('r','v','m','f','p')
   and has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE')
union all
select 'fn:' || n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
 where n.nspname = $1 and has_function_privilege(p.oid, 'EXECUTE')`;

export async function handleOpenApi(r: RestRequest, apiUrl: string): Promise<unknown> {
  const visible = await execute(r, { schema: r.schema }, async (tx) =>
    new Set((await tx.query<{ key: string }>(VISIBLE_SQL, [r.schema])).rows.map((x) => x.key)),
  );
  const doc = openApiDocument(r.cache, r.schema, apiUrl, visible);
  return r.reply.header('Content-Type', 'application/openapi+json; charset=utf-8').send(JSON.stringify(doc));
}
