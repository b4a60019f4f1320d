// One process per data directory; what a killed process leaves behind does not block the next.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../../../supabase/local/db/data-dir-lock.ts';
import { openDatabase } from '../../../../supabase/local/db/open.ts';
import { tempDir } from '../../../helpers/stack.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('data dir lock', () => {
  it('refuses a directory held by a live process, naming its pid', () => {
    const root = tempDir();
    dirs.push(root);
    const dbDir = path.join(root, 'db');
    fs.mkdirSync(dbDir);
    // pid 1 always lives: the directory is "in use" by someone else.
    fs.writeFileSync(path.join(root, 'db.lock'), '1');
    expect(() => lockDataDir(dbDir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dbDir)).toThrow(/in use by pid 1/);
  });

  it('takes over the lock of a dead process and removes a stale postmaster.pid', () => {
    const root = tempDir();
    dirs.push(root);
    const dbDir = path.join(root, 'db');
    fs.mkdirSync(dbDir);
    fs.writeFileSync(path.join(root, 'db.lock'), '999999999');
    fs.writeFileSync(path.join(dbDir, 'postmaster.pid'), '-42\n');
    const release = lockDataDir(dbDir);
    expect(fs.readFileSync(path.join(root, 'db.lock'), 'utf8')).toBe(String(process.pid));
    expect(fs.existsSync(path.join(dbDir, 'postmaster.pid'))).toBe(false);
    release();
    expect(fs.existsSync(path.join(root, 'db.lock'))).toBe(false);
  });

  it('a second open of the same directory in another process is refused while the first is open', async () => {
    const root = tempDir();
    dirs.push(root);
    const opened = await openDatabase({ dbMode: 'pglite', dataDir: root, migrationsDir: '/nonexistent', seedPaths: [], seed: false });
    // Simulate another live process holding it: our own pid counts as "us", so write pid 1 and retry.
    fs.writeFileSync(path.join(root, 'db.lock'), '1');
    await expect(
      openDatabase({ dbMode: 'pglite', dataDir: root, migrationsDir: '/nonexistent', seedPaths: [], seed: false }),
    ).rejects.toThrow(/in use by pid 1/);
    fs.writeFileSync(path.join(root, 'db.lock'), String(process.pid));
    await opened.close();
    expect(fs.existsSync(path.join(root, 'db.lock'))).toBe(false);
  });
});
