// Opens the database the config names, bootstraps it like a fresh Supabase database and applies
// migrations (and the seed on a new database).
import path from 'node:path';
import type { StackConfig } from '../config.ts';
import type { Db } from './types.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { bootstrap } from './bootstrap.ts';
import { migrate, type MigrateResult } from './migrate.ts';

export interface OpenedDatabase {
  db: Db;
  migrations: MigrateResult;
  /** Closes the database and releases the data-dir lock. */
  close(): Promise<void>;
}

export type DbConfig = Pick<StackConfig, 'dbMode' | 'databaseUrl' | 'dataDir' | 'migrationsDir' | 'seedPaths' | 'seed'> &
  Partial<Pick<StackConfig, 'memorySnapshot'>>;

export function pgliteDir(config: Pick<StackConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'db');
}

export async function openDatabase(config: DbConfig): Promise<OpenedDatabase> {
  let db: Db;
  let release = () => {};
  if (config.dbMode === 'postgres') {
    if (!config.databaseUrl) throw new Error('DATABASE_URL is empty');
    db = await openPostgres(config.databaseUrl);
  } else if (config.dbMode === 'memory') {
    db = await openPglite(undefined, { loadDataDir: config.memorySnapshot });
  } else {
    const dir = pgliteDir(config);
    release = lockDataDir(dir);
    try {
      db = await openPglite(dir);
    } catch (e) {
      release();
      throw new Error(`cannot open the embedded database in ${dir}: ${(e as Error).message}. ` +
        'If it is corrupt, move it away or run `npm run db:reset`.');
    }
  }
  const close = async () => {
    await db.close();
    release();
  };
  try {
    await bootstrap(db);
    const migrations = await migrate(db, config);
    return { db, migrations, close };
  } catch (e) {
    await close().catch(() => {});
    throw e;
  }
}
