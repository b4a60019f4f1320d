// RPC (POST and GET; scalar, composite, set-returning, void; overloads; single-object params),
// the OpenAPI document, Accept-Profile / Content-Profile and schema cache reloads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { reloadSchema, rest, setupFixture, USER_A, userClient } from './rest-fixture.ts';

let t: TestStack;
let admin: SupabaseClient;
beforeAll(async () => {
  t = await startTestStack();
  await setupFixture(t);
  await t.stack.ctx.db.exec(`
    create function public.add(a int, b int default 10) returns int language sql immutable as 'select a + b';
    create function public.greet(name text) returns text language sql immutable as $$ select 'hi ' || name $$;
    create function public.greet(name text, excited boolean) returns text language sql immutable
      as $$ select 'hi ' || name || case when excited then '!' else '' end $$;
    create function public.books_by(aid bigint) returns setof public.books language sql stable
      as 'select * from public.books where author_id = aid';
    create function public.first_book() returns public.books language sql stable
      as 'select * from public.books order by id limit 1';
    create function public.numbers(n int) returns setof int language sql immutable as 'select generate_series(1, n)';
    create function public.stats() returns table (total bigint, top_title text) language sql stable
      as 'select count(*), max(title) from public.books';
    create function public.touch(gid int) returns void language sql as 'update public.genres set name = name where id = gid';
    create function public.add_genre(gid int, gname text) returns int language sql
      as 'insert into public.genres values (gid, gname) returning id';
    create function public.fail_with(msg text) returns void language plpgsql
      as $$ begin raise exception using message = msg, hint = 'a hint', detail = 'some detail'; end $$;
    create function public.echo_json(payload json) returns json language sql immutable as 'select payload';
    create function public.tag_count(tags text[]) returns int language sql immutable as 'select cardinality(tags)';
    create function public.whoami() returns text language sql stable as $$ select coalesce(auth.uid()::text, 'nobody') $$;
    comment on function public.add(int, int) is 'Adds two numbers';
    create schema private_api;
    grant usage on schema private_api to anon, authenticated, service_role;
    create table private_api.items (id int primary key, label text);
    grant select on private_api.items to anon, authenticated, service_role;
    insert into private_api.items values (1, 'private one');
  `);
  await reloadSchema(t);
  admin = t.admin();
});
afterAll(() => t?.close());

describe('rpc', () => {
  it('calls scalar functions with named args and defaults (POST and GET)', async () => {
    expect((await admin.rpc('add', { a: 1, b: 2 })).data).toBe(3);
    expect((await admin.rpc('add', { a: 1 })).data).toBe(11);
    expect((await admin.rpc('add', { a: 5 }, { get: true })).data).toBe(15);
    const res = await rest(t, '/rpc/add?a=2&b=3');
    expect(await res.text()).toBe('5');
  });

  it('picks the overload by argument names', async () => {
    expect((await admin.rpc('greet', { name: 'x' })).data).toBe('hi x');
    expect((await admin.rpc('greet', { name: 'x', excited: true })).data).toBe('hi x!');
  });

  it('set-returning functions take filters, order and range', async () => {
    const { data, error } = await admin.rpc('books_by', { aid: 1 }).select('title').order('title', { ascending: false });
    expect(error).toBeNull();
    expect(data).toEqual([{ title: 'Beta waves' }, { title: 'Alpha rising' }]);
    const filtered = await admin.rpc('books_by', { aid: 1 }).select('id').gt('price', 5);
    expect(filtered.data).toEqual([{ id: 1 }]);
    const counted = await admin.rpc('books_by', { aid: 1 }, { count: 'exact' }).select('id').order('id').range(0, 0);
    expect(counted.data).toEqual([{ id: 1 }]);
    expect(counted.count).toBe(2);
    const embedded = await admin.rpc('books_by', { aid: 2 }).select('title, authors(name)');
    expect(embedded.data).toEqual([{ title: 'Gamma rays', authors: { name: 'Bob' } }]);
  });

  it('returns composite, table and scalar-set results', async () => {
    expect((await admin.rpc('first_book').select('id, title')).data).toEqual({ id: 1, title: 'Alpha rising' });
    expect((await admin.rpc('numbers', { n: 3 })).data).toEqual([1, 2, 3]);
    expect((await admin.rpc('stats')).data).toEqual([{ total: 4, top_title: 'Gamma rays' }]);
  });

  it('void functions answer 204', async () => {
    const { status, error, data } = await admin.rpc('touch', { gid: 1 });
    expect(error).toBeNull();
    expect(status).toBe(204);
    expect(data).toBeNull();
  });

  it('passes json and array arguments', async () => {
    expect((await admin.rpc('echo_json', { payload: { a: [1, 'x'] } })).data).toEqual({ a: [1, 'x'] });
    expect((await admin.rpc('tag_count', { tags: ['a', 'b', 'c'] })).data).toBe(3);
  });

  it('passes the whole body with Prefer: params=single-object', async () => {
    const res = await rest(t, '/rpc/echo_json', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/json', Prefer: 'params=single-object' },
      body: JSON.stringify({ k: 'v' }),
    });
    expect(await res.json()).toEqual({ k: 'v' });
  });

  it('runs GET in a read-only transaction', async () => {
    const get = await admin.rpc('add_genre', { gid: 300, gname: 'ro' }, { get: true });
    expect(get.status).toBe(405);
    expect(get.error?.code).toBe('25006');
    const post = await admin.rpc('add_genre', { gid: 300, gname: 'rw' });
    expect(post.data).toBe(300);
    const { rows } = await t.stack.ctx.db.query(`select name from public.genres where id = 300`);
    expect(rows).toEqual([{ name: 'rw' }]);
  });

  it('raises P0001 as 400 with message, details and hint', async () => {
    const { error, status } = await admin.rpc('fail_with', { msg: 'nope' });
    expect(status).toBe(400);
    expect(error).toEqual({ code: 'P0001', message: 'nope', details: 'some detail', hint: 'a hint' });
  });

  it('runs as the caller: auth.uid() inside functions', async () => {
    expect((await (await userClient(t, USER_A)).rpc('whoami')).data).toBe(USER_A);
    expect((await t.client().rpc('whoami')).data).toBe('nobody');
  });

  it("applies the role's own settings (alter role … set) inside the request", async () => {
    await t.stack.ctx.db.exec(`
      create function public.my_timeout() returns text language sql stable as $$ select current_setting('statement_timeout') $$;
      do $$ begin execute format('alter role authenticated in database %I set statement_timeout = %L', current_database(), '4321ms'); end $$;`);
    await reloadSchema(t);
    expect((await (await userClient(t, USER_A)).rpc('my_timeout')).data).toBe('4321ms');
    expect((await t.client().rpc('my_timeout')).data).not.toBe('4321ms');
  });

  it('unknown functions or arguments give PGRST202 (404)', async () => {
    const { error, status } = await admin.rpc('add', { x: 1 });
    expect(status).toBe(404);
    expect(error).toEqual({
      code: 'PGRST202',
      details: 'Searched for the function public.add with parameters x or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      hint: null,
      message: 'Could not find the function public.add(x) in the schema cache',
    });
    const none = await admin.rpc('nothing_here');
    expect(none.error?.message).toBe('Could not find the function public.nothing_here without parameters in the schema cache');
  });
});

describe('profiles and schema cache', () => {
  it('reads other exposed schemas only', async () => {
    // private_api is not in config.toml's [api].schemas.
    const res = await rest(t, '/items', { headers: { 'Accept-Profile': 'private_api' } });
    expect(res.status).toBe(406);
    expect(await res.json()).toEqual({ code: 'PGRST106', details: null, hint: 'Only the following schemas are exposed: public', message: 'Invalid schema: private_api' });
    const { error } = await admin.schema('private_api').from('items').select();
    expect(error?.code).toBe('PGRST106');
  });

  it('reloads on NOTIFY pgrst', async () => {
    await t.stack.ctx.db.exec(`create table public.late_table (id int primary key); insert into public.late_table values (7);`);
    const before = await admin.from('late_table').select();
    expect(before.status).toBe(404);
    expect(before.error).toMatchObject({ code: 'PGRST205', message: "Could not find the table 'public.late_table' in the schema cache" });
    await t.stack.ctx.db.exec(`notify pgrst, 'reload schema'`);
    let data: unknown = null;
    for (let i = 0; i < 50 && !data; i++) {
      await new Promise((r) => setTimeout(r, 100));
      data = (await admin.from('late_table').select()).data;
    }
    expect(data).toEqual([{ id: 7 }]);
  });

  it('suggests a close table name', async () => {
    const { error } = await admin.from('book').select();
    expect(error?.hint).toBe("Perhaps you meant the table 'public.books'");
  });
});

describe('openapi', () => {
  it('describes tables, columns, keys, enums and functions', async () => {
    const res = await rest(t, '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/openapi+json');
    const doc = await res.json();
    expect(doc.swagger).toBe('2.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/books', '/authors', '/book_titles', '/rpc/add']));
    const books = doc.definitions.books;
    expect(books.required).toEqual(expect.arrayContaining(['title']));
    expect(books.required).not.toContain('id');
    expect(books.properties.id).toMatchObject({ type: 'integer', format: 'bigint' });
    expect(books.properties.id.description).toContain('<pk/>');
    expect(books.properties.author_id.description).toContain(`<fk table='authors' column='id'/>`);
    expect(books.properties.status).toMatchObject({ type: 'string', format: 'public.book_status', enum: ['draft', 'published'] });
    expect(books.properties.tags).toMatchObject({ type: 'array', format: 'text[]' });
    expect(books.properties.price).toMatchObject({ type: 'number', format: 'numeric' });
    expect(doc.definitions.authors.description).toBe('People who write books');
    expect(doc.paths['/rpc/add'].post.summary).toBe('Adds two numbers');
    expect(doc.definitions.items).toBeUndefined();
  });

  it('lists only what the caller may use', async () => {
    await t.stack.ctx.db.exec(`create table public.staff_only (id int primary key);
      revoke all on public.staff_only from anon;
      create function public.staff_fn() returns int language sql as 'select 1';
      revoke execute on function public.staff_fn() from public, anon;`);
    await reloadSchema(t);
    const asAnon = await (await rest(t, '/')).json();
    expect(asAnon.definitions.staff_only).toBeUndefined();
    expect(asAnon.paths['/rpc/staff_fn']).toBeUndefined();
    expect(asAnon.definitions.books).toBeDefined();
    const asService = await (await rest(t, '/', { headers: { Authorization: `Bearer ${t.serviceRoleKey}` } })).json();
    expect(asService.definitions.staff_only).toBeDefined();
    expect(asService.paths['/rpc/staff_fn']).toBeDefined();
  });
});
