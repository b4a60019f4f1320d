// Load: N simulated users for T seconds, each in a loop of 80 % reads (list pages, the customer
// page) and 20 % writes (follow-ups, new customers, file uploads), as themselves through
// supabase-js. Afterwards every acknowledged write is counted back in the database.
import type { Db } from '../../supabase/local/db/types.ts';
import { LIST_PAGES, customerPage, type PageContext } from './pages.ts';
import { summarise, timed, type Summary } from './measure.ts';

export interface LoadResult {
  users: number;
  seconds: number;
  requests: number;
  throughput: number;
  reads: Summary;
  writes: Summary;
  errors: number;
  firstError?: string;
  acked: { followUps: number; customers: number; uploads: number };
  found: { followUps: number; customers: number; uploads: number };
  lost: number;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function runLoad(db: Db, users: PageContext[], seconds: number, runId: string): Promise<LoadResult> {
  const reads: number[] = [];
  const writes: number[] = [];
  const acked = { followUps: 0, customers: 0, uploads: 0 };
  let errors = 0;
  let firstError: string | undefined;
  const readPages = [...Object.values(LIST_PAGES), customerPage];
  const until = Date.now() + seconds * 1000;
  const started = Date.now();

  const simulate = async (u: PageContext, index: number) => {
    const r = rng(index + 1);
    let n = 0;
    while (Date.now() < until) {
      const x = r();
      const tag = `load ${runId} ${index}-${n++}`;
      try {
        if (x < 0.8) {
          reads.push(await timed(() => readPages[Math.floor(r() * readPages.length)](u)));
        } else if (x < 0.9) {
          writes.push(await timed(async () => {
            const { error } = await u.client.from('follow_ups').insert({ customer_id: u.customerId, method: 'phone', content: tag });
            if (error) throw new Error(`follow-up: ${error.message}`);
          }));
          acked.followUps++;
        } else if (x < 0.95) {
          writes.push(await timed(async () => {
            const { error } = await u.client.from('customers').insert({ name: `${tag} 客户` });
            if (error) throw new Error(`customer: ${error.message}`);
          }));
          acked.customers++;
        } else {
          writes.push(await timed(async () => {
            const body = new Blob([`${tag}\n`.repeat(2000)], { type: 'text/plain' });
            const { error } = await u.client.storage.from('attachments').upload(`users/${u.userId}/${runId}/${index}-${n}.txt`, body);
            if (error) throw new Error(`upload: ${error.message}`);
          }));
          acked.uploads++;
        }
      } catch (e) {
        errors++;
        firstError ??= (e as Error).message;
      }
    }
  };
  await Promise.all(users.map((u, i) => simulate(u, i)));
  const elapsed = (Date.now() - started) / 1000;

  const count = async (sql: string, param: string) => Number((await db.query<{ n: string }>(sql, [param])).rows[0].n);
  const found = {
    followUps: await count(`select count(*) as n from public.follow_ups where content like $1`, `load ${runId} %`),
    customers: await count(`select count(*) as n from public.customers where name like $1`, `load ${runId} %`),
    uploads: await count(`select count(*) as n from storage.objects where bucket_id = 'attachments' and name like $1`, `users/%/${runId}/%`),
  };
  const lost = Math.max(0, acked.followUps - found.followUps) + Math.max(0, acked.customers - found.customers) + Math.max(0, acked.uploads - found.uploads);
  return {
    users: users.length,
    seconds: elapsed,
    requests: reads.length + writes.length,
    throughput: (reads.length + writes.length) / elapsed,
    reads: summarise(reads),
    writes: summarise(writes),
    errors,
    firstError,
    acked,
    found,
    lost,
  };
}
