// A corpus of hostile input against the demo department, sent by a signed-in salesperson and by
// the anon key: query strings, headers, JSON and CSV bodies on REST tables and RPC, the auth API
// and storage. Every answer is below 500 and an error is in its API's own format; afterwards every
// table has the checksum it had before and the server still answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';
import { changedTables, tableChecksums } from '../helpers/checksum.ts';

let t: TestStack;
let userToken: string;
let before: Record<string, string>;

beforeAll(async () => {
  t = await startTestStack();
  const sales1 = await demoPeople(t)('sales1');
  userToken = (await sales1.client.auth.getSession()).data.session!.access_token;
  before = await tableChecksums(t.stack.ctx.db);
});
afterAll(() => t?.close());

const HOSTILE = [
  "' or 1=1 --", "'; drop table public.customers; --", '"; select pg_sleep(5); --', ') or (1=1', '1; delete from contracts',
  '../../etc/passwd', '..%2f..%2fetc%2fpasswd', '%00', 'a\u0000b', '\\x00', '${jndi:ldap://x}', '{{7*7}}', '%s%s%s%n',
  '<script>alert(1)</script>', '漢字🙂\u202e', 'x'.repeat(10_000), '-1', '1e400', 'NaN', 'null', '[]', '{}',
  '00000000-0000-0000-0000-000000000000', 'current_user', 'pg_read_file(\'/etc/passwd\')', '*', '(', ')', ',', '"',
];

type Format = 'rest' | 'auth' | 'storage';

async function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string; token?: string }) {
  const headers: Record<string, string> = { apikey: t.anonKey, ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}), ...init.headers };
  const res = await fetch(`${t.url}${path}`, { method: init.method ?? 'GET', headers, body: init.body });
  return { status: res.status, text: await res.text() };
}

/** Below 500, and an error body has the keys its API always sends. */
function expectSafe(r: { status: number; text: string }, format: Format, label: string) {
  expect(r.status, `${label}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
  if (r.status < 400 || !r.text) return;
  // The HTTP server's own refusals of oversized requests (headers, URL) come before any API.
  if (r.status === 431 || r.status === 414) return expect(JSON.parse(r.text).message, label).toBeTruthy();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(r.text);
  } catch {
    throw new Error(`${label}: error body is not JSON: ${r.text.slice(0, 200)}`);
  }
  const keys = { rest: ['code', 'message'], auth: ['msg'], storage: ['statusCode', 'error', 'message'] }[format];
  // GoTrue's /token answers grant errors OAuth2-style.
  if (format === 'auth' && 'error_description' in body) return expect(body.error, label).toBeTruthy();
  // The gateway's own refusals ({message, hint}) come before any API.
  if (format !== 'rest' && 'hint' in body && !('code' in body)) return expect(Object.keys(body), label).toContain('message');
  expect(Object.keys(body), label).toEqual(expect.arrayContaining(format === 'auth' && !('msg' in body) ? ['message'] : keys));
}

const enc = encodeURIComponent;
const TABLES = ['customers', 'contacts', 'follow_ups', 'quotations', 'contracts', 'payment_instalments', 'documents', 'profiles', 'audit_log'];

describe('REST and RPC', () => {
  it('hostile filter values, selects, orders and ranges', async () => {
    for (const table of TABLES) {
      for (const [i, h] of HOSTILE.entries()) {
        const e = enc(h);
        const paths = [
          `/rest/v1/${table}?select=id&id=eq.${e}`,
          `/rest/v1/${table}?select=${e}`,
          `/rest/v1/${table}?select=id&order=${e}`,
          `/rest/v1/${table}?select=id&or=(id.eq.${e})`,
          `/rest/v1/${table}?select=id&${e}=eq.1`,
          `/rest/v1/${table}?select=id&limit=${e}&offset=${e}`,
        ];
        for (const p of paths) {
          const token = i % 2 ? userToken : undefined;
          expectSafe(await send(p, { token, headers: { Prefer: 'count=exact' } }), 'rest', p.slice(0, 120));
        }
      }
    }
    expectSafe(await send(`/rest/v1/customers?select=id&name=ilike.${enc("%' or ''='")}`, { token: userToken }), 'rest', 'ilike');
  });

  it('hostile JSON and CSV bodies on writes', async () => {
    const jsonBodies = [
      '{', '[', 'null', '"x"', '{"id": 1, "id": 2}', '{"__proto__": {"role": "service_role"}}', '{"nope": 1}',
      ...HOSTILE.map((h) => JSON.stringify({ name: 'x', owner_id: h, no_such_column: h })),
      JSON.stringify([{ name: 'a' }, { totally: 'different' }]), '['.repeat(3000) + ']'.repeat(3000),
    ];
    const csvBodies = [
      'no_such_column\nx', 'name,owner_id\n"unterminated', 'name\n"a""b', 'name,owner_id\na', 'name,owner_id\n=cmd|\'/c calc\'!A1,not-a-uuid',
      'name,no_such\n' + 'x,'.repeat(1000), '\uFEFF"name","no_such"\r\nx,y', 'name,owner_id\nx,\'; drop table customers; --',
    ];
    for (const table of ['customers', 'contacts', 'contracts', 'documents']) {
      for (const body of jsonBodies) {
        for (const method of ['POST', 'PATCH']) {
          const filter = method === 'PATCH' ? '?id=eq.00000000-0000-0000-0000-000000000000' : '';
          const r = await send(`/rest/v1/${table}${filter}`, { method, token: userToken, body, headers: { 'Content-Type': 'application/json', Prefer: 'return=representation' } });
          expectSafe(r, 'rest', `${method} ${table} ${body.slice(0, 60)}`);
        }
      }
      for (const body of csvBodies) {
        const r = await send(`/rest/v1/${table}`, { method: 'POST', token: userToken, body, headers: { 'Content-Type': 'text/csv' } });
        expectSafe(r, 'rest', `csv ${table} ${body.slice(0, 60)}`);
        expect(r.status, `csv ${table} ${body.slice(0, 60)}`).toBeGreaterThanOrEqual(400);
      }
    }
  });

  it('hostile RPC arguments', async () => {
    const calls: [string, (h: string) => unknown][] = [
      ['similar_customers', (h) => ({ name: h })],
      ['claim_customer', (h) => ({ customer_id: h })],
      ['release_customer', (h) => ({ customer_id: h })],
      ['reassign_customers', (h) => ({ ids: h, to_user: h })],
      ['approval_approve', (h) => ({ request_id: h, comment: h })],
      ['approval_reject', (h) => ({ request_id: h, comment: h })],
      ['mark_notifications_read', (h) => ({ ids: [h] })],
      ['receivables_ageing', (h) => ({ as_of: h })],
      ['document_access_open', (h) => ({ document_id: h })],
      ['no_such_function', (h) => ({ x: h })],
    ];
    for (const [fn, args] of calls) {
      for (const h of HOSTILE) {
        const r = await send(`/rest/v1/rpc/${fn}`, { method: 'POST', token: userToken, body: JSON.stringify(args(h)), headers: { 'Content-Type': 'application/json' } });
        expectSafe(r, 'rest', `rpc ${fn} ${h.slice(0, 40)}`);
        const q = await send(`/rest/v1/rpc/${fn}?${Object.keys(args(h) as object).map((k) => `${k}=${enc(h)}`).join('&')}`, { token: userToken });
        expectSafe(q, 'rest', `rpc GET ${fn} ${h.slice(0, 40)}`);
      }
    }
  });

  it('hostile headers', async () => {
    const headerSets: Record<string, string>[] = [
      { Prefer: 'tx=commit, return=representation, count=exact, missing=default, resolution=merge-duplicates' },
      { Prefer: 'x'.repeat(5000) }, { Accept: 'application/vnd.pgrst.object+json' }, { Accept: '*/*;q=x' }, { Accept: 'text/csv' },
      { Range: 'items=99999999999999999999-1' }, { Range: '-5' }, { 'Range-Unit': 'lines' },
      { 'Accept-Profile': 'auth' }, { 'Accept-Profile': 'private' }, { 'Content-Profile': 'storage' }, { 'Accept-Profile': "public'; --" },
      { Authorization: 'Bearer' }, { Authorization: 'Bearer ' + 'a.'.repeat(4000) }, { Authorization: 'Basic ' + btoa('postgres:postgres') },
      { 'X-Forwarded-For': "'; drop table customers; --" }, { 'Content-Type': 'application/json; charset=utf-7' },
    ];
    for (const h of headerSets) {
      for (const [method, path] of [['GET', '/rest/v1/customers?select=id&limit=2'], ['POST', '/rest/v1/rpc/similar_customers'], ['DELETE', '/rest/v1/customers?id=eq.00000000-0000-0000-0000-000000000000']]) {
        const r = await send(path, { method, token: h.Authorization ? undefined : userToken, headers: { 'Content-Type': 'application/json', ...h }, body: method === 'POST' ? '{"name":"x"}' : undefined });
        expectSafe(r, 'rest', `${method} ${path} ${JSON.stringify(h).slice(0, 80)}`);
      }
    }
  });
});

describe('auth', () => {
  it('hostile sign-in, recovery, verify and OTP bodies', async () => {
    const paths = ['/auth/v1/token?grant_type=password', '/auth/v1/token?grant_type=refresh_token', '/auth/v1/token?grant_type=' + enc("'; --"), '/auth/v1/recover', '/auth/v1/verify', '/auth/v1/otp', '/auth/v1/signup', '/auth/v1/logout'];
    const bodies = ['{', 'null', '[]', ...HOSTILE.map((h) => JSON.stringify({ email: h, password: h, refresh_token: h, token_hash: h, type: h, phone: h }))];
    let n = 0;
    for (const p of paths) {
      for (const body of bodies) {
        // Spread over many client addresses so the sign-in rate limit does not answer first.
        const r = await send(p, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.66.${n >> 8}.${n++ & 255}` } });
        expectSafe(r, 'auth', `${p} ${body.slice(0, 60)}`);
      }
    }
    for (const h of HOSTILE) {
      expectSafe(await send(`/auth/v1/user?${enc(h)}=${enc(h)}`, { token: /^[\x21-\x7e]{1,200}$/.test(h) ? h : undefined }), 'auth', `user ${h.slice(0, 40)}`);
      expectSafe(await send(`/auth/v1/admin/users/${enc(h)}`, { token: userToken }), 'auth', `admin ${h.slice(0, 40)}`);
    }
  });
});

describe('storage', () => {
  it('hostile keys, list and move bodies', async () => {
    for (const h of HOSTILE) {
      const key = enc(h);
      const json = { 'Content-Type': 'application/json' };
      expectSafe(await send(`/storage/v1/object/contracts/${key}`, { method: 'POST', token: userToken, body: 'x', headers: { 'Content-Type': 'application/pdf' } }), 'storage', `upload ${h.slice(0, 40)}`);
      expectSafe(await send(`/storage/v1/object/contracts/${key}`, { token: userToken }), 'storage', `download ${h.slice(0, 40)}`);
      expectSafe(await send(`/storage/v1/object/${key}/x`, { token: userToken }), 'storage', `bucket ${h.slice(0, 40)}`);
      expectSafe(await send(`/storage/v1/object/list/contracts`, { method: 'POST', token: userToken, body: JSON.stringify({ prefix: h, search: h, limit: h, offset: h, sortBy: { column: h, order: h } }), headers: json }), 'storage', `list ${h.slice(0, 40)}`);
      expectSafe(await send(`/storage/v1/object/move`, { method: 'POST', token: userToken, body: JSON.stringify({ bucketId: 'contracts', sourceKey: h, destinationKey: h }), headers: json }), 'storage', `move ${h.slice(0, 40)}`);
      expectSafe(await send(`/storage/v1/object/sign/contracts/${key}`, { method: 'POST', token: userToken, body: JSON.stringify({ expiresIn: h }), headers: json }), 'storage', `sign ${h.slice(0, 40)}`);
      expectSafe(await send(`/storage/v1/object/contracts`, { method: 'DELETE', token: userToken, body: JSON.stringify({ prefixes: [h] }), headers: json }), 'storage', `delete ${h.slice(0, 40)}`);
      expectSafe(await send(`/storage/v1/bucket`, { method: 'POST', token: userToken, body: JSON.stringify({ name: h, id: h, public: h }), headers: json }), 'storage', `bucket create ${h.slice(0, 40)}`);
    }
  });
});

describe('afterwards', () => {
  it('no table changed and the server answers', async () => {
    expect(changedTables(before, await tableChecksums(t.stack.ctx.db))).toEqual([]);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    const ok = await send('/rest/v1/customers?select=id&limit=1', { token: userToken });
    expect(ok.status).toBe(200);
  });

  it('the checksum does notice a change (so the check above can fail)', async () => {
    const now = await tableChecksums(t.stack.ctx.db);
    await t.stack.ctx.db.query(`update public.customers set name = name || ' ' where id = (select id from public.customers order by id limit 1)`);
    expect(changedTables(now, await tableChecksums(t.stack.ctx.db))).toContain('public.customers');
  });
});
