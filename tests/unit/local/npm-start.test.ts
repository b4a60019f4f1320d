// `npm start` (scripts/start.ts): prints the keys and URLs, serves /health and the app, stops
// cleanly on SIGTERM, and a second start finds the data as it was left.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/stack.ts';

const dataDir = tempDir();
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function start() {
  const appPort = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/start.ts')], {
    env: { ...process.env, DATABASE_URL: '', BIZDESK_PORT: '0', BIZDESK_APP_PORT: String(appPort), BIZDESK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (c) => (out += c));
  const printed = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('Press Ctrl-C')) resolve(out);
    });
    child.on('exit', (code) => reject(new Error(`start exited ${code}: ${out}`)));
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, printed, exited, appPort };
}

describe('npm start', () => {
  it('prints what supabase status prints and serves the API and the app', async () => {
    const { child, printed, exited, appPort } = await start();
    const apiUrl = /API URL: (http:\/\/\S+)/.exec(printed)![1];
    expect(printed).toMatch(/anon key: eyJ/);
    expect(printed).toMatch(/service_role key: eyJ/);
    expect(printed).toContain(`Open the app: http://127.0.0.1:${appPort}`);
    const health = await (await fetch(`${apiUrl}/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'pglite' });
    const html = await (await fetch(`http://127.0.0.1:${appPort}/`)).text();
    expect(html).toContain('BizDesk');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'db.lock'))).toBe(false);
  });

  it('a second start finds the data as it was left', async () => {
    const first = await start();
    const apiUrl = /API URL: (http:\/\/\S+)/.exec(first.printed)![1];
    expect((await fetch(`${apiUrl}/health`)).status).toBe(200);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    // The migrations table written by the first run is still there.
    const { openDatabase } = await import('../../../supabase/local/db/open.ts');
    const o = await openDatabase({ dbMode: 'pglite', dataDir, migrationsDir: path.resolve('supabase/migrations'), seedPaths: [], seed: false });
    const { rows } = await o.db.query<{ n: number }>('select count(*)::int as n from supabase_migrations.schema_migrations');
    const files = fs.readdirSync('supabase/migrations').filter((f) => f.endsWith('.sql'));
    expect(rows[0].n).toBe(files.length);
    expect(o.migrations.applied).toEqual([]);
    await o.close();
  });
});
