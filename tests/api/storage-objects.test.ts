// storage-js against the Storage API: uploads, downloads, ranges, info, list, move, copy, remove,
// signed URLs — and the refusals (RLS, bucket limits, bad keys, expired or tampered tokens),
// each checked to change nothing.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { makeUser, objectRows, OWNER_FOLDER_POLICIES, storedFiles, type TestUser } from './storage-helpers.ts';

let t: TestStack;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  t = await startTestStack();
  await t.stack.ctx.db.exec(OWNER_FOLDER_POLICIES);
  const admin = t.admin();
  expect((await admin.storage.createBucket('docs', { public: false })).error).toBeNull();
  expect((await admin.storage.createBucket('pics', { public: true, fileSizeLimit: 1000, allowedMimeTypes: ['image/*', 'text/plain'] })).error).toBeNull();
  alice = await makeUser(t);
  bob = await makeUser(t);
});
afterAll(() => t?.close());

const text = (s: string) => new Blob([s], { type: 'text/plain' });

describe('upload and download', () => {
  it('uploads a Blob (multipart) and downloads it back as its owner', async () => {
    const path = `${alice.id}/hello.txt`;
    const up = await alice.client.storage.from('docs').upload(path, text('hello world'), { metadata: { kind: 'greeting' } });
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path, fullPath: `docs/${path}` });
    expect(up.data!.id).toMatch(/^[0-9a-f-]{36}$/);
    const down = await alice.client.storage.from('docs').download(path);
    expect(down.error).toBeNull();
    expect(await down.data!.text()).toBe('hello world');
    const rows = await objectRows(t, 'docs');
    expect(rows.find((r) => r.name === path)?.owner).toBe(alice.id);
    expect((await alice.client.storage.from('docs').info(path)).data).toMatchObject({ metadata: { kind: 'greeting' }, cacheControl: 'max-age=3600' });
  });

  it('uploads a raw body with content type and cache control, fills metadata as Storage does', async () => {
    const path = `${alice.id}/data.json`;
    const body = JSON.stringify({ a: 1 });
    const up = await alice.client.storage.from('docs').upload(path, body, { contentType: 'application/json', cacheControl: '60', metadata: { tag: 'raw' } });
    expect(up.error).toBeNull();
    const { data: info, error } = await alice.client.storage.from('docs').info(path);
    expect(error).toBeNull();
    expect(info).toMatchObject({ name: path, bucketId: 'docs', size: body.length, contentType: 'application/json', cacheControl: 'max-age=60' });
    expect(info!.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(info!.metadata).toEqual({ tag: 'raw' });
    const { rows } = await t.stack.ctx.db.query<{ metadata: Record<string, unknown>; version: string; owner_id: string }>(
      'select metadata, version, owner_id from storage.objects where name = $1', [path]);
    expect(rows[0].metadata).toMatchObject({ size: body.length, mimetype: 'application/json', cacheControl: 'max-age=60', contentLength: body.length, httpStatusCode: 200 });
    expect(rows[0].metadata.eTag).toBe(info!.etag);
    expect(typeof rows[0].metadata.lastModified).toBe('string');
    expect(rows[0].version).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows[0].owner_id).toBe(alice.id);
    const res = await fetch(`${t.url}/storage/v1/object/docs/${path}`, { headers: { Authorization: `Bearer ${alice.jwt}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('max-age=60');
    expect(res.headers.get('etag')).toBe(info!.etag);
    expect(await res.text()).toBe(body);
  });

  it('refuses a second upload to the same key (409) unless upsert, which replaces the file', async () => {
    const path = `${alice.id}/dup.txt`;
    expect((await alice.client.storage.from('docs').upload(path, text('v1'))).error).toBeNull();
    const before = storedFiles(t);
    const dup = await alice.client.storage.from('docs').upload(path, text('v2'));
    expect(dup.error).toMatchObject({ status: 400, statusCode: '409', message: 'The resource already exists' });
    expect(storedFiles(t)).toEqual(before);
    expect(await (await alice.client.storage.from('docs').download(path)).data!.text()).toBe('v1');
    expect((await alice.client.storage.from('docs').upload(path, text('v3'), { upsert: true })).error).toBeNull();
    expect(await (await alice.client.storage.from('docs').download(path)).data!.text()).toBe('v3');
    // The replaced version's file is gone: one file per object.
    expect(storedFiles(t).filter((f) => f.includes('dup.txt'))).toHaveLength(1);
  });

  it('updates an existing object (PUT) and refuses to update a missing one', async () => {
    const path = `${alice.id}/upd.txt`;
    await alice.client.storage.from('docs').upload(path, text('old'));
    expect((await alice.client.storage.from('docs').update(path, text('new'))).error).toBeNull();
    expect(await (await alice.client.storage.from('docs').download(path)).data!.text()).toBe('new');
    const missing = await alice.client.storage.from('docs').update(`${alice.id}/nope.txt`, text('x'));
    expect(missing.error).toMatchObject({ statusCode: '404' });
    expect((await objectRows(t, 'docs')).some((r) => r.name.endsWith('nope.txt'))).toBe(false);
  });

  it('serves byte ranges (206) and HEAD for exists()', async () => {
    const path = `${alice.id}/range.txt`;
    await alice.client.storage.from('docs').upload(path, text('0123456789'));
    const url = `${t.url}/storage/v1/object/authenticated/docs/${path}`;
    const auth = { Authorization: `Bearer ${alice.jwt}` };
    const r1 = await fetch(url, { headers: { ...auth, Range: 'bytes=2-5' } });
    expect(r1.status).toBe(206);
    expect(r1.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(await r1.text()).toBe('2345');
    const r2 = await fetch(url, { headers: { ...auth, Range: 'bytes=-3' } });
    expect(await r2.text()).toBe('789');
    const r3 = await fetch(url, { headers: { ...auth, Range: 'bytes=20-30' } });
    expect(r3.status).toBe(416);
    expect(r3.headers.get('content-type')).toContain('application/json');
    expect(await r3.json()).toMatchObject({ statusCode: '416', error: 'invalid_range' });
    expect((await alice.client.storage.from('docs').exists(path)).data).toBe(true);
    expect((await alice.client.storage.from('docs').exists(`${alice.id}/absent.txt`)).data).toBe(false);
  });
});

describe('access (RLS on storage.objects)', () => {
  it("denies a user another user's object: download, info, upload into their folder, remove", async () => {
    const path = `${alice.id}/secret.txt`;
    await alice.client.storage.from('docs').upload(path, text('alice only'));
    const down = await bob.client.storage.from('docs').download(path);
    expect(down.error).not.toBeNull();
    expect((down.error as { status?: number }).status).toBe(400);
    const info = await bob.client.storage.from('docs').info(path);
    expect(info.error).toMatchObject({ statusCode: '404' });
    const before = storedFiles(t);
    const rowsBefore = await objectRows(t, 'docs');
    const up = await bob.client.storage.from('docs').upload(`${alice.id}/planted.txt`, text('bob was here'));
    expect(up.error).toMatchObject({ status: 400, statusCode: '403', message: 'new row violates row-level security policy' });
    const removed = await bob.client.storage.from('docs').remove([path]);
    expect(removed.error).toBeNull();
    expect(removed.data).toEqual([]);
    expect(storedFiles(t)).toEqual(before);
    expect(await objectRows(t, 'docs')).toEqual(rowsBefore);
  });

  it("answers unknown routes in Storage's error shape", async () => {
    const res = await fetch(`${t.url}/storage/v1/nowhere`, { headers: { Authorization: `Bearer ${alice.jwt}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: '404', error: 'Not Found' });
  });

  it('refuses a request without a valid JWT', async () => {
    const res = await fetch(`${t.url}/storage/v1/object/list/docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: '403', error: 'Unauthorized' });
    const expired = await makeUser(t, -60);
    const { error } = await expired.client.storage.from('docs').list(expired.id);
    expect(error).toMatchObject({ statusCode: '403' });
  });

  it('anon reads a public bucket without a token, but not a private one', async () => {
    await t.admin().storage.from('pics').upload('open.txt', text('public!'));
    const { data } = t.client().storage.from('pics').getPublicUrl('open.txt');
    const res = await fetch(data.publicUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('public!');
    const priv = await fetch(`${t.url}/storage/v1/object/public/docs/${alice.id}/hello.txt`);
    expect(priv.status).toBe(400);
    expect(await priv.json()).toMatchObject({ statusCode: '404', error: 'Bucket not found' });
  });
});

describe('bucket limits and keys', () => {
  it('refuses a file over the bucket size limit (413) and stores nothing', async () => {
    const before = storedFiles(t);
    const rowsBefore = await objectRows(t, 'pics');
    const big = await t.admin().storage.from('pics').upload('big.txt', text('x'.repeat(1001)));
    expect(big.error).toMatchObject({ status: 400, statusCode: '413', message: 'The object exceeded the maximum allowed size' });
    const raw = await t.admin().storage.from('pics').upload('big2.txt', 'y'.repeat(5000), { contentType: 'text/plain' });
    expect(raw.error).toMatchObject({ statusCode: '413' });
    expect(storedFiles(t)).toEqual(before);
    expect(await objectRows(t, 'pics')).toEqual(rowsBefore);
    expect((await t.admin().storage.from('pics').upload('ok.txt', text('x'.repeat(1000)))).error).toBeNull();
  });

  it('refuses a type the bucket does not allow (415) and stores nothing', async () => {
    const before = storedFiles(t);
    const { error } = await t.admin().storage.from('pics').upload('doc.pdf', new Blob(['%PDF'], { type: 'application/pdf' }));
    expect(error).toMatchObject({ status: 400, statusCode: '415', message: 'mime type application/pdf is not supported' });
    expect(storedFiles(t)).toEqual(before);
    expect((await objectRows(t, 'pics')).some((r) => r.name === 'doc.pdf')).toBe(false);
    expect((await t.admin().storage.from('pics').upload('p.png', new Blob(['png'], { type: 'image/png' }))).error).toBeNull();
  });

  it('refuses traversal, absolute, control-character and over-long keys', async () => {
    const before = storedFiles(t);
    const bad = ['../escape.txt', 'a/../../escape.txt', 'a/./b.txt', 'tab\there.txt', 'nul\u0000.txt', 'x'.repeat(300), 'a//b.txt', 'back\\slash.txt'];
    for (const key of bad) {
      // Fully percent-encoded (dots and slashes too) so no URL normalisation hides the attack.
      const encoded = encodeURIComponent(key).replace(/\./g, '%2E');
      const res = await fetch(`${t.url}/storage/v1/object/docs/${encoded}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'content-type': 'text/plain' },
        body: 'evil',
      });
      expect(res.status, key).toBe(400);
      const body = await res.json();
      expect(body.statusCode, key).toBe('400');
      expect(['InvalidKey'], key).toContain(body.code);
    }
    // fetch normalises ../ away; a raw HTTP request sends it as it is, and is refused too.
    const raw = await rawRequest(t.url, '/storage/v1/object/docs/../../escape.txt', t.serviceRoleKey);
    expect(raw.status).toBe(400);
    expect(storedFiles(t)).toEqual(before);
    expect((await objectRows(t, 'docs')).some((r) => r.name.includes('escape'))).toBe(false);
  });
});

describe('list, move, copy, remove', () => {
  it('lists folders and files under a prefix with limit, offset, sortBy and search', async () => {
    const s = alice.client.storage.from('docs');
    for (const n of ['list/b.txt', 'list/a.txt', 'list/c.txt', 'list/sub/d.txt']) await s.upload(`${alice.id}/${n}`, text(n));
    const all = await s.list(`${alice.id}/list`);
    expect(all.error).toBeNull();
    expect(all.data!.map((e) => e.name)).toEqual(['a.txt', 'b.txt', 'c.txt', 'sub']);
    expect(all.data!.find((e) => e.name === 'sub')!.id).toBeNull();
    expect(all.data!.find((e) => e.name === 'a.txt')!.metadata).toMatchObject({ size: 10, mimetype: 'text/plain' });
    const page = await s.list(`${alice.id}/list`, { limit: 2, offset: 1, sortBy: { column: 'name', order: 'desc' } });
    expect(page.data!.map((e) => e.name)).toEqual(['c.txt', 'b.txt']);
    const found = await s.list(`${alice.id}/list`, { search: 'B' });
    expect(found.data!.map((e) => e.name)).toEqual(['b.txt']);
    const top = await s.list('');
    expect(top.data!.map((e) => e.name)).toEqual([alice.id]);
    expect((await bob.client.storage.from('docs').list(`${alice.id}/list`)).data).toEqual([]);
  });

  it('moves and copies objects, refusing an existing destination', async () => {
    const s = alice.client.storage.from('docs');
    await s.upload(`${alice.id}/mv/src.txt`, text('moving'));
    const mv = await s.move(`${alice.id}/mv/src.txt`, `${alice.id}/mv/dst.txt`);
    expect(mv.error).toBeNull();
    expect(mv.data).toMatchObject({ message: 'Successfully moved' });
    expect((await s.download(`${alice.id}/mv/src.txt`)).error).not.toBeNull();
    expect(await (await s.download(`${alice.id}/mv/dst.txt`)).data!.text()).toBe('moving');
    const cp = await s.copy(`${alice.id}/mv/dst.txt`, `${alice.id}/mv/copy.txt`);
    expect(cp.error).toBeNull();
    expect(cp.data).toEqual({ path: `docs/${alice.id}/mv/copy.txt` });
    expect(await (await s.download(`${alice.id}/mv/copy.txt`)).data!.text()).toBe('moving');
    const again = await s.copy(`${alice.id}/mv/dst.txt`, `${alice.id}/mv/copy.txt`);
    expect(again.error).toMatchObject({ statusCode: '409' });
    // Bob cannot move Alice's object into his folder.
    const steal = await bob.client.storage.from('docs').move(`${alice.id}/mv/dst.txt`, `${bob.id}/stolen.txt`);
    expect(steal.error).toMatchObject({ statusCode: '404' });
    expect(await (await s.download(`${alice.id}/mv/dst.txt`)).data!.text()).toBe('moving');
  });

  it('removes a batch of objects, their rows and their files', async () => {
    const s = alice.client.storage.from('docs');
    await s.upload(`${alice.id}/rm/1.txt`, text('1'));
    await s.upload(`${alice.id}/rm/2.txt`, text('2'));
    const { data, error } = await s.remove([`${alice.id}/rm/1.txt`, `${alice.id}/rm/2.txt`, `${alice.id}/rm/none.txt`]);
    expect(error).toBeNull();
    expect(data!.map((o) => o.name).sort()).toEqual([`${alice.id}/rm/1.txt`, `${alice.id}/rm/2.txt`]);
    expect(storedFiles(t).some((f) => f.includes('/rm/'))).toBe(false);
    expect((await objectRows(t, 'docs')).some((r) => r.name.includes('/rm/'))).toBe(false);
  });
});

describe('signed URLs', () => {
  it('creates signed URLs (single and batch) that download without a token', async () => {
    const s = alice.client.storage.from('docs');
    await s.upload(`${alice.id}/signed.txt`, text('signed content'));
    const one = await s.createSignedUrl(`${alice.id}/signed.txt`, 60);
    expect(one.error).toBeNull();
    const res = await fetch(one.data!.signedUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('signed content');
    expect(res.headers.get('expires')).toBeTruthy();
    const dl = await fetch(`${one.data!.signedUrl}&download=my.txt`);
    expect(dl.headers.get('content-disposition')).toContain('attachment; filename=my.txt');
    const batch = await s.createSignedUrls([`${alice.id}/signed.txt`, `${alice.id}/missing.txt`], 60);
    expect(batch.error).toBeNull();
    expect(batch.data![0].error).toBeNull();
    expect(await (await fetch(batch.data![0].signedUrl!)).text()).toBe('signed content');
    expect(batch.data![1]).toMatchObject({ signedUrl: null, error: 'Either the object does not exist or you do not have access to it' });
    // Bob cannot sign Alice's object.
    expect((await bob.client.storage.from('docs').createSignedUrl(`${alice.id}/signed.txt`, 60)).error).toMatchObject({ statusCode: '404' });
  });

  it('refuses an expired or tampered signed URL', async () => {
    const s = alice.client.storage.from('docs');
    const { data } = await s.createSignedUrl(`${alice.id}/signed.txt`, 1);
    const tampered = data!.signedUrl.replace('signed.txt', 'hello.txt');
    const r1 = await fetch(tampered);
    expect(r1.status).toBe(400);
    expect(await r1.json()).toMatchObject({ statusCode: '400', error: 'InvalidSignature' });
    const r2 = await fetch(data!.signedUrl.slice(0, -4) + 'AAAA');
    expect(r2.status).toBe(400);
    expect((await r2.json()).error).toBe('InvalidJWT');
    await new Promise((r) => setTimeout(r, 2100));
    const r3 = await fetch(data!.signedUrl);
    expect(r3.status).toBe(400);
    expect(await r3.json()).toMatchObject({ statusCode: '400', error: 'InvalidJWT', message: '"exp" claim timestamp check failed' });
  });

  it('uploads through a signed upload URL, once; the token is bound to its path', async () => {
    const s = alice.client.storage.from('docs');
    const path = `${alice.id}/via-signed.txt`;
    const signed = await s.createSignedUploadUrl(path);
    expect(signed.error).toBeNull();
    expect(signed.data!.signedUrl).toContain('/object/upload/sign/docs/');
    const up = await t.client().storage.from('docs').uploadToSignedUrl(path, signed.data!.token, text('via token'));
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path, fullPath: `docs/${path}` });
    expect(await (await s.download(path)).data!.text()).toBe('via token');
    expect((await objectRows(t, 'docs')).find((r) => r.name === path)?.owner).toBe(alice.id);
    const again = await t.client().storage.from('docs').uploadToSignedUrl(path, signed.data!.token, text('again'));
    expect(again.error).toMatchObject({ statusCode: '409' });
    const other = await t.client().storage.from('docs').uploadToSignedUrl(`${alice.id}/other.txt`, signed.data!.token, text('x'));
    expect(other.error).toMatchObject({ statusCode: '400' });
    expect((await objectRows(t, 'docs')).some((r) => r.name.endsWith('other.txt'))).toBe(false);
    // Bob may not even ask for a signed upload URL into Alice's folder.
    expect((await bob.client.storage.from('docs').createSignedUploadUrl(`${alice.id}/x.txt`)).error).toMatchObject({ statusCode: '403' });
  });
});

function rawRequest(base: string, path: string, key: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: 'POST', path, headers: { Authorization: `Bearer ${key}`, 'content-type': 'text/plain' } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end('evil');
  });
}
