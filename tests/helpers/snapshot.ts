// Test suites start from a database that is already bootstrapped, migrated and seeded: built
// once per content of bootstrap + migrations + seed, then copied per suite (a PGlite data-dir
// dump, or a PostgreSQL template database). Start-up then re-checks it like any start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../supabase/local/config.ts';
import { bootstrapSql } from '../../supabase/local/db/bootstrap.ts';
import { listMigrations } from '../../supabase/local/db/migrate.ts';
import { openDatabase } from '../../supabase/local/db/open.ts';
import { openPglite } from '../../supabase/local/db/pglite.ts';
import { bootstrap } from '../../supabase/local/db/bootstrap.ts';
import { migrate } from '../../supabase/local/db/migrate.ts';

function contentHash(): string {
  const cfg = loadConfig();
  const h = crypto.createHash('sha256').update(bootstrapSql());
  for (const m of listMigrations(cfg.migrationsDir)) h.update(m.file).update(fs.readFileSync(m.file));
  for (const f of cfg.seedPaths) if (fs.existsSync(f)) h.update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/** The gzipped PGlite data dir of a migrated and seeded database. */
export async function pgliteSnapshot(): Promise<Blob> {
  const dir = path.join(os.tmpdir(), 'bizdesk-snapshots');
  const file = path.join(dir, `${contentHash()}.tar.gz`);
  if (!fs.existsSync(file)) {
    const cfg = loadConfig();
    const db = await openPglite(undefined);
    try {
      await bootstrap(db);
      await migrate(db, cfg);
      const dump = await db.dumpDataDir();
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(tmp, file); // parallel suites may race: the last rename wins, both are whole
    } finally {
      await db.close();
    }
  }
  return new Blob([fs.readFileSync(file)]);
}

/** Creates (once) a template database on the DATABASE_URL server and returns its name. */
export async function postgresTemplate(adminUrl: string): Promise<string> {
  const name = `bizdesk_tpl_${contentHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Serialise template creation across parallel suites (advisory locks are per server db).
    await admin.query('select pg_advisory_lock(424242)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const stale = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'bizdesk\\_tpl\\_%'`);
      for (const { datname } of stale.rows) await admin.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
      await admin.query(`create database ${pg.escapeIdentifier(name)}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const cfg = loadConfig();
      const opened = await openDatabase({ ...cfg, dbMode: 'postgres', databaseUrl: url.toString() });
      await opened.close();
    }
  } finally {
    await admin.query('select pg_advisory_unlock(424242)').catch(() => {});
    await admin.end();
  }
  return name;
}
