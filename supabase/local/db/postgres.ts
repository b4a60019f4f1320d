// A PostgreSQL server (DATABASE_URL) behind the Db interface, through a pg connection pool.
import pg from 'pg';
import type { Db, DbSession, QueryResult } from './types.ts';
import { RAW_TEXT_OIDS, textParsers } from './parsers.ts';

const typeParsers = {
  getTypeParser(oid: number, format?: string) {
    if (format === 'binary') return pg.types.getTypeParser(oid, 'binary');
    if (RAW_TEXT_OIDS.includes(oid)) return (v: string) => v;
    return textParsers[oid] ?? pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

function session(client: pg.Pool | pg.PoolClient): DbSession {
  return {
    async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
      const res = await client.query({ text: sql, values: params, types: typeParsers });
      return {
        rows: res.rows as R[],
        rowCount: res.rowCount ?? res.rows.length,
        fields: res.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
      };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types: typeParsers });
  // Fail fast with the server's own message (bad host, password, database name).
  const probe = await pool.connect().catch(async (e: Error) => {
    await pool.end().catch(() => {});
    throw new Error(`cannot connect to DATABASE_URL (${redact(url)}): ${e.message}`);
  });
  probe.release();
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const direct = session(pool);
  const listeners = new Set<pg.PoolClient>();
  return {
    kind: 'postgres',
    query: (sql, params) => direct.query(sql, params),
    exec: (sql) => direct.exec(sql),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(session(client));
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      const client = await pool.connect();
      listeners.add(client);
      client.on('notification', (msg) => {
        if (msg.channel === channel) onNotify(msg.payload ?? '');
      });
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      return async () => {
        if (!listeners.delete(client)) return;
        await client.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => {});
        client.release();
      };
    },
    async close() {
      for (const client of listeners) client.release();
      listeners.clear();
      await pool.end();
    },
  };
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
