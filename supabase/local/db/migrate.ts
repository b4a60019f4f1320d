// Applies supabase/migrations/<version>_<name>.sql in order, each in its own transaction, with
// the Supabase CLI's bookkeeping in supabase_migrations.schema_migrations; then the seed on a new
// database. A failing file stops everything, names the file and line, and is rolled back whole.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Db } from './types.ts';
import { isPgError } from './types.ts';
import { lineOf, splitStatements } from './sql-statements.ts';

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const MIGRATION_NAME = /^(\d+)_(.+)\.sql$/;

export function listMigrations(dir: string): MigrationFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((f) => ({ f, m: MIGRATION_NAME.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .map(({ f, m }) => ({ version: m[1], name: m[2], file: path.join(dir, f) }))
    .sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}

async function runFile(db: Db, file: string, record?: (tx: import('./types.ts').DbSession, statements: string[]) => Promise<void>) {
  const source = fs.readFileSync(file, 'utf8');
  let statements;
  try {
    statements = await splitStatements(source);
  } catch (e) {
    const pos = Number((e as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition ?? 0);
    throw new MigrationError(
      `${path.basename(file)}:${lineOf(source, pos)}: syntax error: ${(e as Error).message}`,
      file,
      lineOf(source, pos),
    );
  }
  await db.transaction(async (tx) => {
    for (const stmt of statements) {
      try {
        await tx.exec(stmt.sql);
      } catch (e) {
        const position = isPgError(e) && e.position ? Number(e.position) : 0;
        const line = stmt.line + (position ? lineOf(stmt.sql, position - 1) - 1 : 0);
        const code = isPgError(e) ? ` (SQLSTATE ${e.code})` : '';
        throw new MigrationError(`${path.basename(file)}:${line}: ${(e as Error).message}${code}`, file, line);
      }
    }
    await record?.(tx, statements.map((s) => s.sql));
  });
}

export interface MigrateResult {
  applied: string[];
  seeded: string[];
  isNew: boolean;
}

export async function migrate(db: Db, opts: { migrationsDir: string; seedPaths: string[]; seed: boolean }): Promise<MigrateResult> {
  const done = new Set(
    (await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map((r) => r.version),
  );
  const seededBefore = (await db.query('select 1 from supabase_migrations.seed_files limit 1')).rowCount > 0;
  const isNew = done.size === 0 && !seededBefore;
  const applied: string[] = [];
  for (const m of listMigrations(opts.migrationsDir)) {
    if (done.has(m.version)) continue;
    await runFile(db, m.file, (tx, statements) =>
      tx
        .query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
          m.version,
          m.name,
          statements,
        ])
        .then(() => undefined),
    );
    applied.push(`${m.version}_${m.name}`);
  }
  const seeded: string[] = [];
  if (opts.seed && isNew) {
    for (const file of opts.seedPaths.filter((f) => fs.existsSync(f))) {
      const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      await runFile(db, file, (tx) =>
        tx
          .query(
            'insert into supabase_migrations.seed_files (path, hash) values ($1, $2) on conflict (path) do update set hash = excluded.hash',
            [path.basename(file), hash],
          )
          .then(() => undefined),
      );
      seeded.push(path.basename(file));
    }
  }
  return { applied, seeded, isNew };
}
