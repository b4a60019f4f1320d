// Makes a bare database look like a fresh Supabase database (roles, schemas, auth and storage
// tables, auth.* helpers). Idempotent; run on every start before migrations.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './types.ts';
import { isPgError } from './types.ts';

const BOOTSTRAP_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bootstrap');

export function bootstrapSql(): string {
  return fs
    .readdirSync(BOOTSTRAP_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(BOOTSTRAP_DIR, f), 'utf8'))
    .join('\n');
}

// Cluster-wide catalog rows (roles, grants) can collide when several databases on one server
// bootstrap at once (parallel test suites); one retry settles it.
const RETRYABLE = new Set(['XX000', '40001', '40P01', '23505']);

export async function bootstrap(db: Db): Promise<void> {
  const sql = bootstrapSql();
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transaction((tx) => tx.exec(sql));
      break;
    } catch (e) {
      if (attempt >= 3 || !isPgError(e) || !RETRYABLE.has(e.code!)) throw e;
    }
  }
  // The database-level search_path applies to new sessions; PGlite has only this one.
  await db.exec('set search_path = "$user", public, extensions');
}
