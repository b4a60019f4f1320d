// The embedded database keeps what it acknowledged: across a clean restart and across kill -9.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../supabase/local/db/open.ts';
import { tempDir } from '../../../helpers/stack.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const cfg = (dataDir: string) => ({ dbMode: 'pglite' as const, dataDir, migrationsDir: '/nonexistent', seedPaths: [], seed: false });

describe('PGlite durability', () => {
  it('finds the data as it was left after a clean close and reopen', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const first = await openDatabase(cfg(dataDir));
    await first.db.exec(`create table public.kept (id int primary key); insert into public.kept select generate_series(1, 100)`);
    await first.close();
    const second = await openDatabase(cfg(dataDir));
    const { rows } = await second.db.query<{ n: number }>('select count(*)::int as n from public.kept');
    expect(rows[0].n).toBe(100);
    await second.close();
  });

  it('loses no acknowledged insert when the process is killed with SIGKILL', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/fixtures/ack-writer.ts'), dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lastAck = 0;
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          const m = /^ack (\d+)$/.exec(line);
          if (m) lastAck = Number(m[1]);
        }
        if (lastAck >= 150) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}`))));
    });
    await new Promise((r) => child.once('exit', r).once('close', r));
    expect(lastAck).toBeGreaterThanOrEqual(150);
    // The killed process left its lock and PGlite's postmaster.pid behind; opening must still work.
    expect(fs.existsSync(path.join(dataDir, 'db.lock'))).toBe(true);
    const reopened = await openDatabase(cfg(dataDir));
    const { rows } = await reopened.db.query<{ n: number; max: number }>(
      'select count(*)::int as n, max(id) as max from public.acked where id <= $1',
      [lastAck],
    );
    expect(rows[0].n).toBe(lastAck);
    const missing = await reopened.db.query('select g from generate_series(1, $1::int) g where not exists (select 1 from public.acked where id = g)', [lastAck]);
    expect(missing.rowCount).toBe(0);
    await reopened.close();
  });
});
