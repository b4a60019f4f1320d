// Hostile query strings, headers and bodies at every REST endpoint: never a 5xx, malformed input
// gets a PostgREST error body, nothing changes in the database, and the server stays up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { rest, setupFixture, userToken, USER_A } from './rest-fixture.ts';

let t: TestStack;
let userJwt: string;

const CHECKSUM_SQL = `select md5(
  (select coalesce(string_agg(b::text, '|' order by b.id), '') from public.books b) ||
  (select coalesce(string_agg(a::text, '|' order by a.id), '') from public.authors a) ||
  (select coalesce(string_agg(g::text, '|' order by g.id), '') from public.genres g) ||
  (select coalesce(string_agg(n::text, '|' order by n.id), '') from public.notes n) ||
  (select coalesce(string_agg(j::text, '|' order by j.book_id, j.genre_id), '') from public.book_genres j)) as sum`;
const checksum = async () => (await t.stack.ctx.db.query<{ sum: string }>(CHECKSUM_SQL)).rows[0].sum;

beforeAll(async () => {
  t = await startTestStack();
  await setupFixture(t);
  // The callers below may not change anything: RLS without policies on every fixture table
  // (notes keeps its owner policies, and the fuzz user owns no notes).
  await t.stack.ctx.db.exec(`
    alter table public.books enable row level security;
    alter table public.authors enable row level security;
    alter table public.genres enable row level security;
    alter table public.book_genres enable row level security;
    create policy "read books" on public.books for select using (true);
    create policy "read authors" on public.authors for select using (true);`);
  userJwt = await userToken(t, '0b8f1d4e-9999-4a42-9a3b-0d6f4d7c2a99');
  void USER_A;
});
afterAll(() => t?.close());

// A small deterministic PRNG so failures reproduce.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TOKENS = [
  'id', 'title', 'price', 'tags', 'meta', 'authors', 'books', 'genres', 'eq.', 'neq.', 'in.(', ')', '(', ',', '.', 'not.', 'or', 'and',
  '->', '->>', '::', '!inner', '!', ':', '*', '"', "'", ';', '--', '/*', '*/', '\\', '%', '%27', '%00', 'é', '漢', '🙂', '{', '}', '[', ']',
  'select', 'order', 'limit', 'offset', 'null', 'true', 'is.', 'cs.', 'fts(', 'like.', 'ilike.', 'DROP TABLE books', '$1', '1=1', ' ',
  'desc', 'nullsfirst', 'count()', '...', 'eq(any).', 'x'.repeat(300), '99999999999999999999', '-1', 'pg_sleep(10)', 'current_user',
];
const PATHS = ['/books', '/authors', '/book_genres', '/notes', '/book_titles', '/nope', '/rpc/nope', '/rpc/add', '/', '/books/1', '/%22x'];
const METHODS = ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'];

function pick<T>(r: () => number, list: T[]): T {
  return list[Math.floor(r() * list.length)];
}
function junk(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += pick(r, TOKENS);
  return s;
}

const HOSTILE_BODIES = [
  '', '{', '[', 'null', '42', '"str"', '[1,2]', '{"id":', '{"id": 1, "id": 2}', '[{"title": "a"}, {"nope": 1}]',
  '{"title": "x\u0000y"}', '{"__proto__": {"polluted": true}}', '{"title": "' + 'é'.repeat(5000) + '"}',
  '['.repeat(5000) + ']'.repeat(5000), '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
  '{"title": "ok", "price": "not a number"}', '{"price": 1e400}', '{"tags": {"not": "array"}}',
  JSON.stringify(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`c${i}`, i]))),
];

async function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  const res = await rest(t, path, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
  const text = await res.text();
  return { status: res.status, text };
}

function expectPostgrestError(r: { status: number; text: string }, label: string) {
  expect(r.status, label).toBeGreaterThanOrEqual(400);
  expect(r.status, label).toBeLessThan(500);
  const body = JSON.parse(r.text);
  expect(Object.keys(body).sort(), label).toEqual(['code', 'details', 'hint', 'message']);
}

describe('fuzz', () => {
  it('malformed grammar always gets a 4xx PostgREST error', async () => {
    const before = await checksum();
    const cases = [
      '/books?select=title,,', '/books?select=(', '/books?select=authors(', '/books?select="unterminated',
      '/books?select=' + 'a('.repeat(200) + ')'.repeat(200), '/books?or=' + '('.repeat(500), '/books?or=(' + 'and('.repeat(100) + 'id.eq.1' + ')'.repeat(101),
      '/books?id=eq', '/books?id=xx.1', '/books?id=in.1,2', '/books?id=is.maybe', '/books?order=id.sideways', '/books?limit=-1',
      '/books?limit=abc', '/books?offset=1e3', '/books?title=like(any).notbraces', '/books?select=id::bad;type', '/books?select=x:y:z',
      "/books?title=eq.'; drop table books; --&nope=eq.1", '/books?id=eq.1%27%20or%201=1', '/books?select=id&not=eq.1',
      '/books?%ZZ=1', '/books?or=(id.eq.1', '/books?and=id.eq.1', '/books?on_conflict=%22', '/rpc/add?a=notanint',
      '/books?select=title,authors!nope!inner(name)', '/books?select=...books(title)', '/books?books.limit=1',
    ];
    for (const path of cases) expectPostgrestError(await send('GET', path, {}), path);
    expect(await checksum()).toBe(before);
  });

  it('hostile bodies and headers on every method never give 5xx and change nothing', async () => {
    const before = await checksum();
    const auths: Record<string, string>[] = [{}, { Authorization: `Bearer ${userJwt}` }, { Authorization: 'Bearer x.y.z' }, { Authorization: 'Basic Zm9vOmJhcg==' }];
    const extraHeaders: Record<string, string>[] = [
      {}, { Prefer: 'return=representation,count=exact,tx=commit' }, { Prefer: 'resolution=merge-duplicates' }, { Prefer: 'params=single-object' },
      { Prefer: 'count=' + 'x'.repeat(2000) }, { Accept: 'application/vnd.pgrst.object+json' }, { Accept: 'text/csv' }, { Accept: '%%%' },
      { Range: '5-1' }, { Range: 'bytes=abc' }, { 'Accept-Profile': 'pg_catalog' }, { 'Content-Profile': 'auth' }, { 'Content-Type': 'application/xml' },
      { 'Content-Type': 'text/csv' }, { 'Content-Type': 'application/json; charset=latin1' },
    ];
    let n = 0;
    for (const method of METHODS) {
      for (const path of PATHS) {
        for (const body of HOSTILE_BODIES) {
          const headers = { 'Content-Type': 'application/json', ...auths[n % auths.length], ...extraHeaders[n % extraHeaders.length] };
          n++;
          const r = await send(method, path, headers, body);
          expect(r.status, `${method} ${path} ${body.slice(0, 40)} ${JSON.stringify(headers).slice(0, 120)}`).toBeLessThan(500);
          if (r.status >= 400 && r.text) {
            expect(Object.keys(JSON.parse(r.text))).toEqual(expect.arrayContaining(['message']));
          }
        }
      }
    }
    expect(await checksum()).toBe(before);
  });

  it('random query strings never give 5xx and change nothing', async () => {
    const before = await checksum();
    const r = rng(20261123);
    for (let i = 0; i < 400; i++) {
      const params = Array.from({ length: 1 + Math.floor(r() * 4) }, () => `${encodeURIComponent(junk(r, 1 + Math.floor(r() * 3)))}=${encodeURIComponent(junk(r, Math.floor(r() * 6)))}`);
      const method = pick(r, METHODS);
      const path = pick(r, PATHS);
      const res = await send(method, `${path}?${params.join('&')}`, { 'Content-Type': 'application/json', Authorization: `Bearer ${userJwt}` }, '{"title":"fuzz"}');
      expect(res.status, `${method} ${path}?${params.join('&')}`).toBeLessThan(500);
    }
    expect(await checksum()).toBe(before);
  });

  it('the server is still up and answering', async () => {
    const res = await rest(t, '/books?select=id&order=id&limit=1', { headers: { Authorization: `Bearer ${t.serviceRoleKey}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ id: 1 }]);
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
  });
});
