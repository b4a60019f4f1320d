// PostgREST's error bodies {code, message, details, hint} and its SQLSTATE -> HTTP status table.
import { isPgError } from '../db/types.ts';

export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    readonly hint: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return { code: this.code, details: this.details, hint: this.hint, message: this.message };
  }
}

/** PGRST100: the query string does not follow PostgREST's grammar (column = 1-based position). */
export function parseError(what: string, input: string, details: string, column = 1): RestError {
  return new RestError(400, 'PGRST100', `"failed to parse ${what} (${input})" (line 1, column ${column})`, details);
}

export const invalidBody = (message = 'Empty or invalid json', details: string | null = null) =>
  new RestError(400, 'PGRST102', message, details);

export const tableNotFound = (schema: string, name: string, suggestion?: string) =>
  new RestError(
    404,
    'PGRST205',
    `Could not find the table '${schema}.${name}' in the schema cache`,
    null,
    suggestion ? `Perhaps you meant the table '${schema}.${suggestion}'` : null,
  );

export const columnNotFound = (table: string, column: string) =>
  new RestError(400, 'PGRST204', `Could not find the '${column}' column of '${table}' in the schema cache`);

/** A column named in select/filters/order that the relation lacks: Postgres's own 42703. */
export const undefinedColumn = (relation: string, column: string) =>
  new RestError(400, '42703', `column ${relation}.${column} does not exist`);

export const singularError = (rows: number) =>
  new RestError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rows} rows`);

/** HTTP status for a Postgres SQLSTATE, as PostgREST maps it. `authed` = role is not the anon role. */
export function statusForSqlState(code: string, authed: boolean): number {
  switch (code) {
    case '23503':
    case '23505':
      return 409;
    case '25006':
      return 405;
    case '53400':
      return 500;
    case 'P0001':
      return 400;
    case '42883':
      return 404;
    case '42P01':
      return 404;
    case '42501':
      return authed ? 403 : 401;
    case '42P17':
      return 500;
    case '40001':
      return 503;
    case '21000':
      return 400;
  }
  if (code.startsWith('08')) return 503;
  if (code.startsWith('09')) return 500;
  if (code.startsWith('0L') || code.startsWith('0P') || code.startsWith('28')) return 403;
  if (code.startsWith('25') || code.startsWith('2D') || code.startsWith('38') || code.startsWith('39')) return 500;
  if (code.startsWith('3B') || code.startsWith('40') || code.startsWith('54') || code.startsWith('55')) return 500;
  if (code.startsWith('57') || code.startsWith('58') || code.startsWith('F0') || code.startsWith('HV')) return 500;
  if (code.startsWith('53')) return 503;
  if (code.startsWith('P0')) return 500;
  if (code.startsWith('XX')) return 500;
  if (code.startsWith('42')) return 400;
  if (code.startsWith('PT') && /^PT[0-9]{3}$/.test(code)) return Number(code.slice(2));
  return 400;
}

/** Turns anything thrown while serving a request into PostgREST's error response. */
export function toRestError(e: unknown, authed: boolean): RestError {
  if (e instanceof RestError) return e;
  if (isPgError(e)) {
    const code = e.code!;
    // `raise sqlstate 'PT402'` sets the status; P0001 with a hint can carry a custom one too.
    const status = statusForSqlState(code, authed);
    const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
    return new RestError(status, code, e.message, e.detail ?? null, e.hint ?? null, headers);
  }
  return new RestError(500, 'PGRST000', 'Internal server error', (e as Error)?.message ?? String(e));
}
