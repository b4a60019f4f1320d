// PostgREST at /rest/v1: the gateway's apikey check, the caller's role from the JWT, then
// parse -> schema cache -> plan -> SQL -> response for tables, views and /rpc functions.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { StackContext } from '../context.ts';
import { requireApiKey } from '../gateway.ts';
import { callerOf } from './auth.ts';
import { SchemaCacheStore } from './cache-store.ts';
import { RestError, toRestError } from './errors.ts';
import { handleDelete, handleInsert, handleRead, handleUpdate } from './handle-table.ts';
import { handleRpc } from './rpc.ts';
import { handleOpenApi } from './handle-openapi.ts';
import { checkStrict, parsePrefer } from './prefer.ts';
import { parseQueryString, pathOf } from './query-string.ts';
import { profileSchema, type RestRequest } from './request-context.ts';

type Handler = (r: RestRequest, name: string) => Promise<unknown>;

const restPlugin: FastifyPluginAsync<{ ctx: StackContext }> = async (app, { ctx }) => {
  const api = ctx.config.toml.api ?? {};
  const schemas: string[] = Array.isArray(api.schemas) && api.schemas.length ? api.schemas : ['public'];
  const maxRows: number | undefined = Number.isInteger(api.max_rows) && api.max_rows > 0 ? api.max_rows : 1000;
  const store = new SchemaCacheStore(ctx, schemas);
  await store.start();
  const onChange = () => store.reload();
  ctx.onSchemaChange.add(onChange);
  app.addHook('onClose', async () => {
    ctx.onSchemaChange.delete(onChange);
    await store.stop();
  });

  // Bodies stay raw text: PostgREST's parsers (JSON, CSV) report their own errors.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', requireApiKey(ctx));
  // Errors raised by Fastify itself (oversized or broken requests) still get PostgREST's body shape.
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) req.log.error(error);
    return reply.code(status).header('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ code: error.code ?? 'PGRST000', details: null, hint: null, message: error.message }));
  });

  async function serve(req: FastifyRequest, reply: FastifyReply, handler: Handler, name: string) {
    let authed = false;
    try {
      const caller = await callerOf(req, ctx.config.jwtSecret);
      authed = caller.authed;
      const rawUrl = req.raw.url ?? req.url;
      const r: RestRequest = {
        req,
        reply,
        db: ctx.db,
        caller,
        info: { method: req.method, path: pathOf(rawUrl).replace(/^\/rest\/v1/, ''), headers: req.headers },
        pairs: parseQueryString(rawUrl),
        prefs: parsePrefer(req.headers.prefer),
        cache: store.current,
        schema: profileSchema(req, schemas),
        maxRows,
      };
      checkStrict(r.prefs);
      return await handler(r, name);
    } catch (e) {
      const err = toRestError(e, authed);
      if (err.status >= 500) req.log.error(e);
      return reply.code(err.status).headers(err.headers).header('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify(err.body()));
    }
  }

  app.get('/', (req, reply) => serve(req, reply, (r) => handleOpenApi(r, ctx.config.apiUrl), ''));
  const rpc = (req: FastifyRequest<{ Params: { fn: string } }>, reply: FastifyReply) => serve(req, reply, handleRpc, req.params.fn);
  app.get('/rpc/:fn', rpc);
  app.post('/rpc/:fn', rpc);
  const table = (handler: Handler) => (req: FastifyRequest<{ Params: { table: string } }>, reply: FastifyReply) =>
    serve(req, reply, handler, req.params.table);
  app.get('/:table', table(handleRead));
  app.post('/:table', table((r, n) => handleInsert(r, n)));
  app.put('/:table', table((r, n) => handleInsert(r, n, true)));
  app.patch('/:table', table(handleUpdate));
  app.delete('/:table', table(handleDelete));
  app.all('/*', (req, reply) =>
    serve(req, reply, async () => {
      throw new RestError(404, 'PGRST125', `Invalid path specified in request URL`);
    }, ''),
  );
};

export default restPlugin;
