// Embedded PostgreSQL (PGlite, WASM) behind the Db interface: persistent in a directory, or in memory.
import { PGlite, types } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, DbSession, QueryResult } from './types.ts';
import { SerialQueue } from './queue.ts';
import { RAW_TEXT_OIDS, textParsers } from './parsers.ts';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function session(conn: PgliteLike): DbSession {
  return {
    async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
      const res = await conn.query<R>(sql, params);
      return {
        rows: res.rows,
        rowCount: res.affectedRows ?? res.rows.length,
        fields: res.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
      };
    },
    async exec(sql: string): Promise<void> {
      await conn.exec(sql);
    },
  };
}

const parsers: Record<number, (v: string) => unknown> = { ...textParsers };
for (const oid of RAW_TEXT_OIDS) parsers[oid] = (v) => v;
// PGlite's default bytea parser already gives Uint8Array; keep it.
void types;

/** An embedded database with a way to copy its whole data directory (test snapshots). */
export interface PgliteDb extends Db {
  dumpDataDir(): Promise<Blob>;
}

/** Opens dataDir, or an in-memory database (optionally started from a dumped data directory). */
export async function openPglite(dataDir: string | undefined, options: { loadDataDir?: Blob } = {}): Promise<PgliteDb> {
  const pg = await PGlite.create(dataDir ?? 'memory://', {
    extensions: { pgcrypto, uuid_ossp, pg_trgm },
    parsers,
    loadDataDir: options.loadDataDir,
  });
  const queue = new SerialQueue();
  const direct = session(pg);
  let closed = false;
  const guard = () => {
    if (closed) throw new Error('database is closed');
  };
  return {
    kind: 'pglite',
    query: (sql, params) => (guard(), queue.run(() => direct.query(sql, params))),
    exec: (sql) => (guard(), queue.run(() => direct.exec(sql))),
    transaction: (fn) => (guard(), queue.run(() => pg.transaction((tx) => fn(session(tx))))),
    async listen(channel, onNotify) {
      guard();
      const unlisten = await queue.run(() => pg.listen(channel, onNotify));
      return () => queue.run(() => unlisten());
    },
    dumpDataDir: () => (guard(), queue.run(() => pg.dumpDataDir('gzip'))),
    async close() {
      if (closed) return;
      closed = true;
      // Let every queued transaction finish before the data directory is closed.
      await queue.run(() => pg.close());
    },
  };
}
