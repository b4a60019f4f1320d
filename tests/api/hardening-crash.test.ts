// kill -9 of the stack in the middle of a mixed write load (REST inserts of several rows per
// request, and file uploads), on the embedded database (PGlite data dir) or on PostgreSQL when
// DATABASE_URL is set. After a restart on the same data, every acknowledged write is there, every
// request is all-or-nothing (no batch half-written, no object row without its file, no file without
// its row), and no temp file is left.
import fs from 'node:fs';
import crypto from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createTempPostgresDb, makeClient, onPostgres, tempDir } from '../helpers/stack.ts';
import { DEFAULT_JWT_SECRET } from '../../supabase/local/config.ts';
import { makeApiKeys } from '../../supabase/local/jwt.ts';
import { startStackProcess } from '../helpers/stack-process.ts';

const dataDir = tempDir('bizdesk-crash-');
let pgDb: { url: string; drop(): Promise<void> } | undefined;
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await pgDb?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const startChild = () => startStackProcess(dataDir, pgDb?.url, children);

const BATCH = 3;
const codeOf = (batch: number, i: number) => `crash-${batch}-${i}`;

interface Acked {
  batches: number[];
  files: Map<string, string>; // name -> sha256
}

/** Writers that run until stopped: row batches through REST and uploads through storage. */
function writeLoad(admin: SupabaseClient, acked: Acked) {
  let stopped = false;
  let nextBatch = 0;
  let nextFile = 0;
  const rowWriter = async () => {
    while (!stopped) {
      const b = nextBatch++;
      const rows = Array.from({ length: BATCH }, (_, i) => ({ code: codeOf(b, i), name: `crash product ${b}.${i}`, list_price: b + i }));
      const { error } = await admin.from('products').insert(rows);
      if (!error && !stopped) acked.batches.push(b);
    }
  };
  const fileWriter = async () => {
    while (!stopped) {
      const name = `crash/file-${nextFile++}.pdf`;
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(64 * 1024 + Math.floor(Math.random() * 192 * 1024))]);
      const { error } = await admin.storage.from('contracts').upload(name, new Blob([bytes], { type: 'application/pdf' }));
      if (!error && !stopped) acked.files.set(name, crypto.createHash('sha256').update(bytes).digest('hex'));
    }
  };
  const running = [rowWriter(), rowWriter(), rowWriter(), fileWriter(), fileWriter()].map((p) => p.catch(() => {}));
  return {
    // After the kill no answer counts as an acknowledgement: only those received before it.
    stop: () => {
      stopped = true;
      return Promise.all(running);
    },
  };
}

describe('crash during a mixed write load', () => {
  it('keeps every acknowledged row and file, and nothing half-written', async () => {
    if (onPostgres()) pgDb = await createTempPostgresDb();
    const { serviceRoleKey } = await makeApiKeys(DEFAULT_JWT_SECRET);
    const first = await startChild();
    const admin1 = makeClient(first.url, serviceRoleKey);
    const acked: Acked = { batches: [], files: new Map() };
    const load = writeLoad(admin1, acked);
    // Kill once the load is well under way: enough acknowledged writes of both kinds.
    const deadline = Date.now() + 60_000;
    while ((acked.batches.length < 20 || acked.files.size < 6) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    const ackedBatches = [...acked.batches];
    const ackedFiles = new Map(acked.files);
    await load.stop();
    await exited;
    expect(ackedBatches.length).toBeGreaterThanOrEqual(20);
    expect(ackedFiles.size).toBeGreaterThanOrEqual(6);

    const second = await startChild();
    const admin2 = makeClient(second.url, serviceRoleKey);
    const { data: rows, error } = await admin2.from('products').select('code').like('code', 'crash-%');
    expect(error).toBeNull();
    const present = new Map<number, number>();
    for (const { code } of rows!) {
      const b = Number(code.split('-')[1]);
      present.set(b, (present.get(b) ?? 0) + 1);
    }
    for (const b of ackedBatches) expect(present.get(b), `acknowledged batch ${b}`).toBe(BATCH);
    // A request is one transaction: a batch is whole or absent, whether or not it was acknowledged.
    for (const [b, n] of present) expect(n, `batch ${b}`).toBe(BATCH);

    for (const [name, sha] of ackedFiles) {
      const { data, error: e } = await admin2.storage.from('contracts').download(name);
      expect(e, name).toBeNull();
      expect(crypto.createHash('sha256').update(Buffer.from(await data!.arrayBuffer())).digest('hex'), name).toBe(sha);
    }
    // Every object row that exists (acknowledged or not) has its whole file.
    const { data: listed } = await admin2.storage.from('contracts').list('crash', { limit: 1000 });
    for (const o of listed!) {
      const { data, error: e } = await admin2.storage.from('contracts').download(`crash/${o.name}`);
      expect(e, o.name).toBeNull();
      expect(data!.size, o.name).toBe(o.metadata?.size);
    }
    // A file renamed into place whose transaction never committed was removed at the restart: every
    // object on disk has its row, and no write is left unsettled.
    const bucketDir = `${dataDir}/storage/buckets/contracts/crash`;
    const onDisk = fs.existsSync(bucketDir) ? fs.readdirSync(bucketDir) : [];
    expect(onDisk.sort()).toEqual(listed!.map((o) => o.name).sort());
    expect(fs.readdirSync(`${dataDir}/storage/pending`)).toEqual([]);
    expect(fs.existsSync(`${dataDir}/storage/tmp`) ? fs.readdirSync(`${dataDir}/storage/tmp`) : []).toEqual([]);
    second.child.kill('SIGKILL');
  }, 240_000);
});
