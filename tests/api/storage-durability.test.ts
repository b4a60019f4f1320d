// An acknowledged upload survives `kill -9` of the stack and a restart on the same data (PGlite data
// dir or PostgreSQL database, and the storage directory).
import fs from 'node:fs';
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

    const second = await startChild();
    const admin2 = makeClient(second.url, serviceRoleKey).storage;
    const down = await admin2.from('durable').download('kept/file.txt');
    expect(down.error).toBeNull();
    expect(await down.data!.text()).toBe('still here');
    expect((await admin2.from('durable').list('kept')).data!.map((o) => o.name)).toEqual(['file.txt']);
    expect(fs.readdirSync(`${dataDir}/storage/tmp`)).toEqual([]);
    second.child.kill('SIGKILL');
  }, 180_000);
});
