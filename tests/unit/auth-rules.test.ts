// Small pure pieces of the auth API: password rules, Go durations, redirects, time format, hooks.
import { describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { parseGoDuration } from '../../supabase/local/auth/duration.ts';
import { allowedRedirect } from '../../supabase/local/auth/api.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../supabase/local/auth/password.ts';
import { authSettings, parseHookUri } from '../../supabase/local/auth/settings.ts';
import { goTime } from '../../supabase/local/auth/users.ts';
import { newRefreshToken } from '../../supabase/local/auth/sessions.ts';
import { tokenHash } from '../../supabase/local/auth/email-flows.ts';
import { loadConfig } from '../../supabase/local/config.ts';

const settings = (auth: Record<string, unknown>) => {
  const config = loadConfig({}, {});
  config.toml = { ...config.toml, auth: { ...config.toml.auth, ...auth } };
  return authSettings(config);
};

describe('password rules', () => {
  const s = settings({ minimum_password_length: 8, password_requirements: 'lower_upper_letters_digits' });
  it('accepts a password meeting length and character sets', () => {
    expect(passwordProblem(s, 'Abcdefg1')).toBeUndefined();
  });
  it('reports each failed rule as GoTrue does', () => {
    const short = passwordProblem(s, 'Ab1');
    expect(short).toMatchObject({ status: 422, errorCode: 'weak_password', extra: { weak_password: { reasons: ['length'] } } });
    expect(passwordProblem(s, 'abcdefgh1')).toMatchObject({ extra: { weak_password: { reasons: ['characters'] } } });
    expect(passwordProblem(s, 'x')!.message).toBe(
      'Password should be at least 8 characters. Password should contain at least one character of each: abcdefghijklmnopqrstuvwxyz, ABCDEFGHIJKLMNOPQRSTUVWXYZ, 0123456789.',
    );
    expect(passwordProblem(s, `Aa1${'x'.repeat(70)}`)).toMatchObject({ status: 400, errorCode: 'validation_failed' });
  });
  it('knows the CLI requirement names and refuses unknown ones', () => {
    expect(settings({ password_requirements: '' }).requiredCharacters).toEqual([]);
    expect(settings({ password_requirements: 'letters_digits' }).requiredCharacters).toHaveLength(2);
    expect(() => settings({ password_requirements: 'strong' })).toThrow(/password_requirements/);
  });
  it('hashes as $2a$ cost 10 and verifies, also hashes made elsewhere', async () => {
    const hash = await hashPassword('Secret#2026');
    expect(hash).toMatch(/^\$2a\$10\$.{53}$/);
    expect(await verifyPassword('Secret#2026', hash)).toBe(true);
    expect(await verifyPassword('secret#2026', hash)).toBe(false);
    expect(await verifyPassword('Secret#2026', bcrypt.hashSync('Secret#2026', 4))).toBe(true);
    expect(await verifyPassword('x', null)).toBe(false);
  });
});

describe('Go durations (ban_duration)', () => {
  it('parses what time.ParseDuration parses', () => {
    expect(parseGoDuration('24h')).toBe(86_400_000);
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('876000h')).toBe(876000 * 3_600_000);
  });
  it('refuses what it does not', () => {
    for (const bad of ['', '1d', 'forever', '10', 'h', '1h 30m']) expect(parseGoDuration(bad)).toBeUndefined();
  });
});

describe('redirects', () => {
  const s = settings({ site_url: 'http://localhost:5173', additional_redirect_urls: ['http://127.0.0.1:5173', 'https://*.bizdesk.example/**'] });
  it('keeps allowed targets and falls back to site_url', () => {
    expect(allowedRedirect(s, 'http://localhost:5173/reset')).toBe('http://localhost:5173/reset');
    expect(allowedRedirect(s, 'http://127.0.0.1:5173/reset')).toBe('http://127.0.0.1:5173/reset');
    expect(allowedRedirect(s, 'https://app.bizdesk.example/a/b')).toBe('https://app.bizdesk.example/a/b');
    expect(allowedRedirect(s, 'https://evil.example.net/')).toBe('http://localhost:5173');
    expect(allowedRedirect(s, 'http://127.0.0.1:5173.evil.net/')).toBe('http://localhost:5173');
    expect(allowedRedirect(s, 'javascript:alert(1)')).toBe('http://localhost:5173');
    expect(allowedRedirect(s, undefined)).toBe('http://localhost:5173');
  });
});

describe('small formats', () => {
  it('writes times like Go', () => {
    expect(goTime('2026-01-02T03:04:05.120000Z')).toBe('2026-01-02T03:04:05.12Z');
    expect(goTime('2026-01-02T03:04:05.000000Z')).toBe('2026-01-02T03:04:05Z');
    expect(goTime(null)).toBeUndefined();
  });
  it('makes 12-character lower-case base32 refresh tokens', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newRefreshToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{12}$/);
  });
  it('hashes mailed codes as GoTrue (hex SHA-224 of address + code)', () => {
    expect(tokenHash('a@b.co', '123456')).toMatch(/^[0-9a-f]{56}$/);
    expect(tokenHash('a@b.co', '123456')).not.toBe(tokenHash('a@b.co', '123457'));
  });
  it('reads pg-functions hook URIs', () => {
    expect(parseHookUri('pg-functions://postgres/public/custom_access_token_hook')).toEqual({ schema: 'public', functionName: 'custom_access_token_hook' });
    expect(() => parseHookUri('https://example.com/hook')).toThrow();
    expect(() => parseHookUri('pg-functions://postgres/public')).toThrow();
  });
});
