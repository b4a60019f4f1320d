// Runs a request's statements as PostgREST does: one transaction as the caller's role with the
// request settings, the exposed schema first on the search_path, optionally read-only, and
// rolled back when `Prefer: tx=rollback` asks (or the response must not commit).
import type { Db, DbSession } from '../db/types.ts';
import { isPgError } from '../db/types.ts';
import { runAsRole, type RequestInfo } from '../db/as-role.ts';
import type { Caller } from './auth.ts';
import { RestError } from './errors.ts';
import { ident } from './sql-text.ts';
import type { RestRequest } from './request-context.ts';

class Rollback<T> {
  constructor(readonly value: T) {}
}

export interface ExecOptions {
  schema: string;
  /** The role's own settings (statement_timeout …), applied locally like PostgREST does. */
  roleSettings?: [string, string][];
  readOnly?: boolean;
  rollback?: boolean;
}

/** Runs fn for a REST request: its database, caller, request details and the role's settings. */
export function execute<T>(r: RestRequest, o: ExecOptions, fn: (tx: DbSession) => Promise<T>): Promise<T> {
  return executeAs(r.db, r.caller, r.info, { roleSettings: r.cache.roleSettings.get(r.caller.role), ...o }, fn);
}

export async function executeAs<T>(db: Db, caller: Caller, req: RequestInfo, o: ExecOptions, fn: (tx: DbSession) => Promise<T>): Promise<T> {
  try {
    return await runAsRole(db, caller.role, caller.claims, req, async (tx) => {
      // public and extensions are already the database's search_path; other profiles go first.
      if (o.schema !== 'public') await tx.query(`set local search_path to ${ident(o.schema)}, public, extensions`);
      if (o.readOnly) await tx.query('set transaction read only');
      if (o.roleSettings?.length) {
        const values = o.roleSettings.flat();
        const calls = o.roleSettings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`);
        await tx.query(`select ${calls.join(', ')}`, values);
      }
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
