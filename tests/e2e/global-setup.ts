// Starts, once per run: the local stack on a fresh in-memory database with the demo seed and the
// test fixtures, and the app built against it and served by `vite preview`. Tests read the URLs
// from the environment; the returned function stops both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { build, preview } from 'vite';
import { loadConfig, PROJECT_ROOT } from '../../supabase/local/config.ts';
import { createStack } from '../../supabase/local/stack.ts';
import { FIXTURE_SQL } from './fixture-schema.ts';
import { pgliteSnapshot } from '../helpers/snapshot.ts';

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0) {
    execSync('apt-get install -y chromium', { stdio: 'inherit' });
    return;
  }
  throw new Error('Chromium is missing: run `apt-get install -y chromium`');
}

export default async function globalSetup() {
  ensureChromium();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizdesk-e2e-'));
  const config = loadConfig(process.env, { host: '127.0.0.1', port: 0, dataDir, dbMode: 'memory', databaseUrl: undefined, logLevel: 'silent', scheduler: false,
    memorySnapshot: await pgliteSnapshot() });
  // One run signs in through the UI some sixty times from one IP: lift the per-IP auth limits
  // (GoTrue's defaults suit people, not a test run). Everything else is the project's config.
  config.toml.auth.rate_limit = { ...config.toml.auth?.rate_limit, sign_in_sign_ups: 10_000, token_refresh: 10_000, token_verifications: 10_000, email_sent: 10_000 };
  const stack = await createStack(config);
  await stack.ctx.db.exec(FIXTURE_SQL);
  for (const reload of stack.ctx.onSchemaChange) await reload();
  const apiUrl = await stack.listen();

  const outDir = path.join(dataDir, 'dist');
  process.env.VITE_SUPABASE_URL = apiUrl;
  process.env.VITE_SUPABASE_ANON_KEY = stack.ctx.keys.anonKey;
  await build({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  // "localhost", the host of supabase/config.toml's site_url: the auth API lets mail links
  // redirect to any port on it, as GoTrue does.
  process.env.E2E_BASE_URL = `http://localhost:${port}`;
  process.env.E2E_API_URL = apiUrl;
  process.env.E2E_ANON_KEY = stack.ctx.keys.anonKey;
  process.env.E2E_SERVICE_KEY = stack.ctx.keys.serviceRoleKey;

  return async () => {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    await stack.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
