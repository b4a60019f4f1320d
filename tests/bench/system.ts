// Whole-system figures: 50 MB through storage (throughput, RSS growth), cold start of the stack on
// an existing data dir, `npm run db:reset`, and the front end's chunk sizes (scripts/bundle-size.ts).
import fs from 'node:fs';
import http from 'node:http';
import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import type { TestStack } from '../helpers/stack.ts';
import { tempDir } from '../helpers/stack.ts';
import { PROJECT_ROOT } from '../../supabase/local/config.ts';

const MB = 1024 * 1024;

export interface StorageResult {
  bytes: number;
  uploadMBps: number;
  downloadMBps: number;
  rssGrowthMB: number;
  intact: boolean;
}

/** Uploads and downloads `bytes` as streams while sampling this process's RSS (stack + client). */
export async function storageThroughput(t: TestStack, bytes = 50 * 1000 * 1000): Promise<StorageResult> {
  const admin = t.admin().storage;
  await admin.createBucket('bench-big', { public: false });
  const chunk = crypto.randomBytes(MB);
  const sent = crypto.createHash('sha256');
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const url = new URL(`${t.url}/storage/v1/object/bench-big/fifty.bin`);
    let started = Date.now();
    await new Promise<void>((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: url.pathname, headers: { Authorization: `Bearer ${t.serviceRoleKey}`, 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes) } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`upload: ${res.statusCode}`))));
      });
      req.on('error', reject);
      let left = bytes;
      const pump = () => {
        while (left > 0) {
          const part = chunk.subarray(0, Math.min(MB, left));
          sent.update(part);
          left -= part.length;
          if (!req.write(part)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    const uploadSeconds = (Date.now() - started) / 1000;
    started = Date.now();
    const got = crypto.createHash('sha256');
    const res = await fetch(url, { headers: { Authorization: `Bearer ${t.serviceRoleKey}` } });
    for await (const c of res.body as unknown as AsyncIterable<Uint8Array>) got.update(c);
    const downloadSeconds = (Date.now() - started) / 1000;
    return {
      bytes,
      uploadMBps: bytes / MB / uploadSeconds,
      downloadMBps: bytes / MB / downloadSeconds,
      rssGrowthMB: (peak - baseline) / MB,
      intact: got.digest('hex') === sent.digest('hex'),
    };
  } finally {
    clearInterval(sampler);
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const TSX = `${PROJECT_ROOT}/node_modules/.bin/tsx`;

export interface StartResult {
  dbResetSeconds: number;
  coldStartSeconds: number;
  backend: string;
}

/**
 * `npm run db:reset` on a fresh data dir (PGlite, or the DATABASE_URL database given), then the
 * time `npm start` takes on that existing data until the API answers and the app's page loads.
 */
export async function startTimes(databaseUrl?: string): Promise<StartResult> {
  const dataDir = tempDir('bizdesk-bench-start-');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const env = { BIZDESK_DATA_DIR: dataDir, BIZDESK_PORT: String(port), BIZDESK_APP_PORT: String(port + 1), DATABASE_URL: databaseUrl ?? '', BIZDESK_SCHEDULER: 'off' };
  try {
    let started = Date.now();
    const reset = await run(TSX, ['scripts/db-reset.ts'], env);
    if (reset.code !== 0) throw new Error(`db:reset failed: ${reset.out}`);
    const dbResetSeconds = (Date.now() - started) / 1000;

    started = Date.now();
    const child = spawn(TSX, ['scripts/start.ts'], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    child.stderr!.on('data', (c) => (out += c));
    try {
      const up = async (url: string) => {
        try {
          return (await fetch(url)).ok;
        } catch {
          return false;
        }
      };
      while (!((await up(`http://127.0.0.1:${port}/health`)) && (await up(`http://127.0.0.1:${port + 1}/`)))) {
        if (child.exitCode !== null) throw new Error(`npm start exited: ${out}`);
        if (Date.now() - started > 180_000) throw new Error(`npm start did not come up in 3 minutes: ${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return { dbResetSeconds, coldStartSeconds: (Date.now() - started) / 1000, backend: databaseUrl ? 'postgres' : 'pglite' };
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface BundleResult {
  chunks: { file: string; kb: number }[];
  initialJsKb: number;
}

/** Runs scripts/bundle-size.ts (a production `vite build`) and reads its report. */
export async function bundleSizes(): Promise<BundleResult> {
  const { out } = await run(TSX, ['scripts/bundle-size.ts'], {});
  const chunks = [...out.matchAll(/^\s*([0-9.]+)\s+(assets\/\S+)$/gm)].map((m) => ({ file: m[2], kb: Number(m[1]) }));
  const initial = /sign-in page initial JS: ([0-9.]+) KB/.exec(out);
  if (!initial) throw new Error(`bundle-size printed no initial JS size: ${out.slice(-2000)}`);
  return { chunks, initialJsKb: Number(initial[1]) };
}
