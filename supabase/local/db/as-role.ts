// Runs a request's statements the way PostgREST and Storage do: one transaction, the JWT's role
// set locally, and the claims and request details in settings that RLS policies and auth.uid() read.
import type { Db, DbSession } from './types.ts';
import type { JwtClaims } from '../jwt.ts';

export interface RequestInfo {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

const SET_REQUEST_SQL = `select
  set_config('role', $1, true),
  set_config('request.jwt.claims', $2, true),
  set_config('request.jwt.claim.sub', $3, true),
  set_config('request.jwt.claim.role', $1, true),
  set_config('request.jwt.claim.email', $4, true),
  set_config('request.method', $5, true),
  set_config('request.path', $6, true),
  set_config('request.headers', $7, true)`;

/** Sets role and request settings inside an open transaction. */
export async function setRequestScope(tx: DbSession, role: string, claims: JwtClaims, req: RequestInfo): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  await tx.query(SET_REQUEST_SQL, [
    role,
    JSON.stringify(claims),
    typeof claims.sub === 'string' ? claims.sub : '',
    typeof claims.email === 'string' ? claims.email : '',
    req.method,
    req.path,
    JSON.stringify(headers),
  ]);
}

export function runAsRole<T>(db: Db, role: string, claims: JwtClaims, req: RequestInfo, fn: (tx: DbSession) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await setRequestScope(tx, role, claims, req);
    return fn(tx);
  });
}
