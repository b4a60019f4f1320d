// Who is calling: GoTrue's requireAuthentication (a user's access token whose user and session
// still exist) and requireAdminCredentials (a token whose role is an admin role).
import type { FastifyRequest } from 'fastify';
import { decodeProtectedHeader } from 'jose';
import type { DbSession } from '../db/types.ts';
import { verifyJwt, type JwtClaims } from '../jwt.ts';
import { AuthError, badRequest, forbidden } from './errors.ts';
import { findUserById, type User } from './users.ts';

const ADMIN_ROLES = ['service_role', 'supabase_admin'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function bearerOf(req: FastifyRequest): string {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? /^bearer (\S+)$/i.exec(header) : null;
  if (!m) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  return m[1];
}

/** Verifies signature, algorithm and expiry; GoTrue answers every failure 403 bad_jwt. */
export async function parseClaims(token: string, secret: string): Promise<JwtClaims> {
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw forbidden('bad_jwt', 'invalid JWT: unable to parse or verify signature, token is malformed: could not JSON decode header');
  }
  if (alg !== 'HS256') {
    throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, token is unverifiable: signing method ${String(alg)} is invalid`);
  }
  const check = await verifyJwt(token, secret);
  if (!check.ok) {
    const why = check.reason === 'expired' ? 'token has invalid claims: token is expired' : 'token signature is invalid: signature is invalid';
    throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${why}`);
  }
  return check.claims;
}

export interface Caller {
  claims: JwtClaims;
  user: User;
  sessionId?: string;
}

/** maybeLoadUserOrSession: the token's user must exist, and its session if it names one. */
async function loadUserAndSession(tx: DbSession, claims: JwtClaims): Promise<Caller> {
  const sub = claims.sub;
  if (!sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!UUID.test(sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(tx, sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  const sid = claims.session_id;
  let sessionId: string | undefined;
  if (typeof sid === 'string' && sid && sid !== '00000000-0000-0000-0000-000000000000') {
    if (!UUID.test(sid)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    const { rows } = await tx.query(`select 1 from auth.sessions where id = $1`, [sid]);
    if (!rows.length) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
    sessionId = sid;
  }
  return { claims, user, sessionId };
}

export async function requireUser(req: FastifyRequest, tx: DbSession, secret: string): Promise<Caller> {
  const claims = await parseClaims(bearerOf(req), secret);
  const caller = await loadUserAndSession(tx, claims);
  if (caller.user.row.banned) throw forbidden('user_banned', 'User is banned');
  return caller;
}

export interface AdminCaller {
  role: string;
}

export async function requireAdmin(req: FastifyRequest, tx: DbSession, secret: string): Promise<AdminCaller> {
  const claims = await parseClaims(bearerOf(req), secret);
  if (typeof claims.session_id === 'string' && claims.session_id && claims.session_id !== '00000000-0000-0000-0000-000000000000') {
    await loadUserAndSession(tx, claims);
  }
  const role = typeof claims.role === 'string' ? claims.role : '';
  if (!ADMIN_ROLES.includes(role)) throw forbidden('not_admin', 'User not allowed');
  return { role };
}
