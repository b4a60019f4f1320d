// Forged and spoiled tokens on every API of the demo department: REST tables and RPC, storage,
// edge functions and the auth user endpoint refuse them with their own status and error body, and
// nothing changes, reads included (a refused write attempt leaves every table as it was).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, SignJWT, UnsecuredJWT } from 'jose';
import { secretKey, signJwt } from '../../supabase/local/jwt.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';
import { changedTables, tableChecksums } from '../helpers/checksum.ts';

let t: TestStack;
const tokens: Record<string, string> = {};
let validToken: string;

beforeAll(async () => {
  t = await startTestStack();
  const sales1 = await demoPeople(t)('sales1');
  validToken = (await sales1.client.auth.getSession()).data.session!.access_token;
  const claims = decodeJwt(validToken);
  const [h, , sig] = validToken.split('.');
  const now = Math.floor(Date.now() / 1000);
  // The same user's claims, promoted: what an attacker would try first.
  tokens.tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'service_role' })).toString('base64url')}.${sig}`;
  tokens.expired = await new SignJWT({ ...claims, iat: now - 7200, exp: now - 3600 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(secretKey(t.stack.ctx.config.jwtSecret));
  tokens.algNone = new UnsecuredJWT({ ...claims, role: 'service_role' }).encode();
  tokens.wrongSecret = await signJwt({ ...claims }, 'a-wrong-secret-that-is-long-enough-to-use!');
  tokens.selfSignedServiceRole = await signJwt({ role: 'service_role', iss: 'supabase-demo', exp: now + 3600 }, 'attacker-chosen-secret-of-32-characters!');
  tokens.garbage = 'not.a.jwt';
});
afterAll(() => t?.close());

type Probe = { status: number; body: any };

async function call(path: string, token: string, init: RequestInit = {}): Promise<Probe> {
  const res = await fetch(`${t.url}${path}`, {
    ...init,
    headers: { apikey: t.anonKey, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) },
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // non-JSON bodies stay text, the expectations below then fail with the text shown
  }
  return { status: res.status, body };
}

/** Every API, read and write, with the expected refusal of each. */
const ENDPOINTS: { name: string; probe: (token: string) => Promise<Probe>; refused: (p: Probe, kind: string) => void }[] = [
  {
    name: 'rest read',
    probe: (tok) => call('/rest/v1/customers?select=id,name&limit=5', tok),
    refused: restRefusal,
  },
  {
    name: 'rest write',
    probe: (tok) => call('/rest/v1/customers', tok, { method: 'POST', body: JSON.stringify({ name: 'forged customer' }) }),
    refused: restRefusal,
  },
  {
    name: 'rpc',
    probe: (tok) => call('/rest/v1/rpc/mark_all_notifications_read', tok, { method: 'POST', body: '{}' }),
    refused: restRefusal,
  },
  {
    name: 'storage list buckets',
    probe: (tok) => call('/storage/v1/bucket', tok),
    refused: storageRefusal,
  },
  {
    name: 'storage upload',
    probe: (tok) => call('/storage/v1/object/contracts/forged/x.pdf', tok, { method: 'POST', body: '%PDF-1.4', headers: { 'Content-Type': 'application/pdf' } }),
    refused: storageRefusal,
  },
  {
    name: 'functions',
    probe: (tok) => call('/functions/v1/whoami', tok, { method: 'POST', body: '{}' }),
    refused: (p) => {
      expect(p.status).toBe(401);
      expect(p.body).toEqual({ msg: 'Invalid JWT' });
    },
  },
  {
    name: 'auth user',
    probe: (tok) => call('/auth/v1/user', tok),
    refused: (p) => {
      expect(p.status).toBe(403);
      expect(p.body).toMatchObject({ code: 403, error_code: 'bad_jwt' });
      expect(p.body.msg).toMatch(/^invalid JWT/);
    },
  },
  {
    name: 'auth admin',
    probe: (tok) => call('/auth/v1/admin/users', tok),
    refused: (p) => {
      expect(p.status).toBe(403);
      expect(p.body.error_code).toBe('bad_jwt');
    },
  },
];

function restRefusal(p: Probe, kind: string) {
  expect(p.status).toBe(401);
  expect(Object.keys(p.body).sort()).toEqual(['code', 'details', 'hint', 'message']);
  expect(p.body.code).toBe(kind === 'expired' ? 'PGRST303' : 'PGRST301');
}

function storageRefusal(p: Probe, kind: string) {
  // Supabase Storage sends client errors as HTTP 400 with the real status in the body.
  expect(p.status).toBe(400);
  expect(p.body).toMatchObject({ statusCode: '403', code: 'AccessDenied', error: 'Unauthorized' });
  if (kind === 'expired') expect(p.body.message).toBe('"exp" claim timestamp check failed');
}

describe('forged and spoiled tokens', () => {
  it('the valid token works on every read API (so the refusals below are about the token)', async () => {
    expect((await call('/rest/v1/customers?select=id&limit=1', validToken)).status).toBe(200);
    expect((await call('/storage/v1/bucket', validToken)).status).toBe(200);
    expect((await call('/auth/v1/user', validToken)).status).toBe(200);
  });

  for (const kind of ['tampered', 'expired', 'algNone', 'wrongSecret', 'selfSignedServiceRole', 'garbage']) {
    it(`${kind} tokens are refused everywhere and change nothing`, async () => {
      const before = await tableChecksums(t.stack.ctx.db);
      for (const e of ENDPOINTS) {
        const p = await e.probe(tokens[kind]);
        try {
          e.refused(p, kind);
        } catch (err) {
          throw new Error(`${e.name} with a ${kind} token: ${p.status} ${JSON.stringify(p.body)}\n${(err as Error).message}`);
        }
      }
      expect(changedTables(before, await tableChecksums(t.stack.ctx.db))).toEqual([]);
    });
  }

  it('a forged apikey is refused by the gateway before anything runs', async () => {
    for (const path of ['/rest/v1/customers?select=id', '/auth/v1/user']) {
      const p = await call(path, validToken, { headers: { apikey: tokens.selfSignedServiceRole } });
      expect(p.status).toBe(401);
      expect(p.body.message).toBe('Invalid API key');
    }
  });
});

describe('rate limits', () => {
  it('answer 429 to a client that keeps failing to sign in, and count nothing in the data', async () => {
    const before = await tableChecksums(t.stack.ctx.db);
    const attempt = () =>
      fetch(`${t.url}/auth/v1/token?grant_type=password`, {
        method: 'POST',
        headers: { apikey: t.anonKey, 'content-type': 'application/json', 'x-forwarded-for': '10.77.0.1' },
        body: JSON.stringify({ email: 'sales1@bizdesk.test', password: 'wrong-password' }),
      });
    const limit = t.stack.ctx.config.toml.auth?.rate_limit?.sign_in_sign_ups ?? 30;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    const last = await attempt();
    expect(last.status).toBe(429);
    expect(await last.json()).toMatchObject({ error_code: 'over_request_rate_limit' });
    expect(changedTables(before, await tableChecksums(t.stack.ctx.db))).toEqual([]);
  });
});
