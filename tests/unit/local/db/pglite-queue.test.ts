// PGlite has one connection: concurrent transactions must run one at a time, never interleaved,
// and none may fail because another is running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../../../supabase/local/db/pglite.ts';
import type { Db } from '../../../../supabase/local/db/types.ts';

let db: Db;
beforeAll(async () => {
  db = await openPglite(undefined);
  await db.exec('create table counter (id int primary key, n int not null); insert into counter values (1, 0)');
});
afterAll(() => db.close());

describe('PGlite request queue', () => {
  it('serializes concurrent read-modify-write transactions without lost updates', async () => {
    const tasks = Array.from({ length: 60 }, () =>
      db.transaction(async (tx) => {
        const { rows } = await tx.query<{ n: number }>('select n from counter where id = 1');
        await new Promise((r) => setTimeout(r, 1)); // yield: an interleaving queue would lose updates here
        await tx.query('update counter set n = $1 where id = 1', [rows[0].n + 1]);
      }),
    );
    await Promise.all(tasks);
    const { rows } = await db.query<{ n: number }>('select n from counter where id = 1');
    expect(rows[0].n).toBe(60);
  });

  it('a failing transaction rolls back alone and the ones queued behind it still commit', async () => {
    await db.exec('update counter set n = 0');
    const results = await Promise.allSettled([
      db.transaction((tx) => tx.query('update counter set n = n + 1')),
      db.transaction(async (tx) => {
        await tx.query('update counter set n = n + 100');
        throw new Error('boom');
      }),
      db.transaction((tx) => tx.query('update counter set n = n + 1')),
      db.query('update counter set n = n + 1'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const { rows } = await db.query<{ n: number }>('select n from counter');
    expect(rows[0].n).toBe(3);
  });

  it('keeps statements of one transaction together while other work waits', async () => {
    await db.exec('create table seq_log (i serial primary key, who text)');
    await Promise.all(
      ['a', 'b', 'c'].map((who) =>
        db.transaction(async (tx) => {
          for (let k = 0; k < 5; k++) {
            await tx.query('insert into seq_log (who) values ($1)', [who]);
            await new Promise((r) => setTimeout(r, 1));
          }
        }),
      ),
    );
    const { rows } = await db.query<{ who: string }>('select who from seq_log order by i');
    expect(rows.map((r) => r.who).join('')).toBe('aaaaabbbbbccccc');
  });
});
