// Secret documents end to end: request → department manager approves → download once through the
// document-access function → the owner sees the access in the log → after expiry it is refused.
// Plus the function's refusals and the append-only access log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';
import { signJwt } from '../../supabase/local/jwt.ts';
import { makeClient } from '../helpers/stack.ts';
import { documentsFixtures, type Doc } from './documents-fixtures.ts';

let t: TestStack;
let as: ReturnType<typeof demoPeople>;
let fx: ReturnType<typeof documentsFixtures>;
let secret: Doc;
let secretPath: string;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
  fx = documentsFixtures(t, as);
  secret = await fx.newDoc('sales1', { access_level: 'confidential', category: 'market_research', title: '底价策略 2027' });
  secretPath = (await fx.addVersion('sales1', secret.id, '%PDF-1.4 floor prices', 'prices.pdf', 'application/pdf')).path;
  const owner = await as('sales1');
  expect((await owner.client.from('documents').update({ access_level: 'secret' }).eq('id', secret.id)).error).toBeNull();
});
afterAll(() => t?.close());

async function requestAccess(who: Parameters<typeof as>[0], docId: string, period_days = 3) {
  const { client } = await as(who);
  const { data, error } = await client.from('document_access_requests')
    .insert({ document_id: docId, reason: '报价参考', period_days }).select().single();
  expect(error).toBeNull();
  const sub = await client.rpc('approval_submit', { record_type: 'document_access', record_id: data!.id });
  expect(sub.error).toBeNull();
  return { id: data!.id as string, approvalId: (sub.data as { id: string }).id };
}

async function logCount(docId: string) {
  return (await fx.sql<{ n: number }>('select count(*)::int as n from public.document_access_log where document_id = $1', [docId]))[0].n;
}

describe('the secret-access journey', () => {
  it('request → manager approves → one download through the function → owner sees it → refused after expiry', async () => {
    const cs1 = await as('cs1');
    // Without a grant: refused by the function, nothing logged.
    const before = await fx.invokeAccess(cs1.client, { document_id: secret.id });
    expect(before).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await logCount(secret.id)).toBe(0);

    const req = await requestAccess('cs1', secret.id, 3);
    // The requester cannot grant themselves.
    await cs1.client.from('document_access_requests').update({ granted_until: '2099-01-01T00:00:00Z' }).eq('id', req.id);
    expect(await fx.sql('select granted_until from public.document_access_requests where id = $1', [req.id]))
      .toEqual([{ granted_until: null }]);
    const manager = await as('manager');
    const inbox = await manager.client.from('approval_tasks').select('status').eq('request_id', req.approvalId);
    expect(inbox.data).toEqual([{ status: 'pending' }]);
    expect((await manager.client.rpc('approval_approve', { request_id: req.approvalId, comment: '同意' })).error).toBeNull();
    const [grant] = await fx.sql<{ status: string; days: number }>(
      `select status, round(extract(epoch from granted_until - now()) / 86400)::int as days
         from public.document_access_requests where id = $1`, [req.id]);
    expect(grant).toEqual({ status: 'approved', days: 3 });

    // The row is now visible to them; the storage API still refuses the file.
    expect((await cs1.client.from('documents').select('title').eq('id', secret.id)).data).toEqual([{ title: '底价策略 2027' }]);
    expect((await cs1.client.storage.from('documents').download(secretPath)).error).not.toBeNull();
    expect((await cs1.client.storage.from('documents').createSignedUrl(secretPath, 60)).error).not.toBeNull();

    const got = await fx.invokeAccess(cs1.client, { document_id: secret.id },
      { 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'user-agent': 'journey-test/1.0' });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ expires_in: 60, version_no: 1, file_name: '黄涛-prices.pdf' });
    const file = await fetch(got.body.signed_url);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('%PDF-1.4 floor prices');
    expect(decodeURIComponent(file.headers.get('content-disposition') ?? '')).toContain('黄涛-prices.pdf');
    // The signed token is valid for at most 60 seconds.
    const token = new URL(got.body.signed_url).searchParams.get('token')!;
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(60);

    // The owner sees the access with who, version, IP and user agent; a colleague does not.
    const owner = await as('sales1');
    const log = await owner.client.from('document_access_log').select('user_id, version_no, ip, user_agent').eq('document_id', secret.id);
    expect(log.data).toEqual([{ user_id: cs1.id, version_no: 1, ip: '203.0.113.7', user_agent: 'journey-test/1.0' }]);
    expect((await manager.client.from('document_access_log').select('id').eq('document_id', secret.id)).data).toHaveLength(1);
    const sales2 = await as('sales2');
    expect((await sales2.client.from('document_access_log').select('id').eq('document_id', secret.id)).data).toEqual([]);

    // Expiry (simulated): refused, nothing more logged, the row hidden again.
    await fx.sql(`update public.document_access_requests set granted_until = now() - interval '1 minute' where id = $1`, [req.id]);
    const after = await fx.invokeAccess(cs1.client, { document_id: secret.id });
    expect(after).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await logCount(secret.id)).toBe(1);
    expect((await cs1.client.from('documents').select('id').eq('id', secret.id)).data).toEqual([]);
  });

  it('the owner and the department manager open it through the function; the group leader does not', async () => {
    const owner = await as('sales1');
    const manager = await as('manager');
    const leader = await as('leaderMkt');
    expect((await fx.invokeAccess(owner.client, { document_id: secret.id, version_no: 1 })).status).toBe(200);
    expect((await fx.invokeAccess(manager.client, { document_id: secret.id })).status).toBe(200);
    expect((await fx.invokeAccess(leader.client, { document_id: secret.id })).status).toBe(403);
    expect((await fx.invokeAccess(owner.client, { document_id: secret.id, version_no: 7 })).status).toBe(404);
  });
});

describe('document-access refusals', () => {
  it('a rejected grant is refused', async () => {
    const req = await requestAccess('sales3', secret.id);
    const manager = await as('manager');
    expect((await manager.client.rpc('approval_reject', { request_id: req.approvalId, comment: '无必要' })).error).toBeNull();
    const [row] = await fx.sql<{ status: string; granted_until: string | null; rejected: boolean }>(
      'select status, granted_until, rejected_at is not null as rejected from public.document_access_requests where id = $1', [req.id]);
    expect(row).toEqual({ status: 'draft', granted_until: null, rejected: true });
    const sales3 = await as('sales3');
    expect((await fx.invokeAccess(sales3.client, { document_id: secret.id })).status).toBe(403);
  });

  it("another user's grant does not open it, and a pending request does not either", async () => {
    const granted = await requestAccess('merch1', secret.id);
    const manager = await as('manager');
    expect((await manager.client.rpc('approval_approve', { request_id: granted.approvalId })).error).toBeNull();
    const merch1 = await as('merch1');
    expect((await fx.invokeAccess(merch1.client, { document_id: secret.id })).status).toBe(200);
    await requestAccess('sales2', secret.id);
    const sales2 = await as('sales2');
    expect((await fx.invokeAccess(sales2.client, { document_id: secret.id })).status).toBe(403);
  });

  it('refuses a forged JWT, no JWT, bad input and other methods; logs nothing', async () => {
    const owner = await as('sales1');
    const before = await logCount(secret.id);
    const forged = await signJwt({ sub: owner.id, role: 'authenticated', aud: 'authenticated', exp: Math.floor(Date.now() / 1000) + 600 },
      crypto.randomBytes(32).toString('hex'));
    const res = await fetch(`${t.url}/functions/v1/document-access`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${forged}`, apikey: t.anonKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ document_id: secret.id }),
    });
    expect(res.status).toBe(401);
    const anon = await fx.invokeAccess(makeClient(t.url, t.anonKey), { document_id: secret.id });
    expect(anon.status).toBe(401);
    expect((await fx.invokeAccess(owner.client, { document_id: 'x' })).status).toBe(400);
    expect((await fx.invokeAccess(owner.client, { document_id: secret.id, version_no: -1 })).status).toBe(400);
    expect((await fx.invokeAccess(owner.client, { document_id: crypto.randomUUID() })).status).toBe(404);
    expect(await logCount(secret.id)).toBe(before);
  });

  it('the checking RPC is for the service role only', async () => {
    const owner = await as('sales1');
    const r = await owner.client.rpc('document_access_open', { document_id: secret.id, for_user: owner.id });
    expect(r.error).not.toBeNull();
    expect(await fx.sql('select 1 from public.document_access_log where user_id = $1 and document_id = $2 and ip is null and user_agent is null',
      [owner.id, secret.id])).toHaveLength(0);
  });

  it('a request names a secret document and its requester only', async () => {
    const cs1 = await as('cs1');
    const sales1 = await as('sales1');
    const internal = await fx.newDoc('sales1');
    expect((await cs1.client.from('document_access_requests').insert({ document_id: internal.id, reason: 'x' })).error?.code).toBe('42501');
    expect((await cs1.client.from('document_access_requests')
      .insert({ document_id: secret.id, reason: 'x', requester_id: sales1.id })).error?.code).toBe('42501');
    // Nor can a draft carry or gain a grant of its own making.
    const forged = await cs1.client.from('document_access_requests')
      .insert({ document_id: secret.id, reason: 'x', granted_until: '2099-01-01T00:00:00Z' });
    expect(forged.error?.code).toBe('DC003');
    const draft = await cs1.client.from('document_access_requests').insert({ document_id: secret.id, reason: 'y' }).select().single();
    expect(draft.error).toBeNull();
    const self = await cs1.client.from('document_access_requests').update({ granted_until: '2099-01-01T00:00:00Z' }).eq('id', draft.data!.id);
    expect(self.error?.code).toBe('DC003');
    expect(await fx.sql('select granted_until from public.document_access_requests where id = $1', [draft.data!.id]))
      .toEqual([{ granted_until: null }]);
  });
});

describe('uploading a version of a secret document through the function', () => {
  async function upload(who: Parameters<typeof as>[0], docId: string, fileName: string, body: string, type = 'application/pdf') {
    const { client } = await as(who);
    const token = (await client.auth.getSession()).data.session!.access_token;
    const q = new URLSearchParams({ action: 'upload', document_id: docId, file_name: fileName });
    const res = await fetch(`${t.url}/functions/v1/document-access?${q}`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, apikey: t.anonKey, 'Content-Type': type }, body,
    });
    return { status: res.status, body: await res.json() };
  }
  const objects = async () => fx.sql('select name from storage.objects where bucket_id = $1 and name like $2 order by name',
    ['documents', `${secret.id}/%`]);

  it('the owner stores v2 and records it; it is opened through the function only', async () => {
    const owner = await as('sales1');
    const up = await upload('sales1', secret.id, 'prices-v2.pdf', '%PDF-1.4 new floor prices');
    expect(up.status).toBe(201);
    expect(up.body.path).toMatch(new RegExp(`^${secret.id}/[0-9a-f-]{36}-prices-v2\\.pdf$`));
    const ver = await owner.client.from('document_versions')
      .insert({ document_id: secret.id, storage_path: up.body.path, file_name: 'prices-v2.pdf', mime_type: 'application/pdf', uploaded_by: owner.id })
      .select('version_no').single();
    expect(ver.data).toEqual({ version_no: 2 });
    expect((await owner.client.storage.from('documents').download(up.body.path)).error).not.toBeNull();
    const got = await fx.invokeAccess(owner.client, { document_id: secret.id });
    expect(got.body.version_no).toBe(2);
    expect(await (await fetch(got.body.signed_url)).text()).toBe('%PDF-1.4 new floor prices');
  });

  it('refuses non-writers, bad names and disallowed files, storing nothing', async () => {
    const before = await objects();
    expect((await upload('cs1', secret.id, 'x.pdf', '%PDF')).status).toBe(403);
    expect((await upload('sales1', secret.id, '../x.pdf', '%PDF')).status).toBe(400);
    expect((await upload('sales1', secret.id, 'a/b.pdf', '%PDF')).status).toBe(400);
    expect((await upload('sales1', 'nope', 'x.pdf', '%PDF')).status).toBe(400);
    const exe = await upload('sales1', secret.id, 'tool.exe', 'MZ', 'application/x-msdownload');
    expect(exe.status).toBeGreaterThanOrEqual(400);
    expect(await objects()).toEqual(before);
  });
});

describe('the access log is append-only', () => {
  it('nobody updates, deletes or inserts through the API: owner, manager, admin, service role', async () => {
    const before = await fx.sql('select * from public.document_access_log order by id');
    expect(before.length).toBeGreaterThan(0);
    const id = (before[0] as { id: number }).id;
    for (const who of ['sales1', 'manager', 'admin'] as const) {
      const { client } = await as(who);
      const up = await client.from('document_access_log').update({ ip: '1.1.1.1' }).eq('id', id).select();
      expect(up.error?.code).toBe('42501');
      const del = await client.from('document_access_log').delete().eq('id', id).select();
      expect(del.error?.code).toBe('42501');
      const ins = await client.from('document_access_log').insert({ document_id: secret.id, user_id: (await as(who)).id });
      expect(ins.error?.code).toBe('42501');
    }
    const svc = t.admin();
    expect((await svc.from('document_access_log').update({ ip: '1.1.1.1' }).eq('id', id)).error?.code).toBe('42501');
    expect((await svc.from('document_access_log').delete().eq('id', id)).error?.code).toBe('42501');
    expect((await svc.from('document_access_log').insert({ document_id: secret.id, user_id: (await as('sales1')).id })).error?.code)
      .toBe('42501');
    // Even the database owner is stopped by the trigger.
    await expect(fx.sql('update public.document_access_log set ip = null where id = $1', [id])).rejects.toThrow(/cannot be changed/);
    await expect(fx.sql('delete from public.document_access_log where id = $1', [id])).rejects.toThrow(/cannot be changed/);
    await expect(fx.sql('truncate public.document_access_log')).rejects.toThrow(/cannot be changed/);
    expect(await fx.sql('select * from public.document_access_log order by id')).toEqual(before);
  });
});
