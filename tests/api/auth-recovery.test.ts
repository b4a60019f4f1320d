// Password reset through the local mailbox: resetPasswordForEmail, the mailed link, verifyOtp.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthChangeEvent } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../helpers/stack.ts';

let t: TestStack;
const PASSWORD = 'Start#2026a';

interface Mail {
  id: string;
  to: string;
  subject: string;
  kind: string;
  text: string;
  html: string;
  links: string[];
}

async function mailsTo(email: string): Promise<Mail[]> {
  return (await fetch(`${t.url}/mailbox/api/messages?to=${encodeURIComponent(email)}`)).json();
}

const otpOf = (m: Mail) => /code: (\d{6})/.exec(m.text)![1];
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  t = await startTestStack();
  for (const email of ['nina@example.com', 'omar@example.com', 'pia@example.com']) {
    const { error } = await t.admin().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
    if (error) throw error;
  }
});
afterAll(() => t?.close());

describe('password recovery', () => {
  it('mails a link that signs the user in for a new password', async () => {
    const { data, error } = await t.client().auth.resetPasswordForEmail('nina@example.com', { redirectTo: 'http://localhost:5173/reset' });
    expect(error).toBeNull();
    expect(data).toEqual({});
    const [mail] = await mailsTo('nina@example.com');
    expect(mail.subject).toBe('Reset Your Password');
    const link = new URL(mail.links[0]);
    expect(`${link.origin}${link.pathname}`).toBe(`${t.url}/auth/v1/verify`);
    expect(link.searchParams.get('type')).toBe('recovery');
    expect(link.searchParams.get('redirect_to')).toBe('http://localhost:5173/reset');

    // The link works without an apikey, like on Supabase.
    const res = await fetch(mail.links[0], { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:5173/reset');
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('type')).toBe('recovery');
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('expires_in')).toBe('3600');

    const client = t.client();
    const { error: setErr } = await client.auth.setSession({ access_token: fragment.get('access_token')!, refresh_token: fragment.get('refresh_token')! });
    expect(setErr).toBeNull();
    expect((await client.auth.updateUser({ password: 'Reset#2026z' })).error).toBeNull();
    expect((await t.client().auth.signInWithPassword({ email: 'nina@example.com', password: 'Reset#2026z' })).error).toBeNull();
    expect((await t.client().auth.signInWithPassword({ email: 'nina@example.com', password: PASSWORD })).error?.code).toBe('invalid_credentials');

    // The link is single-use.
    const reused = await fetch(mail.links[0], { redirect: 'manual' });
    const err = new URLSearchParams(new URL(reused.headers.get('location')!).hash.slice(1));
    expect(Object.fromEntries(err)).toEqual({
      error: 'access_denied', error_code: 'otp_expired', error_description: 'Email link is invalid or has expired', sb: '',
    });
    const audit = await t.stack.ctx.db.query<{ a: string }>(
      `select payload ->> 'action' as a from auth.audit_log_entries where payload ->> 'actor_username' = 'nina@example.com' order by created_at`,
    );
    expect(audit.rows.map((r) => r.a)).toEqual(expect.arrayContaining(['user_recovery_requested', 'login', 'user_updated_password']));
  });

  it('verifies the mailed code with verifyOtp and emits PASSWORD_RECOVERY', async () => {
    await t.client().auth.resetPasswordForEmail('omar@example.com');
    const [mail] = await mailsTo('omar@example.com');
    const client = t.client();
    const events: AuthChangeEvent[] = [];
    client.auth.onAuthStateChange((e) => {
      events.push(e);
    });
    const wrong = await client.auth.verifyOtp({ email: 'omar@example.com', token: '000000' === otpOf(mail) ? '111111' : '000000', type: 'recovery' });
    expect(wrong.error).toMatchObject({ status: 403, code: 'otp_expired', message: 'Token has expired or is invalid' });
    const { data, error } = await client.auth.verifyOtp({ email: 'omar@example.com', token: otpOf(mail), type: 'recovery' });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe('omar@example.com');
    await wait(20);
    expect(events).toContain('PASSWORD_RECOVERY');
  });

  it('verifies a token hash, and refuses mixed or missing parameters', async () => {
    await wait(1100); // [auth.email] max_frequency
    await t.client().auth.resetPasswordForEmail('omar@example.com');
    const [mail] = await mailsTo('omar@example.com');
    const hash = new URL(mail.links[0]).searchParams.get('token')!;
    const post = (json: unknown) =>
      fetch(`${t.url}/auth/v1/verify`, { method: 'POST', headers: { apikey: t.anonKey, 'content-type': 'application/json' }, body: JSON.stringify(json) }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect((await post({ type: 'recovery' })).body).toEqual({ code: 400, error_code: 'validation_failed', msg: 'Verify requires either a token or a token hash' });
    expect((await post({ token_hash: hash })).body.msg).toBe('Verify requires a verification type');
    expect((await post({ type: 'recovery', token_hash: hash, email: 'omar@example.com' })).body.msg).toBe('Only the token_hash and type should be provided');
    const { data, error } = await t.client().auth.verifyOtp({ token_hash: hash, type: 'recovery' });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    expect((await post({ type: 'recovery', token_hash: hash })).body.error_code).toBe('otp_expired');
  });

  it('answers the same for unknown addresses, limits mail frequency, and keeps redirects on allowed hosts', async () => {
    const unknown = await t.client().auth.resetPasswordForEmail('nobody@example.com');
    expect(unknown).toEqual({ data: {}, error: null });
    expect(await mailsTo('nobody@example.com')).toEqual([]);

    expect((await t.client().auth.resetPasswordForEmail('pia@example.com', { redirectTo: 'https://evil.example.net/steal' })).error).toBeNull();
    const again = await t.client().auth.resetPasswordForEmail('pia@example.com');
    expect(again.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
    const mails = await mailsTo('pia@example.com');
    expect(mails).toHaveLength(1);
    expect(new URL(mails[0].links[0]).searchParams.get('redirect_to')).toBe('http://localhost:5173');

    const bad = await t.client().auth.resetPasswordForEmail('not an email');
    expect(bad.error).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('lists mail on the mailbox page', async () => {
    const page = await fetch(`${t.url}/mailbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const all = await (await fetch(`${t.url}/mailbox/api/messages`)).json();
    expect(all.length).toBeGreaterThanOrEqual(4);
    const one = await (await fetch(`${t.url}/mailbox/api/messages/${all[0].id}`)).json();
    expect(one).toEqual(all[0]);
    expect((await fetch(`${t.url}/mailbox/api/messages/..%2Fsecret`)).status).toBe(404);
  });
});
