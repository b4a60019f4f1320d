// Document library: default levels, who reads rows, versions and files at each level, raising and
// lowering a level, and what the storage API refuses (secret files, traversal, wrong bucket,
// over-limit and disallowed files).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';
import { documentsFixtures } from './documents-fixtures.ts';

let t: TestStack;
let as: ReturnType<typeof demoPeople>;
let fx: ReturnType<typeof documentsFixtures>;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
  fx = documentsFixtures(t, as);
});
afterAll(() => t?.close());

async function seesRow(who: Parameters<typeof as>[0], id: string) {
  const { client } = await as(who);
  const { data, error } = await client.from('documents').select('id').eq('id', id);
  expect(error).toBeNull();
  return data!.length === 1;
}

async function canDownload(who: Parameters<typeof as>[0], path: string) {
  const { client } = await as(who);
  const { data, error } = await client.storage.from('documents').download(path);
  return !error && data !== null;
}

describe('default access levels', () => {
  it('customer files, contracts and financial material are confidential unless given; others internal', async () => {
    expect((await fx.newDoc('sales1', { category: 'customer_files' })).access_level).toBe('confidential');
    expect((await fx.newDoc('sales1', { category: 'contracts' })).access_level).toBe('confidential');
    expect((await fx.newDoc('sales1', { category: 'other', sensitive: true })).access_level).toBe('confidential');
    expect((await fx.newDoc('sales1', { category: 'meeting_minutes' })).access_level).toBe('internal');
    expect((await fx.newDoc('sales1', { category: 'rules', access_level: 'public' })).access_level).toBe('public');
  });

  it('a document is filed under its creator; filing one for someone else is refused', async () => {
    const { client } = await as('sales1');
    const cs1 = await as('cs1');
    const r = await client.from('documents').insert({ title: '冒名', owner_id: cs1.id });
    expect(r.error?.code).toBe('42501');
    expect(await fx.sql('select 1 from public.documents where title = $1', ['冒名'])).toHaveLength(0);
  });
});

describe('reading by level', () => {
  it('public: every signed-in colleague reads row and file; anonymous callers nothing', async () => {
    const doc = await fx.newDoc('hr', { access_level: 'public', category: 'training' });
    const { path } = await fx.addVersion('hr', doc.id, 'handbook');
    expect(await seesRow('cs1', doc.id)).toBe(true);
    expect(await canDownload('sales3', path)).toBe(true);
    const anon = await t.client().from('documents').select('id').eq('id', doc.id);
    expect(anon.data ?? []).toEqual([]);
    expect((await t.client().storage.from('documents').download(path)).error).not.toBeNull();
  });

  it('internal: department members read row, versions and file', async () => {
    const doc = await fx.newDoc('sales1', { category: 'meeting_minutes' });
    const { path } = await fx.addVersion('sales1', doc.id, 'minutes');
    expect(await seesRow('cs1', doc.id)).toBe(true);
    expect(await canDownload('cs1', path)).toBe(true);
    const cs1 = await as('cs1');
    const versions = await cs1.client.from('document_versions').select('version_no').eq('document_id', doc.id);
    expect(versions.data).toEqual([{ version_no: 1 }]);
  });

  it('confidential: owner and line managers read; an internal-level colleague gets neither row nor object', async () => {
    const doc = await fx.newDoc('sales1', { category: 'customer_files' });
    const { path } = await fx.addVersion('sales1', doc.id, 'customer secrets');
    expect(await seesRow('sales1', doc.id)).toBe(true);
    expect(await seesRow('leaderMkt', doc.id)).toBe(true);
    expect(await seesRow('manager', doc.id)).toBe(true);
    expect(await canDownload('leaderMkt', path)).toBe(true);

    const cs1 = await as('cs1');
    expect(await seesRow('cs1', doc.id)).toBe(false);
    expect(await seesRow('sales2', doc.id)).toBe(false);
    const versions = await cs1.client.from('document_versions').select('id').eq('document_id', doc.id);
    expect(versions.data).toEqual([]);
    expect(await canDownload('cs1', path)).toBe(false);
    const signed = await cs1.client.storage.from('documents').createSignedUrl(path, 60);
    expect(signed.error).not.toBeNull();
    const listed = await cs1.client.storage.from('documents').list(doc.id);
    expect(listed.data ?? []).toEqual([]);
    // The raw HTTP path says the same.
    const raw = await fetch(`${t.url}/storage/v1/object/authenticated/documents/${path}`, {
      headers: { Authorization: `Bearer ${(await cs1.client.auth.getSession()).data.session!.access_token}`, apikey: t.anonKey },
    });
    expect(raw.status).toBe(400);
  });

  it('confidential: a share with a person or a role opens it; unsharing closes it again', async () => {
    const doc = await fx.newDoc('sales1', { category: 'contracts' });
    const { path } = await fx.addVersion('sales1', doc.id, 'contract draft');
    const owner = await as('sales1');
    const cs1 = await as('cs1');
    // Only writers share.
    const notMine = await cs1.client.from('document_shares').insert({ document_id: doc.id, user_id: cs1.id });
    expect(notMine.error?.code).toBe('42501');
    expect(await seesRow('cs1', doc.id)).toBe(false);

    const share = await owner.client.from('document_shares').insert({ document_id: doc.id, user_id: cs1.id }).select().single();
    expect(share.error).toBeNull();
    expect(await seesRow('cs1', doc.id)).toBe(true);
    expect(await canDownload('cs1', path)).toBe(true);
    expect(await seesRow('finance', doc.id)).toBe(false);
    expect((await owner.client.from('document_shares').insert({ document_id: doc.id, role: 'finance' })).error).toBeNull();
    expect(await seesRow('finance', doc.id)).toBe(true);

    await owner.client.from('document_shares').delete().eq('id', share.data!.id);
    expect(await seesRow('cs1', doc.id)).toBe(false);
    expect(await canDownload('cs1', path)).toBe(false);
  });
});

describe('changing the level', () => {
  it('raising takes effect at once; lowering is refused to the owner and left as it was', async () => {
    const doc = await fx.newDoc('sales1', { category: 'project_docs' });
    const { path } = await fx.addVersion('sales1', doc.id, 'plan');
    expect(await canDownload('cs1', path)).toBe(true);
    const owner = await as('sales1');
    expect((await owner.client.from('documents').update({ access_level: 'confidential' }).eq('id', doc.id)).error).toBeNull();
    expect(await seesRow('cs1', doc.id)).toBe(false);
    expect(await canDownload('cs1', path)).toBe(false);

    const lower = await owner.client.from('documents').update({ access_level: 'public' }).eq('id', doc.id);
    expect(lower.error).toMatchObject({ code: 'DC002', hint: 'documents.errors.lower_needs_manager' });
    expect(await fx.sql('select access_level from public.documents where id = $1', [doc.id])).toEqual([{ access_level: 'confidential' }]);
    // The group leader manages the owner but is not the department manager: refused too.
    const leader = await as('leaderMkt');
    expect((await leader.client.from('documents').update({ access_level: 'internal' }).eq('id', doc.id)).error?.code).toBe('DC002');

    const manager = await as('manager');
    expect((await manager.client.from('documents').update({ access_level: 'internal' }).eq('id', doc.id)).error).toBeNull();
    expect(await canDownload('cs1', path)).toBe(true);
  });

  it('owner and current version are not edited directly', async () => {
    const doc = await fx.newDoc('sales1');
    const owner = await as('sales1');
    const sales2 = await as('sales2');
    expect((await owner.client.from('documents').update({ owner_id: sales2.id }).eq('id', doc.id)).error?.code).toBe('DC005');
    expect((await owner.client.from('documents').update({ current_version: 9 }).eq('id', doc.id)).error?.code).toBe('DC003');
    expect(await fx.sql('select owner_id, current_version from public.documents where id = $1', [doc.id]))
      .toEqual([{ owner_id: owner.id, current_version: 0 }]);
  });

  it('new versions keep the old ones, numbered by the database', async () => {
    const doc = await fx.newDoc('sales1');
    const v1 = await fx.addVersion('sales1', doc.id, 'one');
    const v2 = await fx.addVersion('sales1', doc.id, 'two');
    expect([v1.version_no, v2.version_no]).toEqual([1, 2]);
    expect(await fx.sql('select current_version from public.documents where id = $1', [doc.id])).toEqual([{ current_version: 2 }]);
    const { client } = await as('sales1');
    expect(await (await client.storage.from('documents').download(v1.path)).data!.text()).toBe('one');
    const edit = await client.from('document_versions').update({ note: 'x' }).eq('document_id', doc.id).select();
    expect(edit.error?.code).toBe('42501');
    // Someone who cannot write the document cannot add a version to it.
    const cs1 = await as('cs1');
    const foreign = await cs1.client.from('document_versions')
      .insert({ document_id: doc.id, storage_path: `${doc.id}/x.txt`, file_name: 'x.txt', uploaded_by: cs1.id });
    expect(foreign.error?.code).toBe('42501');
  });
});

describe('secret files and the storage API', () => {
  it('nobody lists, downloads or signs a secret object, not the owner or the manager, even knowing the path', async () => {
    // A secret document's file is uploaded while it is confidential, then the level is raised.
    const doc = await fx.newDoc('sales1', { access_level: 'confidential', category: 'market_research' });
    const { path } = await fx.addVersion('sales1', doc.id, 'floor prices', 'prices.pdf', 'application/pdf');
    const owner = await as('sales1');
    expect((await owner.client.from('documents').update({ access_level: 'secret' }).eq('id', doc.id)).error).toBeNull();

    for (const who of ['sales1', 'manager', 'leaderMkt', 'cs1', 'admin'] as const) {
      const { client } = await as(who);
      expect(await canDownload(who, path)).toBe(false);
      expect((await client.storage.from('documents').createSignedUrl(path, 60)).error).not.toBeNull();
      expect((await client.storage.from('documents').createSignedUrls([path], 60)).data?.[0]?.signedUrl ?? null).toBeNull();
      expect((await client.storage.from('documents').list(doc.id)).data ?? []).toEqual([]);
    }
    // The row itself: owner and manager yes, the group leader and colleagues no.
    expect(await seesRow('sales1', doc.id)).toBe(true);
    expect(await seesRow('manager', doc.id)).toBe(true);
    expect(await seesRow('leaderMkt', doc.id)).toBe(false);
    expect(await seesRow('cs1', doc.id)).toBe(false);
    // Uploading next to it as a colleague is refused; the object stays single.
    const cs1 = await as('cs1');
    expect((await cs1.client.storage.from('documents').upload(`${doc.id}/extra.txt`, new Blob(['x']))).error).not.toBeNull();
    expect(await fx.sql('select name from storage.objects where bucket_id = $1 and name like $2', ['documents', `${doc.id}/%`]))
      .toEqual([{ name: path }]);
  });

  it('traversal, foreign folders and the wrong bucket are refused and store nothing', async () => {
    const mine = await fx.newDoc('sales1', { category: 'project_docs' });
    const theirs = await fx.newDoc('cs1', { category: 'project_docs' });
    const { client } = await as('sales1');
    const bucket = client.storage.from('documents');
    const before = await fx.sql<{ n: number }>('select count(*)::int as n from storage.objects');
    expect((await bucket.upload(`${mine.id}/../${theirs.id}/x.txt`, new Blob(['x']))).error).not.toBeNull();
    expect((await bucket.upload(`../contracts/${mine.id}/x.txt`, new Blob(['x']))).error).not.toBeNull();
    expect((await bucket.upload(`${theirs.id}/x.txt`, new Blob(['x']))).error).not.toBeNull();
    expect((await bucket.upload(`not-a-document/x.txt`, new Blob(['x']))).error).not.toBeNull();
    expect((await client.storage.from('contracts').upload(`${mine.id}/x.pdf`, new Blob(['x'], { type: 'application/pdf' }))).error)
      .not.toBeNull();
    expect(await fx.sql<{ n: number }>('select count(*)::int as n from storage.objects')).toEqual(before);
    // A version row cannot point outside its document's folder either.
    const sales1 = await as('sales1');
    for (const storage_path of [`${theirs.id}/x.txt`, `${mine.id}/../${theirs.id}/x.txt`, `${mine.id}/`]) {
      const r = await client.from('document_versions').insert({ document_id: mine.id, storage_path, file_name: 'x.txt', uploaded_by: sales1.id });
      expect(r.error?.code).toBe('23514');
    }
  });

  it('an over-limit or disallowed file stores nothing', async () => {
    const doc = await fx.newDoc('sales1', { category: 'training' });
    const { client } = await as('sales1');
    const before = await fx.sql<{ n: number }>('select count(*)::int as n from storage.objects where bucket_id = $1', ['documents']);
    const exe = await client.storage.from('documents').upload(`${doc.id}/tool.exe`, new Blob(['MZ'], { type: 'application/x-msdownload' }),
      { contentType: 'application/x-msdownload' });
    expect(exe.error).not.toBeNull();
    const huge = new Blob([new Uint8Array(26214400 + 1)], { type: 'application/pdf' });
    const big = await client.storage.from('documents').upload(`${doc.id}/huge.pdf`, huge, { contentType: 'application/pdf' });
    expect(big.error).not.toBeNull();
    expect(await fx.sql<{ n: number }>('select count(*)::int as n from storage.objects where bucket_id = $1', ['documents'])).toEqual(before);
  });
});

describe('seed', () => {
  it('has documents at every level with versions, a pending and an approved grant, and agreements', async () => {
    const levels = await fx.sql<{ access_level: string; n: number }>(
      `select d.access_level::text, count(*)::int as n from public.documents d
        where exists (select 1 from public.document_versions v where v.document_id = d.id)
          and d.id::text like '70000000-%' group by 1 order by 1`);
    expect(levels.map((l) => l.access_level)).toEqual(['confidential', 'internal', 'public', 'secret']);
    const grants = await fx.sql<{ status: string; open: boolean }>(
      `select status, granted_until > now() as open from public.document_access_requests
        where id::text like '72000000-%' order by id`);
    expect(grants).toEqual([{ status: 'approved', open: true }, { status: 'pending', open: null }]);
    const agreements = await fx.sql<{ n: number }>('select count(*)::int as n from public.confidentiality_agreements');
    expect(agreements[0].n).toBeGreaterThan(10);
  });
});
