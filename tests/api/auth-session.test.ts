// Password sign-in, sessions, refresh, user updates and sign-out through auth-js, and the raw
// error bodies GoTrue sends, on the local stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import type { AuthChangeEvent } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../helpers/stack.ts';

let t: TestStack;
const PASSWORD = 'Start#2026a';

async function createUser(email: string, password = PASSWORD, extra: Record<string, unknown> = {}) {
  const { data, error } = await t.admin().auth.admin.createUser({ email, password, email_confirm: true, ...extra });
  if (error) throw error;
  return data.user!;
}

async function raw(path: string, init: RequestInit & { json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has('apikey')) headers.set('apikey', t.anonKey);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const res = await fetch(`${t.url}/auth/v1${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return (await t.stack.ctx.db.query<{ n: number }>(sql, params)).rows[0].n;
}

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.close());

describe('password sign-in', () => {
  it('signs in with supabase-js and returns a GoTrue session', async () => {
    const user = await createUser('alice@example.com', PASSWORD, { user_metadata: { full_name: 'Alice' } });
    const client = t.client();
    const { data, error } = await client.auth.signInWithPassword({ email: 'Alice@Example.com', password: PASSWORD });
    expect(error).toBeNull();
    const s = data.session!;
    expect(s.token_type).toBe('bearer');
    expect(s.expires_in).toBeGreaterThan(3590);
    expect(s.expires_in).toBeLessThanOrEqual(3600);
    expect(s.expires_at).toBe(Math.floor(Date.now() / 1000) + s.expires_in);
    expect(s.refresh_token).toMatch(/^[a-z2-7]{12}$/);
    expect(data.user).toMatchObject({
      id: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: 'alice@example.com',
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Alice', email_verified: true },
      is_anonymous: false,
    });
    expect(data.user!.last_sign_in_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(data.user!.identities).toHaveLength(1);
    expect(data.user!.identities![0]).toMatchObject({ id: user.id, user_id: user.id, provider: 'email', email: 'alice@example.com' });
    expect(data.user!.identities![0].identity_data).toMatchObject({ sub: user.id, email: 'alice@example.com' });

    const claims = decodeJwt(s.access_token);
    expect(claims).toMatchObject({
      aud: 'authenticated',
      iss: `${t.url}/auth/v1`,
      sub: user.id,
      email: 'alice@example.com',
      phone: '',
      role: 'authenticated',
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Alice', email_verified: true },
    });
    expect(claims.exp).toBe(s.expires_at);
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect(await count(`select count(*)::int as n from auth.sessions where id = $1 and user_id = $2`, [claims.session_id, user.id])).toBe(1);

    const { data: got } = await client.auth.getSession();
    expect(got.session?.access_token).toBe(s.access_token);
    const { data: me, error: meErr } = await client.auth.getUser();
    expect(meErr).toBeNull();
    expect(me.user?.id).toBe(user.id);
    // Passwords are stored the way Supabase stores them.
    const { rows } = await t.stack.ctx.db.query<{ p: string }>(`select encrypted_password as p from auth.users where id = $1`, [user.id]);
    expect(rows[0].p).toMatch(/^\$2a\$10\$/);
  });

  it('refuses a wrong password and an unknown email with the same answer, and audits both', async () => {
    await createUser('bob@example.com');
    const before = await count(`select count(*)::int as n from auth.sessions`);
    const wrong = await raw('/token?grant_type=password', {
      method: 'POST',
      headers: { 'x-supabase-api-version': '2024-01-01' },
      json: { email: 'bob@example.com', password: 'Wrong#2026a' },
    });
    const unknown = await raw('/token?grant_type=password', {
      method: 'POST',
      headers: { 'x-supabase-api-version': '2024-01-01' },
      json: { email: 'nobody@example.com', password: 'Wrong#2026a' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get('x-sb-error-code')).toBe('invalid_credentials');
    expect(wrong.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    // Without the version header: the legacy shape.
    const legacy = await raw('/token?grant_type=password', { method: 'POST', json: { email: 'bob@example.com', password: 'nope' } });
    expect(legacy.body).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
    expect(await count(`select count(*)::int as n from auth.sessions`)).toBe(before);
    expect(
      await count(`select count(*)::int as n from auth.audit_log_entries where payload ->> 'action' = 'login_failed' and payload ->> 'actor_username' = 'bob@example.com'`),
    ).toBe(2);

    const { data, error } = await t.client().auth.signInWithPassword({ email: 'bob@example.com', password: 'Wrong#2026a' });
    expect(data.session).toBeNull();
    expect(error).toMatchObject({ name: 'AuthApiError', status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
  });

  it('validates the request', async () => {
    const both = await raw('/token?grant_type=password', { method: 'POST', json: { email: 'a@b.co', phone: '123', password: 'x' } });
    expect(both.body).toEqual({ code: 400, error_code: 'validation_failed', msg: 'Only an email address or phone number should be provided on login.' });
    const none = await raw('/token?grant_type=password', { method: 'POST', json: { password: 'x' } });
    expect(none.body).toMatchObject({ error_code: 'validation_failed', msg: 'missing email or phone' });
    const grant = await raw('/token?grant_type=magic', { method: 'POST', json: {} });
    expect(grant.body).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'unsupported_grant_type' });
    const badJson = await raw('/token?grant_type=password', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error_code).toBe('bad_json');
    const noKey = await fetch(`${t.url}/auth/v1/token?grant_type=password`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ message: 'No API key found in request' });
  });

  it('refuses a banned user and an unconfirmed email', async () => {
    await createUser('banned@example.com', PASSWORD, { ban_duration: '24h' });
    const banned = await raw('/token?grant_type=password', { method: 'POST', json: { email: 'banned@example.com', password: PASSWORD } });
    expect(banned.body).toEqual({ code: 400, error_code: 'user_banned', msg: 'User is banned' });
    await t.admin().auth.admin.createUser({ email: 'unconfirmed@example.com', password: PASSWORD });
    const unconfirmed = await raw('/token?grant_type=password', { method: 'POST', json: { email: 'unconfirmed@example.com', password: PASSWORD } });
    expect(unconfirmed.body).toEqual({ code: 400, error_code: 'email_not_confirmed', msg: 'Email not confirmed' });
  });

  it('reports a weak password at sign-in without refusing it', async () => {
    await createUser('weakling@example.com', 'short');
    const { data, error } = await t.client().auth.signInWithPassword({ email: 'weakling@example.com', password: 'short' });
    expect(error).toBeNull();
    expect(data.weakPassword).toEqual({
      message: 'Password should be at least 8 characters. Password should contain at least one character of each: abcdefghijklmnopqrstuvwxyz, ABCDEFGHIJKLMNOPQRSTUVWXYZ, 0123456789.',
      reasons: ['length', 'characters'],
    });
  });
});

describe('refresh tokens', () => {
  it('rotates on use and emits TOKEN_REFRESHED', async () => {
    await createUser('carol@example.com');
    const client = t.client();
    const events: AuthChangeEvent[] = [];
    client.auth.onAuthStateChange((event) => {
      events.push(event);
    });
    const { data } = await client.auth.signInWithPassword({ email: 'carol@example.com', password: PASSWORD });
    const first = data.session!;
    const { data: refreshed, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    const second = refreshed.session!;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.access_token).session_id).toBe(decodeJwt(first.access_token).session_id);
    expect(decodeJwt(second.access_token).amr).toEqual(decodeJwt(first.access_token).amr);
    // A refresh is not a sign-in.
    expect(second.user.last_sign_in_at).toBe(first.user.last_sign_in_at);
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual(expect.arrayContaining(['SIGNED_IN', 'TOKEN_REFRESHED']));
    const { rows } = await t.stack.ctx.db.query<{ token: string; revoked: boolean; parent: string | null }>(
      `select token, revoked, parent from auth.refresh_tokens where session_id = $1 order by id`,
      [decodeJwt(first.access_token).session_id],
    );
    expect(rows).toEqual([
      { token: first.refresh_token, revoked: true, parent: null },
      { token: second.refresh_token, revoked: false, parent: first.refresh_token },
    ]);
    expect(await count(`select count(*)::int as n from auth.audit_log_entries where payload ->> 'action' = 'token_refreshed' and payload ->> 'actor_username' = 'carol@example.com'`)).toBe(1);
  });

  it('gives the active token back to its parent, and revokes the session on older reuse', async () => {
    await createUser('dave@example.com');
    const refresh = (token: string) => raw('/token?grant_type=refresh_token', { method: 'POST', json: { refresh_token: token } });
    const signIn = await raw('/token?grant_type=password', { method: 'POST', json: { email: 'dave@example.com', password: PASSWORD } });
    const a = signIn.body.refresh_token as string;
    const b = (await refresh(a)).body.refresh_token as string;
    // The client lost the answer and retries with A: it gets B again, not a new token.
    const again = await refresh(a);
    expect(again.status).toBe(200);
    expect(again.body.refresh_token).toBe(b);
    const c = (await refresh(b)).body.refresh_token as string;
    expect(c).not.toBe(b);
    // A is now older than the active token's parent. Within the reuse interval it still works…
    const d = (await refresh(a)).body.refresh_token as string;
    expect(d).toMatch(/^[a-z2-7]{12}$/);
    const e = (await refresh(d)).body;
    // …after the interval its reuse is treated as theft: the whole session is revoked.
    await t.stack.ctx.db.query(`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1`, [a]);
    const reuse = await refresh(a);
    expect(reuse.body).toEqual({ code: 400, error_code: 'refresh_token_already_used', msg: 'Invalid Refresh Token: Already Used' });
    const sessionId = decodeJwt(signIn.body.access_token).session_id;
    expect(await count(`select count(*)::int as n from auth.sessions where id = $1`, [sessionId])).toBe(0);
    expect(await count(`select count(*)::int as n from auth.audit_log_entries where payload -> 'traits' ->> 'reason' = 'refresh_token_reuse' and payload -> 'traits' ->> 'session_id' = $1`, [sessionId])).toBe(1);
    const afterTheft = await refresh(e.refresh_token);
    expect(afterTheft.body.error_code).toBe('refresh_token_not_found');
    const user = await raw('/user', { headers: { authorization: `Bearer ${e.access_token}` } });
    expect(user.body.error_code).toBe('session_not_found');
  });

  it('refuses unknown, missing, banned and deleted users’ tokens', async () => {
    const missing = await raw('/token?grant_type=refresh_token', { method: 'POST', json: {} });
    expect(missing.body).toEqual({ error: 'invalid_request', error_description: 'refresh_token required' });
    const unknown = await raw('/token?grant_type=refresh_token', { method: 'POST', json: { refresh_token: 'abcdefghijkl' } });
    expect(unknown.body).toEqual({ code: 400, error_code: 'refresh_token_not_found', msg: 'Invalid Refresh Token: Refresh Token Not Found' });

    const erin = await createUser('erin@example.com');
    const s = (await raw('/token?grant_type=password', { method: 'POST', json: { email: 'erin@example.com', password: PASSWORD } })).body;
    await t.admin().auth.admin.updateUserById(erin.id, { ban_duration: '1h' });
    const banned = await raw('/token?grant_type=refresh_token', { method: 'POST', json: { refresh_token: s.refresh_token } });
    expect(banned.body).toEqual({ code: 400, error_code: 'user_banned', msg: 'Invalid Refresh Token: User Banned' });
    const user = await raw('/user', { headers: { authorization: `Bearer ${s.access_token}` } });
    expect(user.status).toBe(403);
    expect(user.body.error_code).toBe('user_banned');
    await t.admin().auth.admin.updateUserById(erin.id, { ban_duration: 'none' });
    const unbanned = await raw('/token?grant_type=refresh_token', { method: 'POST', json: { refresh_token: s.refresh_token } });
    expect(unbanned.status).toBe(200);

    await t.admin().auth.admin.deleteUser(erin.id);
    const deleted = await raw('/token?grant_type=refresh_token', { method: 'POST', json: { refresh_token: unbanned.body.refresh_token } });
    expect(deleted.body.error_code).toBe('refresh_token_not_found');
    const gone = await raw('/user', { headers: { authorization: `Bearer ${unbanned.body.access_token}` } });
    expect(gone.status).toBe(403);
    expect(gone.body).toEqual({ code: 403, error_code: 'user_not_found', msg: 'User from sub claim in JWT does not exist' });
  });
});

describe('user updates', () => {
  it('updates metadata and password; other sessions end, this one stays', async () => {
    await createUser('frank@example.com', PASSWORD, { user_metadata: { full_name: 'Frank', team: 'a' } });
    const other = t.client();
    await other.auth.signInWithPassword({ email: 'frank@example.com', password: PASSWORD });
    const client = t.client();
    const events: AuthChangeEvent[] = [];
    client.auth.onAuthStateChange((e) => {
      events.push(e);
    });
    await client.auth.signInWithPassword({ email: 'frank@example.com', password: PASSWORD });
    const { data, error } = await client.auth.updateUser({ data: { team: null, title: 'Lead' } });
    expect(error).toBeNull();
    expect(data.user!.user_metadata).toEqual({ full_name: 'Frank', title: 'Lead', email_verified: true });

    const weak = await client.auth.updateUser({ password: 'weak' });
    expect(weak.error).toMatchObject({ name: 'AuthWeakPasswordError', status: 422, code: 'weak_password', reasons: ['length', 'characters'] });
    const same = await client.auth.updateUser({ password: PASSWORD });
    expect(same.error).toMatchObject({ status: 422, code: 'same_password' });
    const appMeta = await raw('/user', {
      method: 'PUT',
      headers: { authorization: `Bearer ${(await client.auth.getSession()).data.session!.access_token}` },
      json: { app_metadata: { roles: ['admin'] } },
    });
    expect(appMeta.body).toEqual({ code: 403, error_code: 'not_admin', msg: 'Updating app_metadata requires admin privileges' });

    const changed = await client.auth.updateUser({ password: 'Changed#2026b' });
    expect(changed.error).toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toContain('USER_UPDATED');
    // The other device's refresh token died with its session.
    const otherRefresh = await other.auth.refreshSession();
    expect(otherRefresh.error).toMatchObject({ code: 'refresh_token_not_found' });
    expect((await client.auth.refreshSession()).error).toBeNull();
    expect((await t.client().auth.signInWithPassword({ email: 'frank@example.com', password: PASSWORD })).error?.code).toBe('invalid_credentials');
    expect((await t.client().auth.signInWithPassword({ email: 'frank@example.com', password: 'Changed#2026b' })).error).toBeNull();
  });

  it('mails a confirmation to both addresses before changing the email', async () => {
    await createUser('grace@example.com');
    const client = t.client();
    await client.auth.signInWithPassword({ email: 'grace@example.com', password: PASSWORD });
    const { data, error } = await client.auth.updateUser({ email: 'grace.new@example.com' });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email: 'grace@example.com', new_email: 'grace.new@example.com' });
    const mails = await (await fetch(`${t.url}/mailbox/api/messages`)).json();
    const toNew = mails.find((m: { to: string }) => m.to === 'grace.new@example.com');
    const toOld = mails.find((m: { to: string; kind: string }) => m.to === 'grace@example.com' && m.kind === 'email_change');
    expect(toNew.subject).toBe('Confirm Email Change');
    const follow = async (link: string) => fetch(link, { redirect: 'manual' });
    const first = await follow(toOld.links[0]);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toContain('#message=Confirmation+link+accepted');
    const second = await follow(toNew.links[0]);
    expect(second.headers.get('location')).toMatch(/#access_token=.+&type=email_change$/);
    const { data: me } = await t.admin().auth.admin.listUsers();
    expect(me.users.find((u) => u.email === 'grace.new@example.com')).toBeTruthy();
  });

  it('refuses tokens it did not issue', async () => {
    const noBearer = await raw('/user');
    expect(noBearer.status).toBe(401);
    expect(noBearer.body).toEqual({ code: 401, error_code: 'no_authorization', msg: 'This endpoint requires a valid Bearer token' });
    const anon = await raw('/user', { headers: { authorization: `Bearer ${t.anonKey}` } });
    expect(anon.body).toEqual({ code: 403, error_code: 'bad_jwt', msg: 'invalid claim: missing sub claim' });
    const { data, error } = await t.client().auth.getUser('not-a-jwt');
    expect(data.user).toBeNull();
    expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
  });
});

describe('sign-out', () => {
  it('local ends this session, others the rest, global all', async () => {
    await createUser('heidi@example.com');
    const clients = [t.client(), t.client(), t.client()];
    for (const c of clients) await c.auth.signInWithPassword({ email: 'heidi@example.com', password: PASSWORD });
    const sessions = () => count(`select count(*)::int as n from auth.sessions s join auth.users u on u.id = s.user_id where u.email = 'heidi@example.com'`);
    expect(await sessions()).toBe(3);
    const events: AuthChangeEvent[] = [];
    clients[0].auth.onAuthStateChange((e) => {
      events.push(e);
    });
    expect((await clients[0].auth.signOut({ scope: 'local' })).error).toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toContain('SIGNED_OUT');
    expect((await clients[0].auth.getSession()).data.session).toBeNull();
    expect(await sessions()).toBe(2);
    expect((await clients[1].auth.signOut({ scope: 'others' })).error).toBeNull();
    expect(await sessions()).toBe(1);
    expect((await clients[1].auth.getSession()).data.session).not.toBeNull();
    expect((await clients[2].auth.refreshSession()).error?.code).toBe('refresh_token_not_found');
    const token = (await clients[1].auth.getSession()).data.session!.access_token;
    expect((await clients[1].auth.signOut()).error).toBeNull();
    expect(await sessions()).toBe(0);
    // The access token outlives the session only where nobody checks: /user does.
    const after = await raw('/user', { headers: { authorization: `Bearer ${token}` } });
    expect(after.body).toEqual({ code: 403, error_code: 'session_not_found', msg: 'Session from session_id claim in JWT does not exist' });
    const bad = await raw('/logout?scope=everything', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(403);
    expect(await count(`select count(*)::int as n from auth.audit_log_entries where payload ->> 'action' = 'logout' and payload ->> 'actor_username' = 'heidi@example.com'`)).toBe(3);
  });
});

describe('settings, health and signup', () => {
  it('answers /settings and /health', async () => {
    const settings = await raw('/settings');
    expect(settings.body).toMatchObject({ disable_signup: true, mailer_autoconfirm: true, external: { email: true, github: false } });
    const health = await raw('/health');
    expect(health.body).toMatchObject({ name: 'GoTrue' });
  });

  it('refuses sign-up when config.toml turns it off', async () => {
    const { data, error } = await t.client().auth.signUp({ email: 'mallory@example.com', password: PASSWORD });
    expect(data.user).toBeNull();
    expect(error).toMatchObject({ status: 422, code: 'signup_disabled', message: 'Signups not allowed for this instance' });
    expect(await count(`select count(*)::int as n from auth.users where email = 'mallory@example.com'`)).toBe(0);
  });
});
