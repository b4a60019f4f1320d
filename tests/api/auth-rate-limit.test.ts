// Rate limits on password sign-in per IP and per email, from config.toml [auth.rate_limit].
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../supabase/local/config.ts';
import { startTestStack, tempDir, type TestStack } from '../helpers/stack.ts';

let t: TestStack;
const PASSWORD = 'Start#2026a';
const LIMIT = 3;
const TOKEN_LIMIT = 12;

function tomlWithLimit(): string {
  const source = fs.readFileSync(path.join(PROJECT_ROOT, 'supabase/config.toml'), 'utf8');
  const edited = source
    .replace(/^sign_in_sign_ups\s*=.*$/m, `sign_in_sign_ups = ${LIMIT}`)
    .replace(/^token_refresh\s*=.*$/m, `token_refresh = ${TOKEN_LIMIT}`);
  expect(edited).toContain(`token_refresh = ${TOKEN_LIMIT}`);
  expect(edited).not.toBe(source);
  const file = path.join(tempDir('bizdesk-auth-rl-'), 'config.toml');
  fs.writeFileSync(file, edited);
  return file;
}

async function signIn(email: string, password: string, ip: string) {
  const res = await fetch(`${t.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: t.anonKey, 'content-type': 'application/json', 'x-forwarded-for': ip, 'x-supabase-api-version': '2024-01-01' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: await res.json() };
}

const sessions = async () => (await t.stack.ctx.db.query<{ n: number }>(`select count(*)::int as n from auth.sessions`)).rows[0].n;

beforeAll(async () => {
  t = await startTestStack({ tomlPath: tomlWithLimit() });
  for (const email of ['quinn@example.com', 'rosa@example.com']) {
    const { error } = await t.admin().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
    if (error) throw error;
  }
});
afterAll(() => t?.close());

describe('sign-in rate limits', () => {
  it('does not count successful sign-ins', async () => {
    for (let i = 0; i < LIMIT + 2; i++) expect((await signIn('rosa@example.com', PASSWORD, '10.0.0.1')).status).toBe(200);
  });

  it('limits failed attempts per email, whatever the address they come from', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await signIn('quinn@example.com', 'Wrong#2026x', `10.0.1.${i}`)).status).toBe(400);
    const before = await sessions();
    const limited = await signIn('quinn@example.com', PASSWORD, '10.0.1.99');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 'over_request_rate_limit', message: 'Request rate limit reached' });
    expect(await sessions()).toBe(before);
    // Another account is not affected.
    expect((await signIn('rosa@example.com', PASSWORD, '10.0.2.1')).status).toBe(200);
  });

  it('limits failed attempts per IP, whatever the email', async () => {
    const ip = '10.0.3.1';
    for (let i = 0; i < LIMIT; i++) expect((await signIn(`nobody${i}@example.com`, 'x', ip)).status).toBe(400);
    const limited = await signIn('rosa@example.com', PASSWORD, ip);
    expect(limited.status).toBe(429);
    const fetchError = await t.client().auth.signInWithPassword({ email: 'rosa@example.com', password: PASSWORD });
    // supabase-js calls come from 127.0.0.1 itself, a different client address.
    expect(fetchError.error).toBeNull();
  });

  it('limits every /token request per IP (GoTrue’s token_refresh limit)', async () => {
    const refresh = () =>
      fetch(`${t.url}/auth/v1/token?grant_type=refresh_token`, {
        method: 'POST',
        headers: { apikey: t.anonKey, 'content-type': 'application/json', 'x-forwarded-for': '10.0.9.9' },
        body: JSON.stringify({ refresh_token: 'abcdefghijkl' }),
      });
    for (let i = 0; i < TOKEN_LIMIT; i++) expect((await refresh()).status).toBe(400);
    const limited = await refresh();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' });
  });
});
