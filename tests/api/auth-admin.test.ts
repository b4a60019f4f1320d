// The admin user API through auth-js (auth.admin.*) with the service_role key, and its refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../supabase/local/jwt.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';

let t: TestStack;
const PASSWORD = 'Start#2026a';

async function raw(path: string, init: RequestInit & { json?: unknown; key?: string; bearer?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('apikey', init.key ?? t.anonKey);
  if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const res = await fetch(`${t.url}/auth/v1${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : undefined });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const userCount = async () => (await t.stack.ctx.db.query<{ n: number }>(`select count(*)::int as n from auth.users`)).rows[0].n;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.close());

describe('auth.admin', () => {
  it('creates, reads, updates and deletes users', async () => {
    const admin = t.admin().auth.admin;
    const { data: created, error } = await admin.createUser({
      email: 'Ivan@Example.com',
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { full_name: 'Ivan' },
      app_metadata: { roles: ['staff'] },
    });
    expect(error).toBeNull();
    const u = created.user!;
    expect(u).toMatchObject({
      email: 'ivan@example.com',
      aud: 'authenticated',
      role: 'authenticated',
      app_metadata: { provider: 'email', providers: ['email'], roles: ['staff'] },
      user_metadata: { full_name: 'Ivan', email_verified: true },
    });
    expect(u.email_confirmed_at).toBeTruthy();
    expect(u.identities).toHaveLength(1);

    const { data: got } = await admin.getUserById(u.id);
    expect(got.user).toEqual(u);

    const { data: updated, error: upErr } = await admin.updateUserById(u.id, {
      user_metadata: { full_name: null, nickname: 'iv' },
      app_metadata: { roles: ['manager'] },
      ban_duration: '2h30m',
    });
    expect(upErr).toBeNull();
    expect(updated.user!.user_metadata).toEqual({ nickname: 'iv', email_verified: true });
    expect(updated.user!.app_metadata).toEqual({ provider: 'email', providers: ['email'], roles: ['manager'] });
    const bannedFor = Date.parse(updated.user!.banned_until!) - Date.now();
    expect(bannedFor).toBeGreaterThan(2.4 * 3600_000);
    expect(bannedFor).toBeLessThan(2.6 * 3600_000);
    const unbanned = await admin.updateUserById(u.id, { ban_duration: 'none' });
    expect(unbanned.data.user!.banned_until).toBeUndefined();

    const { data: moved } = await admin.updateUserById(u.id, { email: 'ivan.new@example.com', email_confirm: true });
    expect(moved.user!.email).toBe('ivan.new@example.com');
    expect(moved.user!.identities![0].identity_data).toMatchObject({ email: 'ivan.new@example.com' });

    const signIn = await t.client().auth.signInWithPassword({ email: 'ivan.new@example.com', password: PASSWORD });
    expect(signIn.error).toBeNull();
    const { error: pwErr } = await admin.updateUserById(u.id, { password: 'Another#2026c' });
    expect(pwErr).toBeNull();
    // An admin-set password signs the user out everywhere.
    expect((await signIn.data && (await t.client().auth.refreshSession({ refresh_token: signIn.data.session!.refresh_token }))).error?.code).toBe('refresh_token_not_found');
    const weak = await admin.updateUserById(u.id, { password: 'short' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });

    const audits = await t.stack.ctx.db.query<{ p: Record<string, any> }>(
      `select payload as p from auth.audit_log_entries where payload -> 'traits' ->> 'user_id' = $1 order by created_at`,
      [u.id],
    );
    expect(audits.rows[0].p).toMatchObject({ action: 'user_signedup', actor_username: 'service_role', log_type: 'team', actor_id: '00000000-0000-0000-0000-000000000000' });
    expect(audits.rows.filter((r) => r.p.action === 'user_modified').length).toBeGreaterThanOrEqual(4);

    const { error: delErr } = await admin.deleteUser(u.id);
    expect(delErr).toBeNull();
    const { data: gone, error: goneErr } = await admin.getUserById(u.id);
    expect(gone.user).toBeNull();
    expect(goneErr).toMatchObject({ status: 404, code: 'user_not_found', message: 'User not found' });
    expect((await t.stack.ctx.db.query(`select 1 from auth.identities where user_id = $1`, [u.id])).rows).toHaveLength(0);
  });

  it('soft-deletes, keeping the row but freeing the address', async () => {
    const admin = t.admin().auth.admin;
    const { data } = await admin.createUser({ email: 'judy@example.com', password: PASSWORD, email_confirm: true });
    const { error } = await admin.deleteUser(data.user!.id, true);
    expect(error).toBeNull();
    const { rows } = await t.stack.ctx.db.query<{ email: string; deleted: boolean }>(
      `select email, deleted_at is not null as deleted from auth.users where id = $1`,
      [data.user!.id],
    );
    expect(rows[0].deleted).toBe(true);
    expect(rows[0].email).not.toBe('judy@example.com');
    expect((await admin.createUser({ email: 'judy@example.com', password: PASSWORD })).error).toBeNull();
  });

  it('pages the user list with Link and X-Total-Count', async () => {
    const admin = t.admin().auth.admin;
    for (let i = 0; i < 5; i++) await admin.createUser({ email: `page${i}@example.com`, password: PASSWORD });
    const total = await userCount();
    // auth-js reads only the first digit of the page numbers in Link, so keep them below 10.
    const perPage = Math.max(2, Math.ceil(total / 5));
    const lastPage = Math.ceil(total / perPage);
    const { data, error } = await admin.listUsers({ page: 1, perPage });
    expect(error).toBeNull();
    expect(data.users).toHaveLength(perPage);
    expect(data).toMatchObject({ aud: 'authenticated', total, nextPage: 2, lastPage });
    // Newest first.
    expect(data.users[0].email).toBe('page4@example.com');
    const last = await admin.listUsers({ page: lastPage, perPage });
    expect(last.data).toMatchObject({ nextPage: null, lastPage });
    expect(last.data.users.length).toBe(total - perPage * (lastPage - 1));
    const res = await raw('/admin/users?page=2&per_page=2', { key: t.serviceRoleKey, bearer: t.serviceRoleKey });
    expect(res.headers.get('x-total-count')).toBe(String(total));
    expect(res.headers.get('link')).toBe(`</admin/users?page=3&per_page=2>; rel="next", </admin/users?page=${Math.ceil(total / 2)}&per_page=2>; rel="last"`);
    const filtered = await raw('/admin/users?filter=page3', { key: t.serviceRoleKey, bearer: t.serviceRoleKey });
    expect(filtered.body.users.map((u: { email: string }) => u.email)).toEqual(['page3@example.com']);
  });

  it('validates what it is given', async () => {
    const admin = t.admin().auth.admin;
    const before = await userCount();
    const dup = await admin.createUser({ email: 'page0@example.com', password: PASSWORD });
    expect(dup.error).toMatchObject({ status: 422, code: 'email_exists', message: 'A user with this email address has already been registered' });
    const bad = await admin.createUser({ email: 'not-an-email', password: PASSWORD });
    expect(bad.error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Unable to validate email address: invalid format' });
    const none = await admin.createUser({ password: PASSWORD });
    expect(none.error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Cannot create a user without either an email or phone' });
    const ban = await raw('/admin/users', { method: 'POST', key: t.serviceRoleKey, bearer: t.serviceRoleKey, json: { email: 'x@example.com', ban_duration: 'forever' } });
    expect(ban.body).toMatchObject({ code: 400, error_code: 'validation_failed' });
    expect(await userCount()).toBe(before);
    const notUuid = await raw('/admin/users/nope', { key: t.serviceRoleKey, bearer: t.serviceRoleKey });
    expect(notUuid.status).toBe(404);
    expect(notUuid.body).toEqual({ code: 404, error_code: 'validation_failed', msg: 'user_id must be an UUID' });
  });

  it('refuses anyone but an admin role', async () => {
    const before = await userCount();
    const anon = await t.client().auth.admin.createUser({ email: 'eve@example.com', password: PASSWORD });
    expect(anon.error).toMatchObject({ status: 403, code: 'not_admin', message: 'User not allowed' });
    const list = await t.client().auth.admin.listUsers();
    expect(list.error).toMatchObject({ status: 403, code: 'not_admin' });

    await t.admin().auth.admin.createUser({ email: 'staff@example.com', password: PASSWORD, email_confirm: true });
    const c = t.client();
    const { data } = await c.auth.signInWithPassword({ email: 'staff@example.com', password: PASSWORD });
    const asUser = await raw('/admin/users', { bearer: data.session!.access_token });
    expect(asUser.body).toEqual({ code: 403, error_code: 'not_admin', msg: 'User not allowed' });

    // service_role signed with any other secret is not the stack's.
    const forged = await signJwt({ role: 'service_role', iss: 'supabase-demo', exp: 1983812996 }, 'another-secret-that-is-at-least-32-characters');
    const res = await raw('/admin/users', { method: 'POST', key: t.anonKey, bearer: forged, json: { email: 'eve@example.com' } });
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('bad_jwt');
    const noBearer = await fetch(`${t.url}/auth/v1/admin/users`, { headers: { apikey: t.serviceRoleKey } });
    expect(noBearer.status).toBe(401);
    expect(await userCount()).toBe(before + 1);
  });

  it('invites by mail; the invited user follows the link and sets a password', async () => {
    const { data, error } = await t.admin().auth.admin.inviteUserByEmail('newhire@example.com', { data: { full_name: 'New Hire' } });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email: 'newhire@example.com', user_metadata: { full_name: 'New Hire' } });
    expect(data.user!.invited_at).toBeTruthy();
    expect(data.user!.email_confirmed_at).toBeUndefined();
    const mails = await (await fetch(`${t.url}/mailbox/api/messages?to=newhire@example.com`)).json();
    expect(mails[0].kind).toBe('invite');
    const res = await fetch(mails[0].links[0], { redirect: 'manual' });
    const fragment = new URLSearchParams(new URL(res.headers.get('location')!).hash.slice(1));
    expect(fragment.get('type')).toBe('invite');
    const c = t.client();
    await c.auth.setSession({ access_token: fragment.get('access_token')!, refresh_token: fragment.get('refresh_token')! });
    expect((await c.auth.updateUser({ password: 'Welcome#2026' })).error).toBeNull();
    const signIn = await t.client().auth.signInWithPassword({ email: 'newhire@example.com', password: 'Welcome#2026' });
    expect(signIn.error).toBeNull();
    expect(signIn.data.user!.email_confirmed_at).toBeTruthy();
    const again = await t.admin().auth.admin.inviteUserByEmail('newhire@example.com');
    expect(again.error).toMatchObject({ status: 422, code: 'email_exists' });
    expect((await t.client().auth.admin.inviteUserByEmail('x@example.com')).error).toMatchObject({ status: 403, code: 'not_admin' });
  });

  it('generates recovery links without mailing them', async () => {
    await t.admin().auth.admin.createUser({ email: 'linked@example.com', password: PASSWORD, email_confirm: true });
    const before = (await (await fetch(`${t.url}/mailbox/api/messages?to=linked@example.com`)).json()).length;
    const { data, error } = await t.admin().auth.admin.generateLink({ type: 'recovery', email: 'linked@example.com' });
    expect(error).toBeNull();
    expect(data.user!.email).toBe('linked@example.com');
    expect(data.properties).toMatchObject({ verification_type: 'recovery', redirect_to: 'http://localhost:5173', email_otp: expect.stringMatching(/^\d{6}$/) });
    expect(data.properties!.action_link).toContain(`/auth/v1/verify?token=${data.properties!.hashed_token}&type=recovery`);
    expect((await (await fetch(`${t.url}/mailbox/api/messages?to=linked@example.com`)).json()).length).toBe(before);
    const { data: v, error: vErr } = await t.client().auth.verifyOtp({ email: 'linked@example.com', token: data.properties!.email_otp, type: 'recovery' });
    expect(vErr).toBeNull();
    expect(v.session).toBeTruthy();
    const missing = await t.admin().auth.admin.generateLink({ type: 'recovery', email: 'ghost@example.com' });
    expect(missing.error).toMatchObject({ status: 404, code: 'user_not_found' });
  });
});
