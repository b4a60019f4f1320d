// functions-js and plain HTTP against /functions/v1 with fixture functions (tests/fixtures/functions)
// running in real Deno: proxying, environment, verify_jwt, CORS, crash restart, boot errors, timeout.
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunctionsHttpError } from '@supabase/supabase-js';
import { makeClient, startTestStack, tempDir, type TestStack } from '../helpers/stack.ts';
import { PROJECT_ROOT } from '../../supabase/local/config.ts';

let t: TestStack;
let tomlDir: string;
const pids = new Set<number>();

beforeAll(async () => {
  const toml = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'supabase/config.toml'), 'utf8')) as Record<string, any>;
  toml.functions = { open: { verify_jwt: false } };
  tomlDir = tempDir('bizdesk-toml-');
  fs.writeFileSync(path.join(tomlDir, 'config.toml'), stringify(toml));
  t = await startTestStack({
    tomlPath: path.join(tomlDir, 'config.toml'),
    functionsDir: path.join(PROJECT_ROOT, 'tests/fixtures/functions'),
    functionsTimeoutSec: 3,
  });
});

afterAll(async () => {
  await t?.close();
  fs.rmSync(tomlDir, { recursive: true, force: true });
  // Closing the stack ends every Deno process it started.
  await new Promise((r) => setTimeout(r, 200));
  for (const pid of pids) expect(() => process.kill(pid, 0), `pid ${pid} still running`).toThrow();
});

const fn = (name: string) => `${t.url}/functions/v1/${name}`;
const auth = () => ({ Authorization: `Bearer ${t.anonKey}` });

describe('proxying', () => {
  it('invokes a function with functions-js: method, body, headers, status and env as on Supabase', async () => {
    const { data, error } = await t.client().functions.invoke('echo', { body: { hello: 'world' }, headers: { 'x-custom': 'v1' } });
    expect(error).toBeNull();
    pids.add(data.pid);
    expect(data).toMatchObject({ method: 'POST', path: '/echo', contentType: 'application/json', custom: 'v1', body: '{"hello":"world"}' });
    expect(data.env).toEqual({
      SUPABASE_URL: t.url,
      SUPABASE_ANON_KEY: t.anonKey,
      SUPABASE_SERVICE_ROLE_KEY: t.serviceRoleKey,
      SUPABASE_DB_URL: t.stack.ctx.config.databaseUrl ?? null,
      FIXTURE_SECRET: 'from-dotenv',
      BIZDESK_FUNCTIONS_TIMEOUT_SEC: null, // stack settings are not passed on
      HOME: null,
    });
  });

  it('passes sub-paths, query strings and response headers through, and keeps the process warm', async () => {
    const res = await fetch(`${fn('echo')}/a/b?x=1&y=2`, { headers: auth() });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-echo')).toBe('yes');
    const body = await res.json();
    expect(body).toMatchObject({ method: 'GET', path: '/echo/a/b', query: '?x=1&y=2' });
    expect(pids.has(body.pid)).toBe(true);
  });

  it('streams the response body', async () => {
    const res = await fetch(`${fn('echo')}/stream`, { headers: auth() });
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    for await (const c of res.body as unknown as AsyncIterable<Uint8Array>) chunks.push(decoder.decode(c));
    expect(chunks.join('')).toBe('chunk0\nchunk1\nchunk2\n');
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('streams a large request body to the function', async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream({
      pull(c) {
        if (sent === 20) return c.close();
        sent++;
        c.enqueue(chunk);
      },
    });
    const res = await fetch(`${fn('echo')}/count`, { method: 'POST', headers: auth(), body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bytes: 20 * 1024 * 1024 });
  });

  it('answers 404 for a function that does not exist', async () => {
    for (const name of ['nope', '_shared', '..']) {
      const res = await fetch(fn(name), { headers: auth() });
      expect(res.status, name).toBe(404);
    }
    const res = await fetch(fn('nope'), { headers: auth() });
    expect(await res.text()).toBe('Function not found');
  });
});

describe('verify_jwt and CORS', () => {
  it('refuses a request without a valid JWT with 401 {msg}', async () => {
    const none = await fetch(fn('echo'), { method: 'POST' });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ msg: 'Error: Missing authorization header' });
    const bad = await fetch(fn('echo'), { method: 'POST', headers: { Authorization: `Bearer ${t.anonKey.slice(0, -3)}xyz` } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ msg: 'Invalid JWT' });
    const client = makeClient(t.url, 'not-a-jwt');
    const { data, error } = await client.functions.invoke('echo', { body: {} });
    expect(data).toBeNull();
    expect(error).toBeInstanceOf(FunctionsHttpError);
    expect((error as FunctionsHttpError).context.status).toBe(401);
  });

  it('lets anyone call a function declared with verify_jwt = false', async () => {
    const res = await fetch(fn('open'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ open: true });
  });

  it('leaves OPTIONS to the function, which answers CORS itself', async () => {
    const res = await fetch(fn('echo'), { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});

describe('failures', () => {
  it('answers 503 when the process dies under a request, then serves from a fresh process', async () => {
    const first = await (await fetch(fn('crash'), { headers: auth() })).json();
    pids.add(first.pid);
    const died = await fetch(`${fn('crash')}/die`, { headers: auth() });
    expect(died.status).toBe(503);
    expect(await died.json()).toMatchObject({ code: 'WORKER_ERROR' });
    const again = await fetch(fn('crash'), { headers: auth() });
    expect(again.status).toBe(200);
    const second = await again.json();
    pids.add(second.pid);
    expect(second.pid).not.toBe(first.pid);
    expect(() => process.kill(first.pid, 0)).toThrow();
  });

  it('answers 503 BOOT_ERROR for a function that fails to start', async () => {
    const res = await fetch(fn('broken'), { headers: auth() });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ code: 'BOOT_ERROR', message: 'Worker failed to boot (please check logs)' });
  });

  it('answers 546 WORKER_LIMIT past the wall-clock limit, and recovers', async () => {
    const res = await fetch(`${fn('slow')}?ms=6000`, { headers: auth() });
    expect(res.status).toBe(546);
    expect(await res.json()).toMatchObject({ code: 'WORKER_LIMIT' });
    const ok = await fetch(`${fn('slow')}?ms=10`, { headers: auth() });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ waited: 10 });
  });
});
