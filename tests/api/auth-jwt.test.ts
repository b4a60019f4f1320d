// Access tokens: tampered or foreign tokens are refused, the custom access token hook shapes the
// claims, and RLS sees auth.uid() of the signed-in user.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, SignJWT, UnsecuredJWT } from 'jose';
import { PROJECT_ROOT } from '../../supabase/local/config.ts';
import { runAsRole } from '../../supabase/local/db/as-role.ts';
import { secretKey, signJwt } from '../../supabase/local/jwt.ts';
import { startTestStack, tempDir, type TestStack } from '../helpers/stack.ts';

let t: TestStack;
const PASSWORD = 'Start#2026a';
const HOOK = 'auth_test_access_token_hook';

/** config.toml as shipped, with the custom access token hook pointed at this suite's fixture. */
function tomlWithHook(): string {
  const dir = tempDir('bizdesk-auth-jwt-');
  const source = fs.readFileSync(path.join(PROJECT_ROOT, 'supabase/config.toml'), 'utf8');
  const withoutHook = source.replace(/\[auth\.hook\.custom_access_token\][^[]*/s, '');
  const file = path.join(dir, 'config.toml');
  fs.writeFileSync(file, `${withoutHook}\n[auth.hook.custom_access_token]\nenabled = true\nuri = "pg-functions://postgres/public/${HOOK}"\n`);
  return file;
}

async function signIn(email: string) {
  const { data, error } = await t.client().auth.signInWithPassword({ email, password: PASSWORD });
  if (error) throw error;
  return data.session!;
}

async function getUser(token: string) {
  const res = await fetch(`${t.url}/auth/v1/user`, { headers: { apikey: t.anonKey, authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  t = await startTestStack({ tomlPath: tomlWithHook() });
  // The fixture hook: copies app_metadata.roles into a top-level claim, refuses a user flagged
  // "blocked", and is granted to supabase_auth_admin only, as Supabase's docs ask.
  await t.stack.ctx.db.exec(`
    create function public.${HOOK}(event jsonb) returns jsonb language plpgsql stable as $$
    declare claims jsonb := event -> 'claims';
    begin
      if event -> 'claims' -> 'user_metadata' ->> 'blocked' = 'true' then
        return jsonb_build_object('error', jsonb_build_object('http_code', 403, 'message', 'blocked by hook'));
      end if;
      claims := jsonb_set(claims, '{user_roles}', coalesce(claims -> 'app_metadata' -> 'roles', '[]'::jsonb));
      claims := jsonb_set(claims, '{hook_method}', to_jsonb(event ->> 'authentication_method'));
      claims := jsonb_set(claims, '{hook_user}', to_jsonb(event ->> 'user_id'));
      claims := jsonb_set(claims, '{hook_role}', to_jsonb(current_user::text));
      return jsonb_build_object('claims', claims);
    end $$;
    grant execute on function public.${HOOK}(jsonb) to supabase_auth_admin;
    revoke execute on function public.${HOOK}(jsonb) from authenticated, anon, public;
    create table public.auth_probe_notes (id serial primary key, owner uuid not null, body text);
    alter table public.auth_probe_notes enable row level security;
    create policy "own notes" on public.auth_probe_notes for select to authenticated using (owner = (select auth.uid()));
    grant select on public.auth_probe_notes to authenticated;`);
  // Let the REST API's schema cache see the new table.
  for (const reload of t.stack.ctx.onSchemaChange) await reload();
  const admin = t.admin().auth.admin;
  for (const email of ['kim@example.com', 'lee@example.com']) {
    const { error } = await admin.createUser({ email, password: PASSWORD, email_confirm: true, app_metadata: { roles: ['staff'] } });
    if (error) throw error;
  }
});
afterAll(() => t?.close());

describe('custom access token hook', () => {
  it('runs as supabase_auth_admin with GoTrue’s input and its claims become the token', async () => {
    const s = await signIn('kim@example.com');
    const claims = decodeJwt(s.access_token);
    expect(claims).toMatchObject({
      sub: s.user.id,
      role: 'authenticated',
      user_roles: ['staff'],
      hook_method: 'password',
      hook_user: s.user.id,
      hook_role: 'supabase_auth_admin',
    });
    const refreshed = await t.client().auth.refreshSession({ refresh_token: s.refresh_token });
    expect(decodeJwt(refreshed.data.session!.access_token)).toMatchObject({ hook_method: 'token_refresh', user_roles: ['staff'] });
    // The hook's claims are what REST and RLS will see.
    expect((await getUser(refreshed.data.session!.access_token)).status).toBe(200);
  });

  it('passes the hook’s error on and issues nothing', async () => {
    const { data } = await t.admin().auth.admin.createUser({
      email: 'blocked@example.com', password: PASSWORD, email_confirm: true, user_metadata: { blocked: true },
    });
    const before = (await t.stack.ctx.db.query<{ n: number }>(`select count(*)::int as n from auth.sessions where user_id = $1`, [data.user!.id])).rows[0].n;
    const { data: d, error } = await t.client().auth.signInWithPassword({ email: 'blocked@example.com', password: PASSWORD });
    expect(d.session).toBeNull();
    expect(error).toMatchObject({ status: 403, message: 'blocked by hook' });
    const after = (await t.stack.ctx.db.query<{ n: number }>(`select count(*)::int as n from auth.sessions where user_id = $1`, [data.user!.id])).rows[0].n;
    expect(after).toBe(before);
  });
});

describe('tampered tokens', () => {
  it('refuses changed claims, alg none, a foreign secret, expiry and self-made service_role', async () => {
    const s = await signIn('lee@example.com');
    expect((await getUser(s.access_token)).status).toBe(200);
    const [h, , sig] = s.access_token.split('.');
    const claims = decodeJwt(s.access_token);
    const otherUser = (await t.admin().auth.admin.listUsers()).data.users.find((u) => u.email === 'kim@example.com')!;
    const changed = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: otherUser.id })).toString('base64url')}.${sig}`;
    const none = new UnsecuredJWT({ ...claims }).encode();
    const foreign = await signJwt({ ...claims }, 'some-other-secret-with-at-least-32-chars!!');
    const expired = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(secretKey(t.stack.ctx.config.jwtSecret));
    for (const token of [changed, none, foreign, expired]) {
      const res = await getUser(token);
      expect(res.status).toBe(403);
      expect(res.body.error_code).toBe('bad_jwt');
    }
    expect((await getUser(expired)).body.msg).toContain('token is expired');
    expect((await getUser(none)).body.msg).toContain('signing method none is invalid');

    const selfMade = await signJwt({ role: 'service_role', exp: Math.floor(Date.now() / 1000) + 60 }, 'attacker-chosen-secret-of-32-characters!');
    const res = await fetch(`${t.url}/auth/v1/admin/users`, { headers: { apikey: t.anonKey, authorization: `Bearer ${selfMade}` } });
    expect(res.status).toBe(403);
    expect((await res.json()).error_code).toBe('bad_jwt');
  });
});

describe('row level security', () => {
  it('sees auth.uid() of the signed-in user, and a revoked session cannot refresh', async () => {
    const kim = await signIn('kim@example.com');
    const lee = await signIn('lee@example.com');
    await t.stack.ctx.db.query(`insert into public.auth_probe_notes (owner, body) values ($1, 'kim'), ($2, 'lee')`, [kim.user.id, lee.user.id]);
    const claims = decodeJwt(kim.access_token);
    const req = { method: 'GET', path: '/rest/v1/auth_probe_notes', headers: {} };
    const seen = await runAsRole(t.stack.ctx.db, String(claims.role), claims, req, async (tx) =>
      (await tx.query<{ body: string; uid: string }>(`select body, auth.uid()::text as uid from public.auth_probe_notes`)).rows,
    );
    expect(seen).toEqual([{ body: 'kim', uid: kim.user.id }]);

    // The same through the REST API with the issued token.
    const client = t.client();
    await client.auth.setSession({ access_token: kim.access_token, refresh_token: kim.refresh_token });
    const rest = await client.from('auth_probe_notes').select('body');
    expect(rest.error).toBeNull();
    expect(rest.data).toEqual([{ body: 'kim' }]);
    const anon = await t.client().from('auth_probe_notes').select('body');
    expect(anon.data ?? []).toEqual([]);

    expect((await client.auth.signOut()).error).toBeNull();
    const again = await t.client().auth.refreshSession({ refresh_token: kim.refresh_token });
    expect(again.error).toMatchObject({ code: 'refresh_token_not_found' });
    expect(again.data.session).toBeNull();
  });
});
