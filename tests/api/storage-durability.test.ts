// An acknowledged upload survives `kill -9` of the stack and a restart on the same data (PGlite data
// dir or PostgreSQL database, and the storage directory); what a killed upload left is settled.
import fs from 'node:fs';
import crypto from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempPostgresDb, makeClient, onPostgres, tempDir } from '../helpers/stack.ts';
import { makeApiKeys } from '../../supabase/local/jwt.ts';
import { startStackProcess } from '../helpers/stack-process.ts';
import { DEFAULT_JWT_SECRET } from '../../supabase/local/config.ts';

const dataDir = tempDir('bizdesk-durable-');
let pgDb: { url: string; drop(): Promise<void> } | undefined;
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await pgDb?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const startChild = () => startStackProcess(dataDir, pgDb?.url, children);

describe('durability', () => {
  it('keeps an acknowledged upload (row and file) across kill -9 and restart', async () => {
    if (onPostgres()) pgDb = await createTempPostgresDb();
    const { serviceRoleKey } = await makeApiKeys(DEFAULT_JWT_SECRET);
    const first = await startChild();
    const admin1 = makeClient(first.url, serviceRoleKey).storage;
    expect((await admin1.createBucket('durable')).error).toBeNull();
    const up = await admin1.from('durable').upload('kept/file.txt', new Blob(['still here'], { type: 'text/plain' }));
    expect(up.error).toBeNull();
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    // As a kill in the middle of an upload leaves it: a note naming the version put in place (whose
    // transaction never committed) and the one it replaced (still the row's). A file no note names
    // is none of the settling's business.
    const keyDir = `${dataDir}/storage/buckets/durable/kept/file.txt`;
    const [realVersion] = fs.readdirSync(keyDir);
    const strayVersion = crypto.randomUUID();
    fs.writeFileSync(`${keyDir}/${strayVersion}`, 'never committed');
    fs.writeFileSync(`${dataDir}/storage/pending/${crypto.randomUUID()}.json`, JSON.stringify([
      { bucket: 'durable', name: 'kept/file.txt', version: strayVersion },
      { bucket: 'durable', name: 'kept/file.txt', version: realVersion },
    ]));
    const unnamed = `${dataDir}/storage/buckets/durable/elsewhere/x.bin/${crypto.randomUUID()}`;
    fs.mkdirSync(unnamed.slice(0, unnamed.lastIndexOf('/')), { recursive: true });
    fs.writeFileSync(unnamed, 'not ours to judge');

    const second = await startChild();
    const admin2 = makeClient(second.url, serviceRoleKey).storage;
    const down = await admin2.from('durable').download('kept/file.txt');
    expect(down.error).toBeNull();
    expect(await down.data!.text()).toBe('still here');
    expect((await admin2.from('durable').list('kept')).data!.map((o) => o.name)).toEqual(['file.txt']);
    expect(fs.readdirSync(`${dataDir}/storage/tmp`)).toEqual([]);
    expect(fs.readdirSync(keyDir)).toEqual([realVersion]);
    expect(fs.readdirSync(`${dataDir}/storage/pending`)).toEqual([]);
    expect(fs.existsSync(unnamed)).toBe(true);
    second.child.kill('SIGKILL');
  }, 180_000);
});
