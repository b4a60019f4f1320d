// Storage under abuse, on the project's own `contracts` bucket: traversal keys sent raw (not
// normalised by a client), bodies over the bucket's and the global limit, slow (slowloris-style)
// uploads held open while others are served, and uploads cut off half-way. Afterwards no file is
// left in the storage directory, no row in the database has changed, and the server answers.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { changedTables, tableChecksums } from '../helpers/checksum.ts';
import { storedFiles } from './storage-helpers.ts';
import { demoPeople } from '../helpers/demo.ts';

const MB = 1024 * 1024;
let t: TestStack;
let before: Record<string, string>;
let filesBefore: string[];
let userToken: string;

beforeAll(async () => {
  t = await startTestStack();
  userToken = (await (await demoPeople(t)('sales1')).client.auth.getSession()).data.session!.access_token;
  before = await tableChecksums(t.stack.ctx.db);
  filesBefore = storedFiles(t);
});
afterAll(() => t?.close());

/** A request whose path is sent as written (no URL normalisation), answered as status + body. */
function raw(method: string, target: string, token: string, body = ''): Promise<{ status: number; body: string }> {
  const url = new URL(t.url);
  return new Promise((resolve, reject) => {
    const headers = { Authorization: `Bearer ${token}`, apikey: t.anonKey, 'Content-Type': 'application/pdf', 'Content-Length': String(Buffer.byteLength(body)) };
    const req = http.request({ host: url.hostname, port: url.port, method, path: target, headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const serverAnswers = async () => {
  const res = await fetch(`${t.url}/rest/v1/customers?select=id&limit=1`, { headers: { apikey: t.anonKey, Authorization: `Bearer ${userToken}` } });
  await res.text();
  return res.status;
};

async function noStrayFiles() {
  // Temp files of cut-off uploads are removed when the server sees the socket close.
  for (let i = 0; i < 50 && storedFiles(t).join() !== filesBefore.join(); i++) await new Promise((r) => setTimeout(r, 100));
  expect(storedFiles(t)).toEqual(filesBefore);
}

describe('traversal keys', () => {
  const KEYS = [
    '../escape.pdf', '..%2fescape.pdf', '%2e%2e/escape.pdf', '%2e%2e%2fescape.pdf', 'a/../../escape.pdf', 'a/%2e%2e/%2e%2e/escape.pdf',
    '..\\escape.pdf', 'a%5c..%5c..%5cescape.pdf', '%00.pdf', 'a/%00/../b.pdf', '/etc/passwd', '%2fetc%2fpasswd', './a.pdf', 'a//b.pdf',
  ];
  it('are refused on upload, download, info, sign and delete, for the service role and for a user', async () => {
    for (const token of [t.serviceRoleKey, userToken]) {
      for (const key of KEYS) {
        for (const [method, prefix] of [['POST', '/storage/v1/object/contracts/'], ['PUT', '/storage/v1/object/contracts/'], ['GET', '/storage/v1/object/contracts/'],
          ['GET', '/storage/v1/object/info/contracts/'], ['POST', '/storage/v1/object/sign/contracts/'], ['DELETE', '/storage/v1/object/contracts/'],
          ['GET', '/storage/v1/object/public/contracts/'], ['POST', '/storage/v1/object/upload/sign/contracts/']] as const) {
          const r = await raw(method, prefix + key, token, method === 'POST' || method === 'PUT' ? '%PDF-1.4 escape' : '');
          const label = `${method} ${prefix}${key}: ${r.status} ${r.body.slice(0, 200)}`;
          expect(r.status, label).toBeGreaterThanOrEqual(400);
          expect(r.status, label).toBeLessThan(500);
        }
      }
      // A bucket name that walks up the tree.
      for (const bucket of ['..', '%2e%2e', '..%2f..']) {
        const r = await raw('POST', `/storage/v1/object/${bucket}/escape.pdf`, token, '%PDF-1.4');
        expect(r.status, `${bucket}: ${r.body}`).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
      }
    }
    const root = path.dirname(t.stack.ctx.config.storageDir);
    expect(fs.readdirSync(root).filter((f) => f.includes('escape'))).toEqual([]);
    await noStrayFiles();
    expect(changedTables(before, await tableChecksums(t.stack.ctx.db))).toEqual([]);
  });
});

describe('huge bodies', () => {
  /** Streams `size` bytes of a fake PDF to the contracts bucket and returns the answer. */
  async function streamUpload(name: string, size: number, declaredLength?: number) {
    const chunk = Buffer.alloc(MB, 0x20);
    chunk.write('%PDF-1.4');
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= size) return c.close();
        const n = Math.min(MB, size - sent);
        c.enqueue(new Uint8Array(chunk.subarray(0, n)));
        sent += n;
      },
    });
    const headers: Record<string, string> = { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/pdf' };
    if (declaredLength !== undefined) headers['Content-Length'] = String(declaredLength);
    const res = await fetch(`${t.url}/storage/v1/object/contracts/${name}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    return { status: res.status, body: await res.json() };
  }

  it('a stream over the bucket limit (20 MiB) is refused while it streams and leaves nothing', async () => {
    const r = await streamUpload('huge/over-bucket-limit.pdf', 26 * MB);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ statusCode: '413', code: 'EntityTooLarge' });
    await noStrayFiles();
  });

  it('a declared Content-Length over the limit is refused before the body is read', async () => {
    const started = Date.now();
    const lying = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(`${t.url}/storage/v1/object/contracts/huge/declared-10g.pdf`);
      const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: url.pathname, headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/pdf', 'Content-Length': String(10 * 1024 * MB) } });
      req.on('response', (res) => {
        let b = '';
        res.on('data', (c) => (b += c));
        res.on('end', () => {
          req.destroy(); // stop "sending" the rest
          resolve({ status: res.statusCode!, body: b });
        });
      });
      req.on('error', reject);
      req.write('%PDF-1.4'); // 10 GiB announced: refused without waiting for them
    });
    expect(lying.status).toBe(400);
    expect(JSON.parse(lying.body)).toMatchObject({ statusCode: '413' });
    expect(Date.now() - started).toBeLessThan(10_000);
    await noStrayFiles();
  });

  it('huge JSON bodies on REST and storage get no 5xx and change nothing', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(30 * MB) });
    const rest = await fetch(`${t.url}/rest/v1/customers`, { method: 'POST', headers: { apikey: t.anonKey, Authorization: `Bearer ${userToken}`, 'Content-Type': 'application/json' }, body: big });
    expect(rest.status).toBeGreaterThanOrEqual(400);
    expect(rest.status).toBeLessThan(500);
    // A prefix that long matches nothing: an empty list is a fair answer, a 5xx is not.
    const list = await fetch(`${t.url}/storage/v1/object/list/contracts`, { method: 'POST', headers: { Authorization: `Bearer ${userToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ prefix: 'x'.repeat(30 * MB) }) });
    expect(list.status).toBeLessThan(500);
    expect(list.status === 200 ? await list.json() : []).toEqual([]);
    expect(changedTables(before, await tableChecksums(t.stack.ctx.db))).toEqual([]);
  }, 60_000);
});

describe('slow and cut-off uploads', () => {
  /** Opens an upload and sends its body a few bytes at a time; returns a function that cuts it off. */
  function slowUpload(name: string): () => void {
    const url = new URL(`${t.url}/storage/v1/object/contracts/slow/${name}`);
    const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: url.pathname, headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/pdf', 'Content-Length': String(MB) } });
    req.on('error', () => {});
    req.write('%PDF-1.4\n');
    const timer = setInterval(() => req.write('.'), 100);
    return () => {
      clearInterval(timer);
      req.destroy();
    };
  }

  it('twenty uploads trickling a byte at a time do not stop the server answering others', async () => {
    const cuts = Array.from({ length: 20 }, (_, i) => slowUpload(`trickle-${i}.pdf`));
    try {
      await new Promise((r) => setTimeout(r, 500));
      for (let i = 0; i < 5; i++) {
        const started = Date.now();
        expect(await serverAnswers()).toBe(200);
        expect(Date.now() - started).toBeLessThan(2_000);
        const ok = await t.admin().storage.from('contracts').upload(`slow/ok-${i}.pdf`, new Blob(['%PDF-1.4 ok'], { type: 'application/pdf' }));
        expect(ok.error).toBeNull();
        expect((await t.admin().storage.from('contracts').remove([`slow/ok-${i}.pdf`])).error).toBeNull();
      }
    } finally {
      // The bound on a slow upload here is the client's patience: it gives up after ~3 s.
      await new Promise((r) => setTimeout(r, 1_500));
      for (const cut of cuts) cut();
    }
    await noStrayFiles();
    const { rows } = await t.stack.ctx.db.query(`select name from storage.objects where bucket_id = 'contracts' and name like 'slow/%'`);
    expect(rows).toEqual([]);
  });

  it('uploads cut off half-way (raw and multipart) leave no file and no row', async () => {
    const url = new URL(`${t.url}/storage/v1/object/contracts/cut/`);
    const cutAfter = (name: string, contentType: string, first: Buffer | string, declared: number) =>
      new Promise<void>((resolve) => {
        const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: url.pathname + name, headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': contentType, 'Content-Length': String(declared) } });
        req.on('error', () => {});
        req.write(first);
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 300);
      });
    await cutAfter('raw.pdf', 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * MB, 0x20)]), 5 * MB);
    const boundary = '----bizdeskcut';
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="cacheControl"\r\n\r\n3600\r\n--${boundary}\r\nContent-Disposition: form-data; name=""; filename="m.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n${' '.repeat(MB)}`;
    await cutAfter('multipart.pdf', `multipart/form-data; boundary=${boundary}`, part, 4 * MB);
    // A multipart body whose closing boundary never comes, sent whole.
    const unterminated = await fetch(`${url}unterminated.pdf`, { method: 'POST', headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body: part });
    const why = await unterminated.text();
    expect(unterminated.status, why).toBeGreaterThanOrEqual(400);
    expect(unterminated.status, why).toBeLessThan(500);
    await noStrayFiles();
    expect(changedTables(before, await tableChecksums(t.stack.ctx.db))).toEqual([]);
    expect(await serverAnswers()).toBe(200);
  });
});
