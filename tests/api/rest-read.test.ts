// Reads through supabase-js: columns, aliases, casts, JSON paths, embedding, filters, order,
// ranges, counts, single/maybeSingle, CSV, and the headers PostgREST sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { rest, setupFixture } from './rest-fixture.ts';

let t: TestStack;
let db: SupabaseClient;
beforeAll(async () => {
  t = await startTestStack();
  await setupFixture(t);
  db = t.admin();
});
afterAll(() => t?.close());

const titles = (data: unknown) => (data as { title: string }[]).map((r) => r.title);

describe('select', () => {
  it('returns all columns with PostgREST JSON types', async () => {
    const { data, error, status } = await db.from('books').select('*').eq('id', 1);
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual([
      {
        id: 1, title: 'Alpha rising', author_id: 1, price: 10.5, tags: ['sci', 'classic'], status: 'published',
        created_at: '2024-01-02T03:04:05+00:00', search: "'alpha':1 'rise':2",
      },
    ]);
  });

  it('keeps numeric precision and renders dates as text', async () => {
    const res = await rest(t, '/books?select=price&id=eq.4');
    expect(await res.text()).toBe('[{"price":99999999.99}]');
    const { data } = await db.from('authors').select('born').eq('id', 1).single();
    expect(data).toEqual({ born: '1970-01-02' });
  });

  it('selects columns with aliases, casts and JSON paths', async () => {
    const { data, error } = await db
      .from('authors')
      .select('who:name, id::text, city:meta->city->>name, first_lang:meta->langs->>0, raw:meta->city')
      .eq('id', 1);
    expect(error).toBeNull();
    expect(data).toEqual([{ who: 'Ann', id: '1', city: 'Oslo', first_lang: 'no', raw: { name: 'Oslo' } }]);
  });

  it('sends Content-Range and JSON content type', async () => {
    const res = await rest(t, '/books?select=id&order=id');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBe('0-3/*');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const empty = await rest(t, '/books?select=id&id=eq.999');
    expect(empty.headers.get('content-range')).toBe('*/*');
    expect(await empty.json()).toEqual([]);
  });
});

describe('embedding', () => {
  it('embeds many-to-one as an object and one-to-many as an array', async () => {
    const { data, error } = await db.from('authors').select('name, books(title)').order('id').order('title', { referencedTable: 'books' });
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: 'Ann', books: [{ title: 'Alpha rising' }, { title: 'Beta waves' }] },
      { name: 'Bob', books: [{ title: 'Gamma rays' }] },
      { name: 'Cyd', books: [] },
    ]);
    const many = await db.from('books').select('title, writer:authors(name)').order('id');
    expect(many.data).toEqual([
      { title: 'Alpha rising', writer: { name: 'Ann' } },
      { title: 'Beta waves', writer: { name: 'Ann' } },
      { title: 'Gamma rays', writer: { name: 'Bob' } },
      { title: 'Delta blues', writer: null },
    ]);
  });

  it('embeds many-to-many through the junction table', async () => {
    const { data, error } = await db.from('genres').select('name, books(title)').order('id').order('id', { referencedTable: 'books' });
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: 'Science', books: [{ title: 'Alpha rising' }, { title: 'Beta waves' }] },
      { name: 'Music', books: [{ title: 'Delta blues' }] },
      { name: 'Empty', books: [] },
    ]);
  });

  it('filters parents with !inner and filters, orders and limits embedded rows', async () => {
    const inner = await db.from('books').select('title, authors!inner(name)').eq('authors.name', 'Bob');
    expect(inner.data).toEqual([{ title: 'Gamma rays', authors: { name: 'Bob' } }]);
    const limited = await db
      .from('authors')
      .select('name, books(title)')
      .eq('id', 1)
      .order('title', { referencedTable: 'books', ascending: false })
      .limit(1, { referencedTable: 'books' });
    expect(limited.data).toEqual([{ name: 'Ann', books: [{ title: 'Beta waves' }] }]);
    const filtered = await db.from('authors').select('name, books(title)').eq('books.status', 'draft').order('id');
    expect(filtered.data).toEqual([
      { name: 'Ann', books: [{ title: 'Beta waves' }] },
      { name: 'Bob', books: [] },
      { name: 'Cyd', books: [] },
    ]);
  });

  it('filters on whether an embed is null and nests embeds', async () => {
    const res = await rest(t, '/authors?select=name,books(title)&books=not.is.null&books.tags=cs.{music}', { headers: { Authorization: `Bearer ${t.serviceRoleKey}` } });
    expect(await res.json()).toEqual([]);
    const nested = await db.from('book_genres').select('books(title, authors(name)), genres(name)').eq('genre_id', 2);
    expect(nested.data).toEqual([{ books: { title: 'Delta blues', authors: null }, genres: { name: 'Music' } }]);
  });

  it('embeds by foreign key column and through views, and orders by a to-one embed', async () => {
    const byColumn = await db.from('books').select('title, author:author_id(name)').eq('id', 3);
    expect(byColumn.data).toEqual([{ title: 'Gamma rays', author: { name: 'Bob' } }]);
    const view = await db.from('book_titles').select('title, authors(name)').eq('id', 1);
    expect(view.error).toBeNull();
    expect(view.data).toEqual([{ title: 'Alpha rising', authors: { name: 'Ann' } }]);
    const ordered = await rest(t, '/books?select=title,authors(name)&author_id=not.is.null&order=authors(name).desc,title');
    expect(titles(await ordered.json())).toEqual(['Gamma rays', 'Alpha rising', 'Beta waves']);
  });

  it('counts embedded rows with rel(count)', async () => {
    const { data, error } = await db.from('authors').select('name, books(count)').order('id');
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: 'Ann', books: [{ count: 2 }] },
      { name: 'Bob', books: [{ count: 1 }] },
      { name: 'Cyd', books: [{ count: 0 }] },
    ]);
  });

  it('applies or filters inside an embed', async () => {
    const { data } = await db.from('authors').select('name, books(title)').eq('id', 1).or('price.lt.5,tags.cs.{classic}', { referencedTable: 'books' }).order('id', { referencedTable: 'books' });
    expect(data).toEqual([{ name: 'Ann', books: [{ title: 'Alpha rising' }, { title: 'Beta waves' }] }]);
    const one = await db.from('authors').select('name, books(title)').eq('id', 1).or('price.lt.5', { referencedTable: 'books' });
    expect(one.data).toEqual([{ name: 'Ann', books: [{ title: 'Beta waves' }] }]);
  });

  it('spreads a to-one embed into the parent', async () => {
    const res = await rest(t, '/books?select=title,...authors(author_name:name)&id=eq.1');
    expect(await res.json()).toEqual([{ title: 'Alpha rising', author_name: 'Ann' }]);
  });

  it('asks for a hint when several keys lead to the same table (PGRST201, 300)', async () => {
    await t.stack.ctx.db.exec(`create table public.loans (id int primary key,
      lender_id bigint constraint loans_lender_fkey references public.authors(id),
      borrower_id bigint constraint loans_borrower_fkey references public.authors(id));
      insert into public.loans values (1, 1, 2);`);
    for (const reload of t.stack.ctx.onSchemaChange) await reload();
    const { error, status } = await db.from('loans').select('id, authors(name)');
    expect(status).toBe(300);
    expect(error).toMatchObject({
      code: 'PGRST201',
      message: "Could not embed because more than one relationship was found for 'loans' and 'authors'",
      hint: "Try changing 'authors' to one of the following: 'authors!loans_lender_fkey', 'authors!loans_borrower_fkey'. Find the desired relationship in the 'details' key.",
    });
    expect((error as any).details).toEqual([
      { cardinality: 'many-to-one', embedding: 'loans with authors', relationship: 'loans_lender_fkey using public.loans(lender_id) and public.authors(id)' },
      { cardinality: 'many-to-one', embedding: 'loans with authors', relationship: 'loans_borrower_fkey using public.loans(borrower_id) and public.authors(id)' },
    ]);
    const hinted = await db.from('loans').select('id, lender:authors!loans_lender_fkey(name), borrower:authors!borrower_id(name)');
    expect(hinted.data).toEqual([{ id: 1, lender: { name: 'Ann' }, borrower: { name: 'Bob' } }]);
    const reverse = await db.from('authors').select('name, lent:loans!lender_id(id)').eq('id', 1);
    expect(reverse.data).toEqual([{ name: 'Ann', lent: [{ id: 1 }] }]);
  });

  it('refuses unknown and ambiguous relationships with PGRST200', async () => {
    const { error, status } = await db.from('books').select('title, genres_nope(name)');
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 'PGRST200', message: "Could not find a relationship between 'books' and 'genres_nope' in the schema cache" });
  });
});

describe('filters', () => {
  const cases: [string, (q: any) => any, string[]][] = [
    ['eq', (q) => q.eq('title', 'Beta waves'), ['Beta waves']],
    ['neq', (q) => q.neq('status', 'published'), ['Beta waves', 'Delta blues']],
    ['gt/lte', (q) => q.gt('price', 3).lte('price', 11), ['Alpha rising']],
    ['gte/lt', (q) => q.gte('price', 3).lt('price', 10), ['Beta waves']],
    ['like', (q) => q.like('title', '%a r%'), ['Alpha rising', 'Gamma rays']],
    ['ilike with *', (q) => q.ilike('title', 'b*'), ['Beta waves']],
    ['likeAnyOf', (q) => q.likeAnyOf('title', ['Alpha%', 'Delta%']), ['Alpha rising', 'Delta blues']],
    ['in', (q) => q.in('id', [1, 3]), ['Alpha rising', 'Gamma rays']],
    ['not in', (q) => q.not('id', 'in', '(1,3)'), ['Beta waves', 'Delta blues']],
    ['is null', (q) => q.is('price', null), ['Gamma rays']],
    ['not is null', (q) => q.not('author_id', 'is', null), ['Alpha rising', 'Beta waves', 'Gamma rays']],
    ['contains array', (q) => q.contains('tags', ['sci']), ['Alpha rising', 'Beta waves']],
    ['containedBy', (q) => q.containedBy('tags', ['sci', 'classic']), ['Alpha rising', 'Beta waves', 'Gamma rays']],
    ['overlaps', (q) => q.overlaps('tags', ['music', 'classic']), ['Alpha rising', 'Delta blues']],
    ['fts', (q) => q.textSearch('search', 'rays'), ['Gamma rays']],
    ['plfts on text', (q) => q.textSearch('title', 'waves beta', { type: 'plain', config: 'english' }), ['Beta waves']],
    ['wfts', (q) => q.textSearch('search', 'alpha or delta', { type: 'websearch' }), ['Alpha rising', 'Delta blues']],
    ['or', (q) => q.or('price.gt.100,title.eq.Beta waves'), ['Beta waves', 'Delta blues']],
    ['or with nested and', (q) => q.or('id.eq.3,and(status.eq.draft,price.lt.10)'), ['Beta waves', 'Gamma rays']],
    ['match', (q) => q.match({ status: 'published', author_id: 2 }), ['Gamma rays']],
    // What @refinedev/supabase sends for an "or" of contains / in / ina filters.
    ['refine or', (q) => q.or('title.ilike."%RAYS%",id.in.("1","2"),tags.cs.{"music"}'), ['Alpha rising', 'Beta waves', 'Gamma rays', 'Delta blues']],
    ['refine nina', (q) => q.not('tags', 'cs', '{"sci"}'), ['Gamma rays', 'Delta blues']],
    ['regex', (q) => q.filter('title', 'match', '^[AB]'), ['Alpha rising', 'Beta waves']],
    ['isdistinct', (q) => q.filter('price', 'isdistinct', '3'), ['Alpha rising', 'Gamma rays', 'Delta blues']],
    ['json path', (q) => q.eq('meta->city->>name', 'Rome'), []],
  ];
  for (const [name, apply, expected] of cases) {
    it(name, async () => {
      const { data, error } = await apply(db.from('books').select('title').order('id'));
      if (name === 'json path') {
        // JSON paths filter authors, not books.
        const a = await db.from('authors').select('name').eq('meta->city->>name', 'Rome');
        expect(a.data).toEqual([{ name: 'Bob' }]);
        return;
      }
      expect(error).toBeNull();
      expect(titles(data)).toEqual(expected);
    });
  }

  it('quoted values with commas and parentheses in or/in', async () => {
    await t.stack.ctx.db.exec(`insert into public.genres values (10, 'Rock, (Hard)')`);
    const res = await rest(t, `/genres?select=id&name=in.("Rock, (Hard)",x)`);
    expect(await res.json()).toEqual([{ id: 10 }]);
    const or = await rest(t, `/genres?select=id&or=(name.eq."Rock, (Hard)",id.eq.2)&order=id`);
    expect(await or.json()).toEqual([{ id: 2 }, { id: 10 }]);
    await t.stack.ctx.db.exec(`delete from public.genres where id = 10`);
  });

  it('not.or, any/all modifiers', async () => {
    const notOr = await rest(t, '/books?select=id&not.or=(id.eq.1,id.eq.2)&order=id');
    expect(await notOr.json()).toEqual([{ id: 3 }, { id: 4 }]);
    const anyEq = await rest(t, '/books?select=id&id=eq(any).{2,4}&order=id');
    expect(await anyEq.json()).toEqual([{ id: 2 }, { id: 4 }]);
    const allLike = await rest(t, '/books?select=id&title=like(all).{*a*,*e*}&order=id');
    expect(await allLike.json()).toEqual([{ id: 2 }, { id: 4 }]);
  });

  it('rejects malformed filters with PGRST100 and bad values with the Postgres error', async () => {
    const bad = await rest(t, '/books?id=foo.1');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'PGRST100' });
    const badValue = await rest(t, '/books?id=eq.abc');
    expect(badValue.status).toBe(400);
    expect(await badValue.json()).toMatchObject({ code: '22P02', message: 'invalid input syntax for type bigint: "abc"' });
    const unknownColumn = await rest(t, '/books?nope=eq.1');
    expect(unknownColumn.status).toBe(400);
    expect(await unknownColumn.json()).toEqual({ code: '42703', details: null, hint: null, message: 'column books.nope does not exist' });
  });
});

describe('computed fields', () => {
  beforeAll(async () => {
    await t.stack.ctx.db.exec(`create function public.label(public.books) returns text language sql stable
      as $$ select $1.title || ' (' || $1.status || ')' $$;`);
    for (const reload of t.stack.ctx.onSchemaChange) await reload();
  });

  it('selects, filters and orders by a function of the row', async () => {
    const { data, error } = await db.from('books').select('id, label').ilike('label', '%(draft)').order('label', { ascending: false });
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 4, label: 'Delta blues (draft)' }, { id: 2, label: 'Beta waves (draft)' }]);
    const all = await db.from('books').select('*').eq('id', 1).single();
    expect(all.data).not.toHaveProperty('label');
  });

  it('returns computed fields of written rows', async () => {
    const { data, error } = await db.from('books').insert({ title: 'Computed' }).select('label').single();
    expect(error).toBeNull();
    expect(data).toEqual({ label: 'Computed (draft)' });
    await t.stack.ctx.db.exec(`delete from public.books where title = 'Computed'`);
  });
});

describe('range operators', () => {
  beforeAll(async () => {
    await t.stack.ctx.db.exec(`create table public.slots (id int primary key, during int4range);
      insert into public.slots values (1, '[1,5)'), (2, '[5,10)'), (3, '[20,30)');`);
    for (const reload of t.stack.ctx.onSchemaChange) await reload();
  });
  const ids = async (q: any) => ((await q).data as { id: number }[]).map((r) => r.id);
  it('sl, sr, nxl, nxr, adj, ov on ranges', async () => {
    const q = () => db.from('slots').select('id').order('id');
    expect(await ids(q().rangeLt('during', '[10,20)'))).toEqual([1, 2]);
    expect(await ids(q().rangeGt('during', '[10,20)'))).toEqual([3]);
    expect(await ids(q().rangeLte('during', '[1,6)'))).toEqual([1]);
    expect(await ids(q().rangeGte('during', '[5,6)'))).toEqual([2, 3]);
    expect(await ids(q().rangeAdjacent('during', '[10,20)'))).toEqual([2, 3]);
    expect(await ids(q().overlaps('during', '[4,6)'))).toEqual([1, 2]);
  });
});

describe('order, range and count', () => {
  it('orders by a JSON path', async () => {
    const res = await rest(t, '/authors?select=name&order=meta->city->>name.desc.nullslast');
    expect(await res.json()).toEqual([{ name: 'Bob' }, { name: 'Ann' }, { name: 'Cyd' }]);
  });

  it('orders by several columns with nulls first/last', async () => {
    const last = await db.from('books').select('title').order('price', { ascending: true, nullsFirst: false });
    expect(titles(last.data)).toEqual(['Beta waves', 'Alpha rising', 'Delta blues', 'Gamma rays']);
    const first = await db.from('books').select('title').order('author_id', { ascending: false, nullsFirst: true }).order('title');
    expect(titles(first.data)).toEqual(['Delta blues', 'Gamma rays', 'Alpha rising', 'Beta waves']);
  });

  it('pages with range/limit and counts exactly (206 for a partial page)', async () => {
    const { data, count, status } = await db.from('books').select('id', { count: 'exact' }).order('id').range(1, 2);
    expect(data).toEqual([{ id: 2 }, { id: 3 }]);
    expect(count).toBe(4);
    expect(status).toBe(206);
    const res = await rest(t, '/books?select=id&order=id&limit=2&offset=1', { headers: { Prefer: 'count=exact' } });
    expect(res.headers.get('content-range')).toBe('1-2/4');
    const all = await db.from('books').select('id', { count: 'exact' });
    expect(all.status).toBe(200);
    expect(all.count).toBe(4);
  });

  it('answers head requests with the count only', async () => {
    const { data, count, status } = await db.from('books').select('*', { count: 'exact', head: true }).eq('status', 'draft');
    expect(data).toBeNull();
    expect(count).toBe(2);
    expect(status).toBe(200);
  });

  it('gives planned and estimated counts', async () => {
    const { count, error } = await db.from('books').select('id', { count: 'planned' }).eq('status', 'draft');
    expect(error).toBeNull();
    expect(typeof count).toBe('number');
    // Small results are counted exactly.
    const estimated = await db.from('books').select('id', { count: 'estimated' }).eq('status', 'draft');
    expect(estimated.count).toBe(2);
  });

  it('honours the Range header and refuses unsatisfiable ranges with 416', async () => {
    const res = await rest(t, '/books?select=id&order=id', { headers: { Range: '2-3', 'Range-Unit': 'items' } });
    expect(await res.json()).toEqual([{ id: 3 }, { id: 4 }]);
    expect(res.headers.get('content-range')).toBe('2-3/*');
    const past = await rest(t, '/books?select=id&offset=10', { headers: { Prefer: 'count=exact' } });
    expect(past.status).toBe(416);
    expect(await past.json()).toEqual({
      code: 'PGRST103', details: 'An offset of 10 was requested, but there are only 4 rows.', hint: null, message: 'Requested range not satisfiable',
    });
  });

  it('aggregates count() only when db-aggregates-enabled is set, as on Supabase', async () => {
    const off = await rest(t, '/books?select=status,count()&order=status');
    expect(off.status).toBe(400);
    expect(await off.json()).toEqual({ code: 'PGRST123', details: null, hint: null, message: 'Use of aggregate functions is not allowed' });
    await t.stack.ctx.db.exec(`do $$ begin execute format('alter role authenticator in database %I set pgrst.db_aggregates_enabled = %L', current_database(), 'true'); end $$;`);
    for (const reload of t.stack.ctx.onSchemaChange) await reload();
    const res = await rest(t, '/books?select=status,count()&order=status');
    expect(await res.json()).toEqual([{ status: 'draft', count: 2 }, { status: 'published', count: 2 }]);
    await t.stack.ctx.db.exec(`do $$ begin execute format('alter role authenticator in database %I reset pgrst.db_aggregates_enabled', current_database()); end $$;`);
    for (const reload of t.stack.ctx.onSchemaChange) await reload();
  });
});

describe('single and formats', () => {
  it('single returns an object, 406 PGRST116 otherwise', async () => {
    const one = await db.from('books').select('title').eq('id', 2).single();
    expect(one.data).toEqual({ title: 'Beta waves' });
    const none = await db.from('books').select('title').eq('id', 99).single();
    expect(none.status).toBe(406);
    expect(none.error).toEqual({ code: 'PGRST116', details: 'The result contains 0 rows', hint: null, message: 'Cannot coerce the result to a single JSON object' });
    const many = await db.from('books').select('title').single();
    expect(many.error?.details).toBe('The result contains 4 rows');
  });

  it('maybeSingle gives null for no row', async () => {
    const none = await db.from('books').select('title').eq('id', 99).maybeSingle();
    expect(none.error).toBeNull();
    expect(none.data).toBeNull();
  });

  it('answers text/csv', async () => {
    const { data, error } = await db.from('books').select('id,title,price').in('id', [1, 3]).order('id').csv();
    expect(error).toBeNull();
    // Rows in their record text form, as PostgREST renders CSV.
    expect(data).toBe('id,title,price\n1,"Alpha rising",10.50\n3,"Gamma rays",');
    const none = await rest(t, '/books?select=id&id=eq.99', { headers: { Accept: 'text/csv' } });
    expect(none.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await none.text()).toBe('\n');
  });

  it('refuses a media type it cannot produce with 406', async () => {
    const res = await rest(t, '/books', { headers: { Accept: 'application/xml' } });
    expect(res.status).toBe(406);
    expect(await res.json()).toMatchObject({ code: 'PGRST107' });
  });

  it('strips nulls when asked', async () => {
    const res = await rest(t, '/books?select=title,price&id=eq.3', { headers: { Accept: 'application/vnd.pgrst.array+json;nulls=stripped' } });
    expect(await res.json()).toEqual([{ title: 'Gamma rays' }]);
  });
});
