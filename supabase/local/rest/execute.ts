// Runs a request's statements as PostgREST does: one transaction as the caller's role with the
// request settings, the exposed schema first on the search_path, optionally read-only, and
// rolled back when `Prefer: tx=rollback` asks (or the response must not commit).
import type { Db, DbSession } from '../db/types.ts';
import { isPgError } from '../db/types.ts';
import { runAsRole, type RequestInfo } from '../db/as-role.ts';
import type { Caller } from './auth.ts';
import { RestError } from './errors.ts';
import { ident } from './sql-text.ts';

class Rollback<T> {
  constructor(readonly value: T) {}
}

export interface ExecOptions {
  schema: string;
  readOnly?: boolean;
  rollback?: boolean;
}

export async function execute<T>(db: Db, caller: Caller, req: RequestInfo, o: ExecOptions, fn: (tx: DbSession) => Promise<T>): Promise<T> {
  try {
    return await runAsRole(db, caller.role, caller.claims, req, async (tx) => {
      // public and extensions are already the database's search_path; other profiles go first.
      if (o.schema !== 'public') await tx.query(`set local search_path to ${ident(o.schema)}, public, extensions`);
      if (o.readOnly) await tx.query('set transaction read only');
      const value = await fn(tx);
      if (o.rollback) throw new Rollback(value);
      return value;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.value as T;
    // The role of the token does not exist: PostgREST answers 401.
    if (isPgError(e) && (e.code === '22023' || e.code === '42704') && /role/.test(e.message) && /does not exist|invalid value for parameter "role"/.test(e.message)) {
      throw new RestError(401, e.code!, `role "${caller.role}" does not exist`, null, null, { 'WWW-Authenticate': 'Bearer' });
    }
    throw e;
  }
}
