// The migration runner keeps the Supabase CLI's bookkeeping, applies each file once, seeds a new
// database only, and a failing migration names file and line and leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../supabase/local/db/open.ts';
import { MigrationError } from '../../supabase/local/db/migrate.ts';
import { createTempPostgresDb, onPostgres, tempDir } from '../helpers/stack.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A scratch project: a migrations dir, a seed file, and one database opened on it at a time. */
async function scratch() {
  const root = tempDir();
  const migrationsDir = path.join(root, 'migrations');
  fs.mkdirSync(migrationsDir);
  const seedFile = path.join(root, 'seed.sql');
  const pgDb = onPostgres() ? await createTempPostgresDb() : undefined;
  const opened: OpenedDatabase[] = [];
  cleanups.push(async () => {
    for (const o of opened) await o.close().catch(() => {});
    await pgDb?.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });
  return {
    write: (name: string, sql: string) => fs.writeFileSync(path.join(migrationsDir, name), sql),
    seed: (sql: string) => fs.writeFileSync(seedFile, sql),
    async open() {
      const o = await openDatabase({
        dbMode: pgDb ? 'postgres' : 'pglite',
        databaseUrl: pgDb?.url,
        dataDir: root,
        migrationsDir,
        seedPaths: [seedFile],
        seed: true,
      });
      opened.push(o);
      return o;
    },
    async reopen(o: OpenedDatabase) {
      await o.close();
      opened.splice(opened.indexOf(o), 1);
      return this.open();
    },
  };
}

describe('migrations', () => {
  it('apply in version order once, recorded with version, name and statements', async () => {
    const s = await scratch();
    s.write('20260102000000_second.sql', 'insert into public.things (name) values (\'two\');');
    s.write('20260101000000_first.sql', 'create table public.things (id serial primary key, name text);\n-- comment\ninsert into public.things (name) values (\'one\');');
    s.write('README.md', 'not a migration');
    let o = await s.open();
    expect(o.migrations.applied).toEqual(['20260101000000_first', '20260102000000_second']);
    const { rows } = await o.db.query<{ version: string; name: string; statements: string[] }>(
      'select version, name, statements from supabase_migrations.schema_migrations order by version',
    );
    expect(rows.map((r) => [r.version, r.name])).toEqual([['20260101000000', 'first'], ['20260102000000', 'second']]);
    expect(rows[0].statements).toHaveLength(2);
    expect(rows[0].statements[0]).toMatch(/^create table public\.things/);
    o = await s.reopen(o);
    expect(o.migrations.applied).toEqual([]);
    const things = await o.db.query<{ name: string }>('select name from public.things order by id');
    expect(things.rows.map((r) => r.name)).toEqual(['one', 'two']);
  });

  it('a failing migration stops with file, line and message, and leaves the database as it was', async () => {
    const s = await scratch();
    s.write('20260101000000_ok.sql', 'create table public.kept (id int);');
    s.write('20260102000000_broken.sql', 'create table public.half (id int);\n\ninsert into public.half values (1);\nselect * from public.no_such_table;\n');
    const err = await s.open().catch((e) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect(err.message).toMatch(/^20260102000000_broken\.sql:4: .*no_such_table.*42P01/);
    // Fix the file: the earlier migration stays applied, the broken one applies now from scratch.
    s.write('20260102000000_broken.sql', 'create table public.half (id int);\ninsert into public.half values (1);\n');
    const o = await s.open();
    expect(o.migrations.applied).toEqual(['20260102000000_broken']);
    const { rows } = await o.db.query<{ n: number }>('select count(*)::int as n from public.half');
    expect(rows[0].n).toBe(1);
  });

  it('a failed migration leaves no table, row or bookkeeping behind', async () => {
    const s = await scratch();
    s.write('20260101000000_bad.sql', 'create table public.ghost (id int);\ninsert into public.ghost values (1);\nselect 1/0;');
    await expect(s.open()).rejects.toThrow(/20260101000000_bad\.sql:3: division by zero/);
    s.write('20260101000000_bad.sql', 'select 1;');
    const o = await s.open();
    const ghost = await o.db.query(`select 1 from pg_class where relname = 'ghost'`);
    expect(ghost.rowCount).toBe(0);
    const versions = await o.db.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
    expect(versions.rows).toEqual([{ version: '20260101000000' }]);
  });

  it('reports a syntax error with its line before running anything', async () => {
    const s = await scratch();
    s.write('20260101000000_typo.sql', 'create table public.a (id int);\ncreat table public.b (id int);');
    await expect(s.open()).rejects.toThrow(/20260101000000_typo\.sql:2: syntax error/);
  });

  it('runs the seed after migrations on a new database only', async () => {
    const s = await scratch();
    s.write('20260101000000_t.sql', 'create table public.seeded (id serial primary key, v text);');
    s.seed("insert into public.seeded (v) values ('demo');");
    let o = await s.open();
    expect(o.migrations.seeded).toEqual(['seed.sql']);
    o = await s.reopen(o);
    expect(o.migrations.seeded).toEqual([]);
    const { rows } = await o.db.query<{ n: number }>('select count(*)::int as n from public.seeded');
    expect(rows[0].n).toBe(1);
  });
});
