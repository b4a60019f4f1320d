// storage-js bucket calls against the Storage API: list, get, create, update, empty, delete, with
// Storage's refusals (duplicate, bad name, not found, not empty, RLS on storage.buckets).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { makeUser, objectRows, storedFiles, type TestUser } from './storage-helpers.ts';

let t: TestStack;
let user: TestUser;

beforeAll(async () => {
  t = await startTestStack();
  user = await makeUser(t);
});
afterAll(() => t?.close());

describe('buckets', () => {
  it('creates, gets and lists buckets with their settings', async () => {
    const admin = t.admin().storage;
    const created = await admin.createBucket('invoices', { public: false, fileSizeLimit: '2MB', allowedMimeTypes: ['application/pdf'] });
    expect(created).toEqual({ data: { name: 'invoices' }, error: null });
    const { data, error } = await admin.getBucket('invoices');
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: 'invoices', name: 'invoices', public: false, file_size_limit: 2_000_000, allowed_mime_types: ['application/pdf'] });
    expect(typeof data!.created_at).toBe('string');
    await admin.createBucket('avatars', { public: true });
    const list = await admin.listBuckets();
    expect(list.data!.map((b) => b.name)).toEqual(expect.arrayContaining(['avatars', 'invoices']));
    expect(list.data!.find((b) => b.name === 'avatars')).toMatchObject({ public: true, file_size_limit: null, allowed_mime_types: null });
  });

  it('refuses a duplicate bucket (409), a bad name and an over-limit size', async () => {
    const admin = t.admin().storage;
    expect((await admin.createBucket('invoices')).error).toMatchObject({ status: 400, statusCode: '409', message: 'The resource already exists' });
    expect((await admin.createBucket('bad/name')).error).toMatchObject({ statusCode: '400', message: 'Bucket name invalid' });
    expect((await admin.createBucket(' spaced')).error).toMatchObject({ message: 'Bucket name invalid' });
    expect((await admin.createBucket('huge', { public: false, fileSizeLimit: '5GB' })).error).toMatchObject({ statusCode: '413' });
    expect((await admin.createBucket('mimes', { public: false, allowedMimeTypes: ['not a type'] })).error).toMatchObject({ statusCode: '415' });
    const { rows } = await t.stack.ctx.db.query<{ id: string }>(`select id from storage.buckets where id in ('huge', 'mimes', ' spaced')`);
    expect(rows).toEqual([]);
  });

  it('updates a bucket and refuses a missing one', async () => {
    const admin = t.admin().storage;
    const upd = await admin.updateBucket('invoices', { public: true, fileSizeLimit: 1000, allowedMimeTypes: ['image/png'] });
    expect(upd).toEqual({ data: { message: 'Successfully updated' }, error: null });
    expect((await admin.getBucket('invoices')).data).toMatchObject({ public: true, file_size_limit: 1000, allowed_mime_types: ['image/png'] });
    expect((await admin.updateBucket('nope', { public: true })).error).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
    expect((await admin.getBucket('nope')).error).toMatchObject({ status: 400, statusCode: '404', message: 'Bucket not found' });
  });

  it('refuses to delete a non-empty bucket; empties it, then deletes it with its files', async () => {
    const admin = t.admin().storage;
    await admin.createBucket('scratch');
    await admin.from('scratch').upload('a/one.txt', new Blob(['1'], { type: 'text/plain' }));
    await admin.from('scratch').upload('two.txt', new Blob(['2'], { type: 'text/plain' }));
    const refused = await admin.deleteBucket('scratch');
    expect(refused.error).toMatchObject({ statusCode: '409', message: 'The bucket you tried to delete is not empty' });
    expect(await objectRows(t, 'scratch')).toHaveLength(2);
    expect((await admin.emptyBucket('scratch')).error).toBeNull();
    expect(await objectRows(t, 'scratch')).toHaveLength(0);
    expect(storedFiles(t).some((f) => f.includes('scratch'))).toBe(false);
    expect(await admin.deleteBucket('scratch')).toEqual({ data: { message: 'Successfully deleted' }, error: null });
    expect((await admin.getBucket('scratch')).error).toMatchObject({ statusCode: '404' });
    expect((await admin.deleteBucket('scratch')).error).toMatchObject({ statusCode: '404' });
  });

  it('refuses deleting storage rows with plain SQL, as Supabase does', async () => {
    await expect(t.stack.ctx.db.query(`delete from storage.buckets where id = 'invoices'`)).rejects.toThrow(
      'Direct deletion from storage tables is not allowed. Use the Storage API instead.',
    );
    await expect(t.stack.ctx.db.query('delete from storage.objects')).rejects.toThrow('Use the Storage API instead');
    expect((await t.admin().storage.getBucket('invoices')).error).toBeNull();
  });

  it('lets RLS decide for users: no policy, no buckets seen or created', async () => {
    const s = user.client.storage;
    expect((await s.listBuckets()).data).toEqual([]);
    expect((await s.getBucket('invoices')).error).toMatchObject({ statusCode: '404' });
    const created = await s.createBucket('mine');
    expect(created.error).toMatchObject({ status: 400, statusCode: '403', message: 'new row violates row-level security policy' });
    expect((await s.deleteBucket('invoices')).error).toMatchObject({ statusCode: '404' });
    expect((await t.admin().storage.getBucket('invoices')).error).toBeNull();
    // With a policy, the user can.
    await t.stack.ctx.db.exec(`create policy "users create buckets" on storage.buckets for insert to authenticated with check (true);
      create policy "users see own buckets" on storage.buckets for select to authenticated using (owner_id = (select auth.uid())::text);`);
    expect((await s.createBucket('mine')).error).toBeNull();
    expect((await s.listBuckets()).data!.map((b) => b.name)).toEqual(['mine']);
    const { rows } = await t.stack.ctx.db.query<{ owner: string }>(`select owner from storage.buckets where id = 'mine'`);
    expect(rows[0].owner).toBe(user.id);
  });
});
