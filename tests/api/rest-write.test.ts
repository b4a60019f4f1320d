// Writes through supabase-js: insert (single, bulk, columns, defaults), upsert, update, delete,
// Prefer return/count/tx, constraint errors with PostgREST's statuses, and RLS per role.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { rest, setupFixture, USER_A, USER_B, userClient, userToken } from './rest-fixture.ts';
import { signJwt } from '../../supabase/local/jwt.ts';

let t: TestStack;
let admin: SupabaseClient;
beforeAll(async () => {
  t = await startTestStack();
  await setupFixture(t);
  admin = t.admin();
});
afterAll(() => t?.close());

const sql = async <R = Record<string, unknown>>(text: string) => (await t.stack.ctx.db.query<R>(text)).rows;

beforeEach(async () => {
  await t.stack.ctx.db.exec(`delete from public.genres where id >= 100`);
});

describe('insert', () => {
  it('inserts one row, minimal by default (201, no body)', async () => {
    const { data, error, status } = await admin.from('genres').insert({ id: 100, name: 'Poetry' });
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toBeNull();
    expect(await sql(`select name from public.genres where id = 100`)).toEqual([{ name: 'Poetry' }]);
  });

  it('returns the representation with select(), and an object with single()', async () => {
    const { data, status } = await admin.from('genres').insert({ id: 101, name: 'Drama' }).select().single();
    expect(status).toBe(201);
    expect(data).toEqual({ id: 101, name: 'Drama' });
  });

  it('bulk inserts with columns= (missing keys are null) and with defaults', async () => {
    const { data, error } = await admin
      .from('books')
      .insert([{ title: 'Bulk 1', price: 1 }, { title: 'Bulk 2', tags: ['x'] }], { defaultToNull: false })
      .select('title, price, tags, status');
    expect(error).toBeNull();
    expect(data).toEqual([
      { title: 'Bulk 1', price: 1, tags: [], status: 'draft' },
      { title: 'Bulk 2', price: null, tags: ['x'], status: 'draft' },
    ]);
    const nulls = await rest(t, '/genres?columns="id","name"', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/json', Prefer: 'return=representation' },
      body: JSON.stringify([{ id: 102, name: 'X', extra: 'ignored' }, { id: 103, name: 'Y' }]),
    });
    expect(nulls.status).toBe(201);
    expect(await nulls.json()).toEqual([{ id: 102, name: 'X' }, { id: 103, name: 'Y' }]);
    await sql(`delete from public.books where title like 'Bulk%'`);
  });

  it('returns embedded resources of the written rows', async () => {
    const { data, error } = await admin.from('books').insert({ title: 'Embedded back', author_id: 2 }).select('title, authors(name)').single();
    expect(error).toBeNull();
    expect(data).toEqual({ title: 'Embedded back', authors: { name: 'Bob' } });
    const upd = await admin.from('books').update({ author_id: 1 }).eq('title', 'Embedded back').select('title, writer:authors(name)');
    expect(upd.data).toEqual([{ title: 'Embedded back', writer: { name: 'Ann' } }]);
    await sql(`delete from public.books where title = 'Embedded back'`);
  });

  it('an empty array inserts nothing', async () => {
    const { data, error, status } = await admin.from('genres').insert([]).select();
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toEqual([]);
  });

  it('refuses keys that do not match across rows, and unknown columns (PGRST204)', async () => {
    const res = await rest(t, '/genres', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify([{ id: 104, name: 'a' }, { id: 105 }]),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'PGRST102', details: null, hint: null, message: 'All object keys must match' });
    const { error, status } = await admin.from('genres').insert({ id: 106, nope: 1 });
    expect(status).toBe(400);
    expect(error).toEqual({ code: 'PGRST204', details: null, hint: null, message: "Could not find the 'nope' column of 'genres' in the schema cache" });
    expect(await sql(`select id from public.genres where id >= 100`)).toEqual([]);
  });

  it('maps constraint violations to PostgREST statuses', async () => {
    const dup = await admin.from('genres').insert({ id: 1, name: 'dup' });
    expect(dup.status).toBe(409);
    expect(dup.error).toMatchObject({ code: '23505', message: 'duplicate key value violates unique constraint "genres_pkey"', details: 'Key (id)=(1) already exists.' });
    const fk = await admin.from('book_genres').insert({ book_id: 1, genre_id: 999 });
    expect(fk.status).toBe(409);
    expect(fk.error?.code).toBe('23503');
    const check = await admin.from('books').insert({ title: 'Neg', price: -1 });
    expect(check.status).toBe(400);
    expect(check.error).toMatchObject({ code: '23514', message: 'new row for relation "books" violates check constraint "price_positive"' });
    const notNull = await admin.from('genres').insert({ id: 107, name: null });
    expect(notNull.status).toBe(400);
    expect(notNull.error?.code).toBe('23502');
    const badEnum = await admin.from('books').insert({ title: 'E', status: 'lost' });
    expect(badEnum.status).toBe(400);
    expect(badEnum.error?.code).toBe('22P02');
  });

  it('rejects invalid JSON with PGRST102', async () => {
    const res = await rest(t, '/genres', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: '{"id": 1,',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'PGRST102', details: null, hint: null, message: 'Empty or invalid json' });
  });

  it('accepts CSV bodies', async () => {
    const res = await rest(t, '/genres', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'text/csv', Prefer: 'return=representation' },
      body: 'id,name\n108,"Folk, old"\n109,Jazz',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual([{ id: 108, name: 'Folk, old' }, { id: 109, name: 'Jazz' }]);
  });

  it('headers-only gives a Location; tx=rollback changes nothing', async () => {
    const res = await rest(t, '/genres', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/json', Prefer: 'return=headers-only' },
      body: JSON.stringify({ id: 110, name: 'Loc' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/genres?id=eq.110');
    const rb = await rest(t, '/genres', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/json', Prefer: 'return=representation,tx=rollback' },
      body: JSON.stringify({ id: 111, name: 'Gone' }),
    });
    expect(rb.status).toBe(201);
    expect(await rb.json()).toEqual([{ id: 111, name: 'Gone' }]);
    expect(rb.headers.get('preference-applied')).toContain('tx=rollback');
    expect(await sql(`select id from public.genres where id = 111`)).toEqual([]);
  });
});

describe('upsert', () => {
  it('merges duplicates on the primary key or on_conflict columns', async () => {
    await admin.from('genres').insert({ id: 120, name: 'Old' });
    const merged = await admin.from('genres').upsert([{ id: 120, name: 'New' }, { id: 121, name: 'Other' }]).select().order('id');
    expect(merged.error).toBeNull();
    expect(merged.status).toBe(201);
    expect(merged.data).toEqual([{ id: 120, name: 'New' }, { id: 121, name: 'Other' }]);
    const byTitle = await admin.from('books').upsert({ title: 'Beta waves', price: 4 }, { onConflict: 'title' }).select('id, price');
    expect(byTitle.data).toEqual([{ id: 2, price: 4 }]);
    await sql(`update public.books set price = 3 where id = 2`);
  });

  it('ignores duplicates when asked', async () => {
    await admin.from('genres').insert({ id: 122, name: 'Keep' });
    const { data } = await admin.from('genres').upsert({ id: 122, name: 'Lose' }, { ignoreDuplicates: true }).select();
    expect(data).toEqual([]);
    expect(await sql(`select name from public.genres where id = 122`)).toEqual([{ name: 'Keep' }]);
  });

  it('PUT upserts the row named by its primary key', async () => {
    const res = await rest(t, '/genres?id=eq.123', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/json', Prefer: 'return=representation' },
      body: JSON.stringify({ id: 123, name: 'Put' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ id: 123, name: 'Put' }]);
    const mismatch = await rest(t, '/genres?id=eq.124', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 125, name: 'Bad' }),
    });
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).code).toBe('PGRST115');
  });
});

describe('update and delete', () => {
  it('updates filtered rows and returns them', async () => {
    await admin.from('genres').insert([{ id: 130, name: 'a' }, { id: 131, name: 'b' }]);
    const { data, status, count } = await admin.from('genres').update({ name: 'z' }, { count: 'exact' }).gte('id', 130).select().order('id');
    expect(status).toBe(200);
    expect(count).toBe(2);
    expect(data).toEqual([{ id: 130, name: 'z' }, { id: 131, name: 'z' }]);
    const minimal = await admin.from('genres').update({ name: 'y' }).eq('id', 130);
    expect(minimal.status).toBe(204);
    expect(await sql(`select name from public.genres where id = 130`)).toEqual([{ name: 'y' }]);
  });

  it('refuses update/delete without filters, as Supabase does', async () => {
    const upd = await admin.from('genres').update({ name: 'all' });
    expect(upd.status).toBe(400);
    expect(upd.error).toEqual({ code: '21000', details: null, hint: null, message: 'UPDATE requires a WHERE clause' });
    const del = await admin.from('genres').delete();
    expect(del.error?.message).toBe('DELETE requires a WHERE clause');
    expect(await sql(`select count(*)::int as n from public.genres where name = 'all'`)).toEqual([{ n: 0 }]);
  });

  it('single() on a write that touches several rows is refused and rolled back', async () => {
    await admin.from('genres').insert([{ id: 140, name: 'a' }, { id: 141, name: 'b' }]);
    const { error, status } = await admin.from('genres').update({ name: 'c' }).gte('id', 140).select().single();
    expect(status).toBe(406);
    expect(error?.code).toBe('PGRST116');
    expect(await sql(`select name from public.genres where id >= 140 order by id`)).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('deletes filtered rows, with order and limit', async () => {
    await admin.from('genres').insert([{ id: 150, name: 'a' }, { id: 151, name: 'b' }, { id: 152, name: 'c' }]);
    const { data } = await admin.from('genres').delete().gte('id', 150).order('id', { ascending: false }).limit(2).select('id');
    // The two highest ids went; RETURNING order is unspecified.
    expect((data ?? []).map((r: any) => r.id).sort()).toEqual([151, 152]);
    const rest2 = await admin.from('genres').delete().eq('id', 150);
    expect(rest2.status).toBe(204);
    expect(await sql(`select id from public.genres where id >= 150`)).toEqual([]);
  });

  it('handling=strict refuses unknown preferences (PGRST122)', async () => {
    const res = await rest(t, '/genres?id=eq.1', {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/json', Prefer: 'handling=strict, return=everything' },
      body: JSON.stringify({ name: 'changed' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'PGRST122', details: 'Invalid preferences: return=everything', hint: null, message: 'Invalid preferences given with handling=strict' });
    expect(await sql(`select name from public.genres where id = 1`)).toEqual([{ name: 'Science' }]);
  });

  it('maxAffected refuses and rolls back a write touching too many rows', async () => {
    await admin.from('genres').insert([{ id: 160, name: 'a' }, { id: 161, name: 'b' }]);
    const res = await rest(t, '/genres?id=gte.160', {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${t.serviceRoleKey}`, Prefer: 'handling=strict, max-affected=1' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'PGRST124', details: 'The query affects 2 rows', hint: null, message: 'Query result exceeds max-affected preference constraint' });
    expect(await sql(`select count(*)::int as n from public.genres where id >= 160`)).toEqual([{ n: 2 }]);
  });
});

describe('auth and row level security', () => {
  it('requires an apikey', async () => {
    const res = await fetch(`${t.url}/rest/v1/genres`);
    expect(res.status).toBe(401);
  });

  it('refuses invalid and expired JWTs with PGRST301/PGRST303', async () => {
    const bad = await rest(t, '/genres', { headers: { Authorization: 'Bearer abc.def.ghi' } });
    expect(bad.status).toBe(401);
    expect((await bad.json()).code).toBe('PGRST301');
    const expired = await signJwt({ sub: USER_A, role: 'authenticated', exp: Math.floor(Date.now() / 1000) - 10 }, t.stack.ctx.config.jwtSecret);
    const exp = await rest(t, '/genres', { headers: { Authorization: `Bearer ${expired}` } });
    expect(exp.status).toBe(401);
    expect(await exp.json()).toEqual({ code: 'PGRST303', details: null, hint: null, message: 'JWT expired' });
    const future = await signJwt({ sub: USER_A, role: 'authenticated', iat: Math.floor(Date.now() / 1000) + 600 }, t.stack.ctx.config.jwtSecret);
    const early = await rest(t, '/genres', { headers: { Authorization: `Bearer ${future}` } });
    expect(early.status).toBe(401);
    expect(await early.json()).toMatchObject({ code: 'PGRST303', message: 'JWT issued at future' });
    const wrongSecret = await signJwt({ role: 'service_role' }, 'another-secret-another-secret-another-secret');
    const forged = await rest(t, '/genres', { headers: { Authorization: `Bearer ${wrongSecret}` } });
    expect(forged.status).toBe(401);
  });

  it('refuses a token whose role does not exist with 401', async () => {
    const token = await signJwt({ sub: USER_A, role: 'no_such_role', exp: Math.floor(Date.now() / 1000) + 60 }, t.stack.ctx.config.jwtSecret);
    const res = await rest(t, '/genres', { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: '22023', message: 'role "no_such_role" does not exist' });
  });

  it('anon, each user and service_role see what the policies allow', async () => {
    const body = async (c: SupabaseClient) => ((await c.from('notes').select('body').order('id')).data ?? []).map((r: any) => r.body);
    expect(await body(t.client())).toEqual(['a public']);
    expect(await body(await userClient(t, USER_A))).toEqual(['a private', 'a public']);
    expect(await body(await userClient(t, USER_B))).toEqual(['a public', 'b private']);
    expect(await body(admin)).toEqual(['a private', 'a public', 'b private']);
  });

  it('users write only their own rows; anon gets 401 and users 403 on refused writes', async () => {
    const a = await userClient(t, USER_A);
    const mine = await a.from('notes').insert({ body: 'new by a' }).select('owner, body').single();
    expect(mine.error).toBeNull();
    expect(mine.data).toEqual({ owner: USER_A, body: 'new by a' });
    const forged = await a.from('notes').insert({ body: 'as b', owner: USER_B });
    expect(forged.status).toBe(403);
    expect(forged.error).toMatchObject({ code: '42501', message: 'new row violates row-level security policy for table "notes"' });
    const anon = await t.client().from('notes').insert({ body: 'anon', owner: USER_A });
    expect(anon.status).toBe(401);
    expect(anon.error?.code).toBe('42501');
    // Updating someone else's row matches nothing; the row is unchanged.
    const other = await a.from('notes').update({ body: 'hijack' }).eq('body', 'b private').select();
    expect(other.data).toEqual([]);
    const del = await a.from('notes').delete().eq('body', 'b private').select();
    expect(del.data).toEqual([]);
    expect(await sql(`select body from public.notes where owner = '${USER_B}'`)).toEqual([{ body: 'b private' }]);
    expect(await sql(`select count(*)::int as n from public.notes where body in ('as b', 'anon')`)).toEqual([{ n: 0 }]);
  });

  it('a minimal insert needs no SELECT policy on the new row', async () => {
    const b = await userClient(t, USER_B);
    const { error, status } = await b.from('notes').insert({ body: 'b secret' });
    expect(error).toBeNull();
    expect(status).toBe(201);
    const token = await userToken(t, USER_A);
    const res = await rest(t, '/notes?select=body&body=eq.b%20secret', { headers: { Authorization: `Bearer ${token}` } });
    expect(await res.json()).toEqual([]);
  });

  it('anon is refused a table without grants with 401, users with 403', async () => {
    await t.stack.ctx.db.exec(`create table public.secrets (id int primary key); revoke all on public.secrets from anon, authenticated;`);
    for (const reload of t.stack.ctx.onSchemaChange) await reload();
    const anon = await t.client().from('secrets').select();
    expect(anon.status).toBe(401);
    expect(anon.error).toMatchObject({ code: '42501', message: 'permission denied for table secrets' });
    const user = await (await userClient(t, USER_A)).from('secrets').select();
    expect(user.status).toBe(403);
  });
});
