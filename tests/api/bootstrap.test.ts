// The bootstrap makes a bare database look like a fresh Supabase database, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { bootstrap } from '../../supabase/local/db/bootstrap.ts';
import { runAsRole } from '../../supabase/local/db/as-role.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.close());

const req = { method: 'GET', path: '/test', headers: { 'x-test': '1' } };

describe('bootstrap', () => {
  it('creates the Supabase roles with their attributes', async () => {
    const { rows } = await t.stack.ctx.db.query<{ rolname: string; rolbypassrls: boolean; rolcanlogin: boolean }>(
      `select rolname, rolbypassrls, rolcanlogin from pg_roles
        where rolname in ('anon','authenticated','service_role','authenticator','supabase_admin') order by rolname`,
    );
    expect(rows.map((r) => r.rolname)).toEqual(['anon', 'authenticated', 'authenticator', 'service_role', 'supabase_admin']);
    expect(rows.find((r) => r.rolname === 'service_role')!.rolbypassrls).toBe(true);
    expect(rows.find((r) => r.rolname === 'anon')!.rolbypassrls).toBe(false);
    expect(rows.find((r) => r.rolname === 'authenticator')!.rolcanlogin).toBe(true);
    expect(rows.find((r) => r.rolname === 'anon')!.rolcanlogin).toBe(false);
  });

  it('creates the schemas, auth and storage tables and helper functions', async () => {
    const db = t.stack.ctx.db;
    const schemas = (await db.query<{ nspname: string }>(
      `select nspname from pg_namespace where nspname in ('auth','storage','extensions','supabase_migrations') order by 1`,
    )).rows.map((r) => r.nspname);
    expect(schemas).toEqual(['auth', 'extensions', 'storage', 'supabase_migrations']);
    const tables = (await db.query<{ t: string }>(
      `select table_schema || '.' || table_name as t from information_schema.tables
        where table_schema in ('auth','storage','supabase_migrations') order by 1`,
    )).rows.map((r) => r.t);
    expect(tables).toEqual(expect.arrayContaining([
      'auth.users', 'auth.identities', 'auth.sessions', 'auth.refresh_tokens', 'auth.audit_log_entries',
      'storage.buckets', 'storage.objects', 'supabase_migrations.schema_migrations',
    ]));
    const cols = (await db.query<{ column_name: string; data_type: string }>(
      `select column_name, data_type from information_schema.columns where table_schema = 'auth' and table_name = 'users'`,
    )).rows;
    const type = (c: string) => cols.find((x) => x.column_name === c)?.data_type;
    expect(type('id')).toBe('uuid');
    expect(type('email')).toBe('character varying');
    expect(type('raw_app_meta_data')).toBe('jsonb');
    expect(type('banned_until')).toBe('timestamp with time zone');
    expect(type('is_anonymous')).toBe('boolean');
    const fns = await db.query<{ a: string[]; b: string; c: string }>(
      `select storage.foldername('ab/cd/e.pdf') as a, storage.filename('ab/cd/e.pdf') as b, storage.extension('ab/cd/e.pdf') as c`,
    );
    expect(fns.rows[0]).toEqual({ a: ['ab', 'cd'], b: 'e.pdf', c: 'pdf' });
  });

  it('grants Supabase default privileges on public to the API roles', async () => {
    const db = t.stack.ctx.db;
    await db.exec('create table public.bootstrap_probe (id int primary key)');
    const { rows } = await db.query<{ grantee: string }>(
      `select distinct grantee from information_schema.role_table_grants
        where table_schema = 'public' and table_name = 'bootstrap_probe' and privilege_type = 'SELECT' order by 1`,
    );
    expect(rows.map((r) => r.grantee)).toEqual(expect.arrayContaining(['anon', 'authenticated', 'service_role']));
    await db.exec('drop table public.bootstrap_probe');
  });

  it('auth.uid(), auth.role() and auth.jwt() read the request claims as the caller role', async () => {
    const sub = '6f1c1a52-4a42-4f1e-9a3b-0d6f4d7c2a11';
    const row = await runAsRole(t.stack.ctx.db, 'authenticated', { sub, role: 'authenticated', email: 'a@b.c' }, req, async (tx) =>
      (await tx.query<{ uid: string; role: string; jwt: { email: string }; who: string; headers: string }>(
        `select auth.uid() as uid, auth.role() as role, auth.jwt() as jwt, current_user as who,
                current_setting('request.headers', true) as headers`,
      )).rows[0],
    );
    expect(row).toMatchObject({ uid: sub, role: 'authenticated', who: 'authenticated' });
    expect(row.jwt.email).toBe('a@b.c');
    expect(JSON.parse(row.headers)).toEqual({ 'x-test': '1' });
    // The role is local to the transaction.
    const after = await t.stack.ctx.db.query<{ who: string }>('select current_user as who');
    expect(after.rows[0].who).not.toBe('authenticated');
  });

  it('row level security applies to the API roles but not to service_role', async () => {
    const db = t.stack.ctx.db;
    await db.exec(`create table public.rls_probe (id int primary key, owner uuid);
      alter table public.rls_probe enable row level security;
      create policy "owners read their rows" on public.rls_probe for select to authenticated using (owner = (select auth.uid()));
      insert into public.rls_probe values (1, '6f1c1a52-4a42-4f1e-9a3b-0d6f4d7c2a11'), (2, null);`);
    const count = (role: string, sub?: string) =>
      runAsRole(db, role, { role, sub }, req, async (tx) => (await tx.query<{ n: number }>('select count(*)::int as n from public.rls_probe')).rows[0].n);
    expect(await count('anon')).toBe(0);
    expect(await count('authenticated', '6f1c1a52-4a42-4f1e-9a3b-0d6f4d7c2a11')).toBe(1);
    expect(await count('service_role')).toBe(2);
    await db.exec('drop table public.rls_probe');
  });

  it('is idempotent', async () => {
    await bootstrap(t.stack.ctx.db);
    await bootstrap(t.stack.ctx.db);
    const { rows } = await t.stack.ctx.db.query<{ n: number }>(`select count(*)::int as n from pg_roles where rolname = 'anon'`);
    expect(rows[0].n).toBe(1);
  });
});
