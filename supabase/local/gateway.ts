// What Supabase's API gateway does in front of /rest/v1 and /auth/v1: an `apikey` (header or
// query) is required and must be one of the project's keys; without an Authorization header the
// apikey itself is the bearer token.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StackContext } from './context.ts';

export function apiKeyOf(req: FastifyRequest): string | undefined {
  const header = req.headers.apikey;
  if (typeof header === 'string' && header) return header;
  const query = (req.query as Record<string, unknown> | undefined)?.apikey;
  return typeof query === 'string' && query ? query : undefined;
}

export function requireApiKey(ctx: StackContext) {
  const known = new Set([ctx.keys.anonKey, ctx.keys.serviceRoleKey]);
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method === 'OPTIONS') return;
    const key = apiKeyOf(req);
    if (!key) {
      return reply.code(401).send({
        message: 'No API key found in request',
        hint: 'No `apikey` request header or url param was found.',
      });
    }
    if (!known.has(key)) {
      return reply.code(401).send({
        message: 'Invalid API key',
        hint: 'Double check the provided API key, it may be incorrect or belong to another project.',
      });
    }
  };
}

/** The bearer token a request carries: Authorization, else the apikey. */
export function bearerToken(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^bearer\s+(.+)$/i.exec(auth.trim());
    if (m) return m[1].trim();
  }
  return apiKeyOf(req);
}
