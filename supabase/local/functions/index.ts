// Edge functions at /functions/v1/<name>: each function runs in its own warm Deno process (real
// Deno, offline), requests are proxied to it. JWT checks and error answers follow Supabase's edge
// runtime: 401 {msg}, 404 "Function not found", 503 BOOT_ERROR, 546 WORKER_LIMIT.
import http from 'node:http';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { StackContext } from '../context.ts';
import { verifyJwt } from '../jwt.ts';
import { denoConfigPath, functionConfig } from './function-config.ts';
import { functionEnv } from './function-env.ts';
import { proxyRequest } from './proxy.ts';
import { FunctionWorker, denoBinary } from './worker.ts';

const runtimeError = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ code, message });

/** The edge runtime's verify_jwt: a Bearer token signed with the project's secret. */
async function jwtRefusal(ctx: StackContext, req: FastifyRequest): Promise<string | undefined> {
  const header = req.headers.authorization;
  if (!header) return 'Error: Missing authorization header';
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer') return "Error: Auth header is not 'Bearer {token}'";
  return (await verifyJwt(token ?? '', ctx.config.jwtSecret)).ok ? undefined : 'Invalid JWT';
}

const functionsPlugin: FastifyPluginAsync<{ ctx: StackContext }> = async (app, { ctx }) => {
  const workers = new Map<string, FunctionWorker>();
  const agent = new http.Agent({ keepAlive: true });
  const deno = denoBinary(ctx.config.projectRoot);
  const log = ctx.config.logLevel === 'silent' ? () => {} : (line: string) => console.error(line);
  const limitMs = ctx.config.functionsTimeoutSec * 1000;

  // Bodies pass through untouched, in whatever format.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null));

  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const { name } = req.params as { name: string };
    const fn = functionConfig(ctx.config, name);
    if (!fn) return reply.code(404).type('text/plain').send('Function not found');
    if (req.method !== 'OPTIONS' && fn.verifyJwt) {
      const refusal = await jwtRefusal(ctx, req);
      if (refusal) return reply.code(401).send({ msg: refusal });
    }
    let worker = workers.get(name);
    if (!worker) {
      worker = new FunctionWorker({
        fn,
        deno,
        denoConfig: denoConfigPath(ctx.config),
        cwd: ctx.config.projectRoot,
        denoDir: ctx.config.denoDir,
        env: () => functionEnv(ctx),
        log,
      });
      workers.set(name, worker);
    }
    let port: number;
    try {
      port = await worker.ensure();
    } catch (e) {
      log((e as Error).message);
      req.raw.resume();
      return runtimeError(reply, 503, 'BOOT_ERROR', 'Worker failed to boot (please check logs)');
    }
    // The function sees its own path (/<name>/...), as on Supabase.
    const path = req.url.slice(req.url.indexOf(`/${name}`));
    const outcome = await proxyRequest(req, reply, { port, path, agent }, limitMs);
    if (outcome === 'answered') return reply;
    const w = worker;
    w.stop();
    if (outcome === 'timeout') {
      return runtimeError(reply, 546, 'WORKER_LIMIT', 'Worker failed to respond due to a resource limit (please check logs)');
    }
    // The process died under the request: start a fresh one for the next request.
    void w.ensure().catch((e) => log((e as Error).message));
    return runtimeError(reply, 503, 'WORKER_ERROR', 'Function exited due to an error (please check logs); it is being restarted');
  };
  app.all('/:name', handler);
  app.all('/:name/*', handler);

  app.addHook('onClose', async () => {
    for (const w of workers.values()) w.stop();
    agent.destroy();
  });
  // A stack that dies without closing still takes its Deno processes with it.
  const killAll = () => workers.forEach((w) => w.stop());
  process.once('exit', killAll);
  app.addHook('onClose', async () => {
    process.off('exit', killAll);
  });
};

export default functionsPlugin;
