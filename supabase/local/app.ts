// The HTTP app: Supabase's API prefixes mounted as plugins over one StackContext.
import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import type { StackContext } from './context.ts';
import restPlugin from './rest/index.ts';
import authPlugin from './auth/index.ts';
import storagePlugin from './storage/index.ts';
import functionsPlugin from './functions/index.ts';
import mailboxPlugin from './auth/mailbox-routes.ts';

// Headers the browser may read, as Supabase's gateway exposes them (count, range, storage, auth).
const EXPOSED_HEADERS = [
  'Content-Encoding', 'Content-Location', 'Content-Range', 'Content-Type', 'Content-Length', 'Date',
  'Location', 'Range-Unit', 'Preference-Applied', 'ETag', 'Last-Modified', 'Cache-Control',
  'X-Total-Count', 'X-Supabase-Api-Version', 'Accept-Ranges',
];

export async function buildApp(ctx: StackContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel },
    bodyLimit: 1024 * 1024 * 1024, // each API enforces its own limits
    // Keep the query string raw: PostgREST's grammar (repeated keys, `or=(...)`) is parsed by rest/.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 4096 },
  });

  app.get('/health', async (_req, reply) => {
    try {
      await ctx.db.query('select 1');
      return { status: 'ok', database: ctx.db.kind };
    } catch (e) {
      return reply.code(503).send({ status: 'unavailable', database: ctx.db.kind, message: (e as Error).message });
    }
  });

  // Supabase's gateway answers CORS for these APIs; edge functions answer their own OPTIONS.
  await app.register(async (gateway) => {
    await gateway.register(cors, {
      origin: '*',
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 3600,
    });
    await gateway.register(restPlugin, { prefix: '/rest/v1', ctx });
    await gateway.register(authPlugin, { prefix: '/auth/v1', ctx });
    await gateway.register(storagePlugin, { prefix: '/storage/v1', ctx });
  });
  await app.register(functionsPlugin, { prefix: '/functions/v1', ctx });
  // The local mailbox (like the CLI's Inbucket): auth's mails, readable in a browser.
  await app.register(mailboxPlugin, { prefix: '/mailbox', ctx });
  return app;
}
