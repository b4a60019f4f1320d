// Start-up faults end with one clear line naming the cause and the fix, and a non-zero exit.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/stack.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function runServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('supabase/local/server.ts')], {
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.on('data', (c) => (stdout += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

const bizdeskLines = (s: string) => s.split('\n').filter((l) => l.startsWith('bizdesk:'));

describe('stack start-up errors', () => {
  it('a bad DATABASE_URL', async () => {
    const r = await runServer({ DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none', BIZDESK_PORT: '0' });
    expect(r.code).toBe(1);
    const lines = bizdeskLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot connect to DATABASE_URL \(postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none\)/);
    expect(r.stderr).not.toContain('secret');
  });

  it('a port in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = tempDir();
    dirs.push(dataDir);
    const r = await runServer({ BIZDESK_PORT: String(port), BIZDESK_DATA_DIR: dataDir });
    blocker.close();
    expect(r.code).toBe(1);
    expect(bizdeskLines(r.stderr)).toEqual([`bizdesk: port ${port} is in use: stop what runs there or set BIZDESK_PORT to another port`]);
    // Nothing half-done: the data dir lock was released.
    expect(fs.existsSync(path.join(dataDir, 'db.lock'))).toBe(false);
  });

  it('a data dir locked by a running process', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    fs.mkdirSync(path.join(dataDir, 'db'));
    fs.writeFileSync(path.join(dataDir, 'db.lock'), '1');
    const r = await runServer({ BIZDESK_PORT: '0', BIZDESK_DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(bizdeskLines(r.stderr)[0]).toMatch(/data dir .* is in use by pid 1: stop that process first/);
  });

  it('a bad port setting', async () => {
    const r = await runServer({ BIZDESK_PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(bizdeskLines(r.stderr)).toEqual(['bizdesk: BIZDESK_PORT must be a port number, got "eighty"']);
  });
});
