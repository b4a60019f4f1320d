// The one small interface the stack talks to a database through; PGlite and PostgreSQL implement it.

export interface QueryResult<R = Record<string, unknown>> {
  rows: R[];
  /** Rows touched by INSERT / UPDATE / DELETE, or returned by SELECT. */
  rowCount: number;
  fields: { name: string; dataTypeID: number }[];
}

/** A session inside one transaction (or the autocommit session): statements run in order. */
export interface DbSession {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
  /** Several statements in one string, no parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
}

export interface Db extends DbSession {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn inside BEGIN … COMMIT, ROLLBACK when it throws. Transactions never interleave on the
   * single PGlite connection: callers wait their turn.
   */
  transaction<T>(fn: (tx: DbSession) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; returns a function that stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** A Postgres error as both drivers report it (pg's DatabaseError and PGlite's share these fields). */
export interface PgError extends Error {
  code?: string;
  detail?: string;
  hint?: string;
  position?: string;
  internalPosition?: string;
  where?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

export function isPgError(e: unknown): e is PgError {
  return e instanceof Error && typeof (e as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((e as PgError).code!);
}
