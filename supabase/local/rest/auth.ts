// Who a request runs as: the bearer JWT (Authorization, else the apikey) verified with the
// stack's secret; its `role` claim is the database role (the anon role when absent).
import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../gateway.ts';
import { verifyJwt, type JwtClaims } from '../jwt.ts';
import { RestError } from './errors.ts';

export const ANON_ROLE = 'anon';

export interface Caller {
  role: string;
  claims: JwtClaims;
  /** PostgREST answers 42501 with 403 when authenticated, 401 for the anon role. */
  authed: boolean;
}

const unauthorized = (code: string, message: string) =>
  new RestError(401, code, message, null, null, { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${message}"` });

// Verified tokens, so a client's repeated requests skip the signature check (exp is still
// checked on every use). Bounded: the oldest entries go first.
const verified = new Map<string, JwtClaims>();
const MAX_CACHED = 1000;

export async function callerOf(req: FastifyRequest, secret: string): Promise<Caller> {
  const token = bearerToken(req);
  if (!token) return { role: ANON_ROLE, claims: {}, authed: false };
  const parts = token.split('.');
  if (parts.length !== 3) throw unauthorized('PGRST301', `Expected 3 parts in JWT; got ${parts.length}`);
  const cacheKey = `${secret}\u0000${token}`;
  const known = verified.get(cacheKey);
  if (known && (typeof known.exp !== 'number' || known.exp * 1000 > Date.now())) return callerFromClaims(known);
  const check = await verifyJwt(token, secret);
  if (!check.ok) {
    if (check.reason === 'expired') throw unauthorized('PGRST303', 'JWT expired');
    throw unauthorized('PGRST301', 'No suitable key or wrong key type');
  }
  // PostgREST allows 30 s of clock skew on `iat`.
  const iat = check.claims.iat;
  if (typeof iat === 'number' && iat > Date.now() / 1000 + 30) throw unauthorized('PGRST303', 'JWT issued at future');
  if (verified.size >= MAX_CACHED) verified.delete(verified.keys().next().value!);
  verified.set(cacheKey, check.claims);
  return callerFromClaims(check.claims);
}

function callerFromClaims(claims: JwtClaims): Caller {
  const role = typeof claims.role === 'string' && claims.role ? claims.role : ANON_ROLE;
  return { role, claims, authed: role !== ANON_ROLE };
}
