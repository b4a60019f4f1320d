// storage-js listV2 against the Storage API's list-v2: cursor pages that give every entry once,
// folders and files at one level, prefix and sort, RLS deciding what each caller sees, and
// Storage's answers to a bad body or an unknown bucket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { makeUser, OWNER_FOLDER_POLICIES, type TestUser } from './storage-helpers.ts';

let t: TestStack;
let alice: TestUser;
let bob: TestUser;

const PAGES = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
const TREE = ['a.txt', 'b.txt', 'sub1/x.txt', 'sub1/deep/y.txt', 'sub2/z.txt', 'sub.txt'];

const text = (s: string) => new Blob([s], { type: 'text/plain' });

beforeAll(async () => {
  t = await startTestStack();
  await t.stack.ctx.db.exec(OWNER_FOLDER_POLICIES);
  expect((await t.admin().storage.createBucket('docs', { public: false })).error).toBeNull();
  alice = await makeUser(t);
  bob = await makeUser(t);
  // Uploaded one by one so created_at follows the list (the timestamp sort is checked against it).
  for (const p of PAGES) expect((await alice.client.storage.from('docs').upload(`${alice.id}/pages/${p}.txt`, text(p))).error).toBeNull();
  for (const p of TREE) expect((await alice.client.storage.from('docs').upload(`${alice.id}/tree/${p}`, text(p))).error).toBeNull();
  expect((await bob.client.storage.from('docs').upload(`${bob.id}/mine.txt`, text('bob'))).error).toBeNull();
});
afterAll(() => t?.close());

/** Every page of a listing, following nextCursor until hasNext is false. */
async function allPages(user: TestUser, options: { prefix: string; limit: number; with_delimiter?: boolean; sortBy?: { column: 'name' | 'created_at' | 'updated_at'; order?: 'asc' | 'desc' } }) {
  const pages: { folders: string[]; objects: string[]; hasNext: boolean }[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await user.client.storage.from('docs').listV2({ ...options, cursor });
    expect(error).toBeNull();
    pages.push({ folders: data!.folders.map((f) => f.name), objects: data!.objects.map((o) => o.name), hasNext: data!.hasNext });
    cursor = data!.hasNext ? data!.nextCursor : undefined;
    if (data!.hasNext) expect(cursor).toBeTruthy();
  } while (cursor && pages.length < 20);
  return pages;
}

const page = (limit?: number, extra: Record<string, unknown> = {}) => ({ prefix: `${alice.id}/pages/`, ...(limit ? { limit } : {}), ...extra });

describe('flat listing', () => {
  it('pages 7 objects 3 at a time: every object exactly once, in name order', async () => {
    const pages = await allPages(alice, { prefix: `${alice.id}/pages/`, limit: 3 });
    expect(pages.map((p) => p.objects.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.hasNext)).toEqual([true, true, false]);
    expect(pages.flatMap((p) => p.objects)).toEqual(PAGES.map((p) => `${alice.id}/pages/${p}.txt`));
    expect(pages.flatMap((p) => p.folders)).toEqual([]);
  });

  it('a page that ends exactly at the last object has no next page', async () => {
    const { data } = await alice.client.storage.from('docs').listV2(page(7));
    expect(data!.objects).toHaveLength(7);
    expect(data!.hasNext).toBe(false);
    expect(data!.nextCursor).toBeUndefined();
    const short = await alice.client.storage.from('docs').listV2(page(6));
    expect(short.data).toMatchObject({ hasNext: true, nextCursorKey: `${alice.id}/pages/p6.txt` });
  });

  it('returns full keys with id, timestamps and metadata, no folders, and no cursor on the last page', async () => {
    const { data, error } = await alice.client.storage.from('docs').listV2(page());
    expect(error).toBeNull();
    expect(data!.hasNext).toBe(false);
    expect(data!.nextCursor).toBeUndefined();
    expect(data!.objects).toHaveLength(7);
    const first = data!.objects[0];
    expect(Object.keys(first).sort()).toEqual(['created_at', 'id', 'last_accessed_at', 'metadata', 'name', 'updated_at']);
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.metadata).toMatchObject({ size: 2, mimetype: 'text/plain' });
  });

  it('lists every key under a prefix, at every depth; the prefix is a plain string start', async () => {
    const { data } = await alice.client.storage.from('docs').listV2({ prefix: `${alice.id}/tree/sub1` });
    expect(data!.objects.map((o) => o.name)).toEqual([`${alice.id}/tree/sub1/deep/y.txt`, `${alice.id}/tree/sub1/x.txt`]);
    const sub = await alice.client.storage.from('docs').listV2({ prefix: `${alice.id}/tree/sub` });
    expect(sub.data!.objects).toHaveLength(4);
    // LIKE wildcards in a prefix match only themselves.
    expect((await alice.client.storage.from('docs').listV2({ prefix: `${alice.id}/tree/s_b` })).data!.objects).toEqual([]);
  });

  it('sorts by created_at descending across pages; the cursor keeps that sort', async () => {
    const pages = await allPages(alice, { prefix: `${alice.id}/pages/`, limit: 3, sortBy: { column: 'created_at', order: 'desc' } });
    expect(pages.flatMap((p) => p.objects)).toEqual(PAGES.map((p) => `${alice.id}/pages/${p}.txt`).reverse());
    const byName = await allPages(alice, { prefix: `${alice.id}/pages/`, limit: 4, sortBy: { column: 'name', order: 'desc' } });
    expect(byName.map((p) => p.objects.length)).toEqual([4, 3]);
    expect(byName.flatMap((p) => p.objects)).toEqual(PAGES.map((p) => `${alice.id}/pages/${p}.txt`).reverse());
  });
});

describe('with_delimiter', () => {
  const tree = (s: string) => `${alice.id}/tree/${s}`;

  it('gives the folders and files of one level; folders end in / and carry no object fields', async () => {
    const { data, error } = await alice.client.storage.from('docs').listV2({ prefix: `${alice.id}/tree/`, with_delimiter: true });
    expect(error).toBeNull();
    expect(data!.hasNext).toBe(false);
    expect(data!.folders.map((f) => f.name)).toEqual([tree('sub1/'), tree('sub2/')]);
    expect(data!.folders.map((f) => f.key)).toEqual(['sub1', 'sub2']);
    expect(data!.folders[0]).toMatchObject({ id: null, metadata: null });
    expect(data!.objects.map((o) => o.name)).toEqual([tree('a.txt'), tree('b.txt'), tree('sub.txt')]);
    expect(data!.objects.map((o) => o.key)).toEqual(['a.txt', 'b.txt', 'sub.txt']);
    expect(data!.objects[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists the top level as the caller\'s own folder only', async () => {
    const { data } = await alice.client.storage.from('docs').listV2({ with_delimiter: true });
    expect(data!.folders.map((f) => f.name)).toEqual([`${alice.id}/`]);
    expect(data!.objects).toEqual([]);
  });

  it('pages folders and files together in key order ("sub.txt" before "sub1/"), each entry once', async () => {
    const pages = await allPages(alice, { prefix: `${alice.id}/tree/`, limit: 2, with_delimiter: true });
    expect(pages.map((p) => p.folders.length + p.objects.length)).toEqual([2, 2, 1]);
    const order = pages.flatMap((p) => [...p.objects, ...p.folders]);
    expect(order).toEqual([tree('a.txt'), tree('b.txt'), tree('sub.txt'), tree('sub1/'), tree('sub2/')]);
    const desc = await allPages(alice, { prefix: `${alice.id}/tree/`, limit: 2, with_delimiter: true, sortBy: { column: 'name', order: 'desc' } });
    expect(desc.flatMap((p) => [...p.folders, ...p.objects])).toEqual([tree('sub2/'), tree('sub1/'), tree('sub.txt'), tree('b.txt'), tree('a.txt')]);
  });

  it('a prefix that is not a folder narrows to the keys starting with it', async () => {
    const { data } = await alice.client.storage.from('docs').listV2({ prefix: tree('sub'), with_delimiter: true });
    expect(data!.folders.map((f) => f.name)).toEqual([tree('sub1/'), tree('sub2/')]);
    expect(data!.objects.map((o) => o.name)).toEqual([tree('sub.txt')]);
    const deeper = await alice.client.storage.from('docs').listV2({ prefix: tree('sub1/'), with_delimiter: true });
    expect(deeper.data!.folders.map((f) => f.name)).toEqual([tree('sub1/deep/')]);
    expect(deeper.data!.objects.map((o) => o.name)).toEqual([tree('sub1/x.txt')]);
  });

  it('pages by created_at: folders take their first object\'s time, every entry once', async () => {
    const pages = await allPages(alice, { prefix: `${alice.id}/tree/`, limit: 2, with_delimiter: true, sortBy: { column: 'created_at', order: 'asc' } });
    const all = pages.flatMap((p) => [...p.objects, ...p.folders]);
    expect(all.sort()).toEqual([tree('a.txt'), tree('b.txt'), tree('sub.txt'), tree('sub1/'), tree('sub2/')].sort());
    expect(pages.map((p) => p.folders.length + p.objects.length)).toEqual([2, 2, 1]);
  });
});

describe('RLS decides what is listed', () => {
  it('a user sees their own objects (allowed) and none of another user\'s (refused)', async () => {
    const own = await bob.client.storage.from('docs').listV2({ prefix: `${bob.id}/` });
    expect(own.data!.objects.map((o) => o.name)).toEqual([`${bob.id}/mine.txt`]);
    const other = await bob.client.storage.from('docs').listV2({ prefix: `${alice.id}/` });
    expect(other.error).toBeNull();
    expect(other.data).toEqual({ hasNext: false, folders: [], objects: [] });
    const top = await bob.client.storage.from('docs').listV2({ with_delimiter: true });
    expect(top.data!.folders.map((f) => f.name)).toEqual([`${bob.id}/`]);
  });

  it('the service role sees everyone\'s', async () => {
    const { data } = await t.admin().storage.from('docs').listV2({ with_delimiter: true });
    expect(data!.folders.map((f) => f.name).sort()).toEqual([`${alice.id}/`, `${bob.id}/`].sort());
  });

  it('anon on a private bucket lists nothing', async () => {
    const { data, error } = await t.client().storage.from('docs').listV2({ with_delimiter: true });
    expect(error).toBeNull();
    expect(data).toEqual({ hasNext: false, folders: [], objects: [] });
  });
});

describe('bad input and unknown buckets', () => {
  const post = (body: unknown, bucket = 'docs') =>
    fetch(`${t.url}/storage/v1/object/list-v2/${bucket}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${alice.jwt}`, apikey: t.anonKey, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it.each([
    [{ limit: 0 }, 'body/limit must be >= 1'],
    [{ limit: 1.5 }, 'body/limit must be integer'],
    [{ with_delimiter: 'yes' }, 'body/with_delimiter must be boolean'],
    [{ sortBy: { column: 'size' } }, 'body/sortBy/column must be equal to one of the allowed values'],
    [{ sortBy: { order: 'desc' } }, "body/sortBy must have required property 'column'"],
    [{ sortBy: { column: 'name', order: 'up' } }, 'body/sortBy/order must be equal to one of the allowed values'],
  ])('refuses %j with Storage\'s validation error', async (body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ statusCode: '400', code: 'InvalidRequest', error: 'Error', message });
  });

  it('refuses a cursor it did not make (InvalidParameter), through storage-js too', async () => {
    const res = await post({ cursor: 'not a cursor' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ statusCode: '400', code: 'InvalidParameter', error: 'InvalidParameter', message: 'Invalid Parameter continuation token' });
    const { data, error } = await alice.client.storage.from('docs').listV2({ cursor: 'not a cursor' });
    expect(data).toBeNull();
    expect(error).toMatchObject({ status: 400, statusCode: '400', message: 'Invalid Parameter continuation token' });
  });

  it('caps limit at 1000 and accepts a body with nothing in it', async () => {
    const res = await post({ prefix: `${alice.id}/pages/`, limit: 5000 });
    expect(res.status).toBe(200);
    expect((await res.json()).objects).toHaveLength(7);
    expect((await post({})).status).toBe(200);
  });

  it('an unknown bucket lists nothing', async () => {
    const { data, error } = await alice.client.storage.from('no-such-bucket').listV2({ with_delimiter: true });
    expect(error).toBeNull();
    expect(data).toEqual({ hasNext: false, folders: [], objects: [] });
  });

  it('refuses a bucket name Storage would never accept', async () => {
    const res = await post({}, 'bad%5Bname%5D');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ statusCode: '400', code: 'InvalidBucketName', error: 'Invalid Input', message: 'Bucket name invalid' });
  });

  it('refuses a request without a JWT', async () => {
    const res = await fetch(`${t.url}/storage/v1/object/list-v2/docs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: '403', code: 'AccessDenied' });
  });
});
