// POST /signup when config.toml allows it (BizDesk ships it off), with email confirmations on.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../supabase/local/config.ts';
import { startTestStack, tempDir, type TestStack } from '../helpers/stack.ts';

let t: TestStack;
const PASSWORD = 'Start#2026a';

function tomlWithSignup(): string {
  const source = fs.readFileSync(path.join(PROJECT_ROOT, 'supabase/config.toml'), 'utf8');
  const edited = source
    .replace(/^enable_signup\s*=\s*false$/gm, 'enable_signup = true')
    .replace(/^enable_confirmations\s*=\s*false$/m, 'enable_confirmations = true');
  expect(edited).toMatch(/enable_confirmations = true/);
  const file = path.join(tempDir('bizdesk-auth-signup-'), 'config.toml');
  fs.writeFileSync(file, edited);
  return file;
}

beforeAll(async () => {
  t = await startTestStack({ tomlPath: tomlWithSignup() });
});
afterAll(() => t?.close());

describe('sign-up with confirmations', () => {
  it('creates an unconfirmed user, mails a confirmation and signs in after it', async () => {
    const settings = await (await fetch(`${t.url}/auth/v1/settings`, { headers: { apikey: t.anonKey } })).json();
    expect(settings).toMatchObject({ disable_signup: false, mailer_autoconfirm: false });

    const { data, error } = await t.client().auth.signUp({ email: 'sam@example.com', password: PASSWORD, options: { data: { full_name: 'Sam' } } });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user).toMatchObject({ email: 'sam@example.com', user_metadata: { full_name: 'Sam' } });
    expect(data.user!.confirmation_sent_at).toBeTruthy();
    const early = await t.client().auth.signInWithPassword({ email: 'sam@example.com', password: PASSWORD });
    expect(early.error).toMatchObject({ code: 'email_not_confirmed' });

    const [mail] = await (await fetch(`${t.url}/mailbox/api/messages?to=sam@example.com`)).json();
    expect(mail.subject).toBe('Confirm Your Signup');
    const res = await fetch(mail.links[0], { redirect: 'manual' });
    expect(new URLSearchParams(new URL(res.headers.get('location')!).hash.slice(1)).get('type')).toBe('signup');
    const { data: s, error: sErr } = await t.client().auth.signInWithPassword({ email: 'sam@example.com', password: PASSWORD });
    expect(sErr).toBeNull();
    expect(s.user!.email_confirmed_at).toBeTruthy();
  });

  it('checks the password rules and refuses a confirmed address', async () => {
    const weak = await t.client().auth.signUp({ email: 'tia@example.com', password: 'abc' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });
    const count = await t.stack.ctx.db.query(`select 1 from auth.users where email = 'tia@example.com'`);
    expect(count.rows).toHaveLength(0);
    const again = await t.client().auth.signUp({ email: 'sam@example.com', password: PASSWORD });
    expect(again.error).toMatchObject({ status: 422, code: 'user_already_exists', message: 'User already registered' });
  });
});
