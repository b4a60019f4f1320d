// Who is calling: Storage verifies the bearer JWT itself (no apikey check in front of it). A missing
// or bad token is AccessDenied, except on routes that serve public or signed content.
import type { FastifyRequest } from 'fastify';
import type { StackContext } from '../context.ts';
import { verifyJwt, type JwtClaims } from '../jwt.ts';
import type { RequestInfo } from '../db/as-role.ts';
import { errors } from './errors.ts';

export interface Caller {
  role: string;
  claims: JwtClaims;
  /** The JWT's sub: becomes owner / owner_id of what the caller uploads. */
  owner?: string;
  req: RequestInfo;
}

const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);

function requestInfo(req: FastifyRequest): RequestInfo {
  return { method: req.method, path: req.url.split('?')[0], headers: req.headers };
}

function authorizationToken(req: FastifyRequest): string {
  const header = req.headers.authorization;
  return typeof header === 'string' ? header.replace(/^bearer\s+/i, '').trim() : '';
}

export async function requireCaller(ctx: StackContext, req: FastifyRequest): Promise<Caller> {
  const token = authorizationToken(req);
  if (!token) throw errors.accessDenied('Invalid Compact JWS');
  const check = await verifyJwt(token, ctx.config.jwtSecret);
  if (!check.ok) throw errors.accessDenied(check.reason === 'expired' ? '"exp" claim timestamp check failed' : check.message);
  const role = typeof check.claims.role === 'string' ? check.claims.role : 'anon';
  // Storage runs statements as the JWT's role; a role the database does not serve is refused.
  if (!API_ROLES.has(role)) throw errors.accessDenied('Access denied: Invalid role');
  return { role, claims: check.claims, owner: typeof check.claims.sub === 'string' ? check.claims.sub : undefined, req: requestInfo(req) };
}

/** Public and signed routes: a valid token identifies the caller, no token means anon. */
export async function optionalCaller(ctx: StackContext, req: FastifyRequest): Promise<Caller | undefined> {
  if (!authorizationToken(req)) return undefined;
  try {
    return await requireCaller(ctx, req);
  } catch {
    return undefined;
  }
}

/** The storage service acting for itself (signed uploads, config buckets): RLS bypassed. */
export function serviceCaller(req: RequestInfo, owner?: string): Caller {
  return { role: 'service_role', claims: { role: 'service_role' }, owner, req };
}
