// The customer pool (公海) and the customer RPCs through supabase-js: claim (and the race of two
// claims), release, reassignment within scope, recycling of idle customers by the scheduled job
// (and by the local scheduler), key-customer revisit reminders, follow-up dates, similar names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople, GROUPS, type DemoPerson } from '../helpers/demo.ts';
import { startScheduler } from '../../supabase/local/scheduler.ts';
import { createCustomer, PEOPLE, poolCustomer, sql, type As } from './customers-fixtures.ts';

let t: TestStack;
let as: As;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
});
afterAll(() => t?.close());

const ownerOf = async (id: string) =>
  (await sql<{ owner_id: string | null }>(t, 'select owner_id from public.customers where id = $1', [id]))[0]!.owner_id;

describe('claiming from the pool', () => {
  it('two claims at once: exactly one wins, the other is told it is taken', async () => {
    const c = await poolCustomer(t, GROUPS.marketing);
    const [a, b] = await Promise.all([as('sales1'), as('sales2')]);
    const results = await Promise.all([
      a.client.rpc('claim_customer', { customer_id: c.id }),
      b.client.rpc('claim_customer', { customer_id: c.id }),
    ]);
    const winners = results.filter((r) => r.error === null);
    const losers = results.filter((r) => r.error !== null);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]!.status).toBe(400);
    expect(losers[0]!.error).toMatchObject({ code: 'CU002', hint: 'customers.errors.already_owned' });
    const winner = winners[0]!.data as { owner_id: string };
    expect([PEOPLE.sales1, PEOPLE.sales2]).toContain(winner.owner_id);
    expect(await ownerOf(c.id)).toBe(winner.owner_id);
  });

  it('a claimed customer joins the claimer\'s group and leaves the pool for others', async () => {
    const c = await poolCustomer(t, GROUPS.customerService);
    const sales3 = await as('sales3');
    expect((await (await as('sales1')).client.from('customers').select('id').eq('id', c.id)).data).toHaveLength(1);
    const res = await sales3.client.rpc('claim_customer', { customer_id: c.id });
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ owner_id: PEOPLE.sales3, group_id: GROUPS.projectExecution });
    expect((await (await as('sales1')).client.from('customers').select('id').eq('id', c.id)).data).toEqual([]);
  });

  it('refused: people who do not sell, unknown customers, customers with an owner', async () => {
    const c = await poolCustomer(t, GROUPS.marketing);
    const cs1 = await (await as('cs1')).client.rpc('claim_customer', { customer_id: c.id });
    expect(cs1.error).toMatchObject({ code: 'CU004', hint: 'customers.errors.not_allowed' });
    const unknown = await (await as('sales1')).client.rpc('claim_customer', { customer_id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.error).toMatchObject({ code: 'CU001' });
    const owned = await createCustomer(as, 'sales2');
    const taken = await (await as('sales1')).client.rpc('claim_customer', { customer_id: owned.id });
    expect(taken.error).toMatchObject({ code: 'CU002' });
    expect(await ownerOf(c.id)).toBeNull();
    expect(await ownerOf(owned.id)).toBe(PEOPLE.sales2);
    const anon = await t.client().rpc('claim_customer', { customer_id: c.id });
    expect(anon.error).not.toBeNull();
    expect(await ownerOf(c.id)).toBeNull();
  });

  it('only the owner releases a customer back into the pool', async () => {
    const c = await createCustomer(as, 'sales1');
    for (const who of ['sales2', 'leaderMkt'] as DemoPerson[]) {
      const res = await (await as(who)).client.rpc('release_customer', { customer_id: c.id });
      expect(res.error, who).toMatchObject({ code: 'CU003', hint: 'customers.errors.not_owner' });
    }
    expect(await ownerOf(c.id)).toBe(PEOPLE.sales1);
    const ok = await (await as('sales1')).client.rpc('release_customer', { customer_id: c.id });
    expect(ok.error).toBeNull();
    expect(ok.data).toMatchObject({ owner_id: null, group_id: GROUPS.marketing });
    // Now in the pool: other sellers see it and may claim it.
    const seen = await (await as('sales3')).client.from('customers').select('id').eq('id', c.id);
    expect(seen.data).toHaveLength(1);
  });
});

describe('reassigning customers', () => {
  it('a group leader moves members\' customers within the group; it is in the history', async () => {
    const c1 = await createCustomer(as, 'sales1');
    const c2 = await createCustomer(as, 'sales1');
    const leader = await as('leaderMkt');
    const res = await leader.client.rpc('reassign_customers', { ids: [c1.id, c2.id], to_user: PEOPLE.sales2 });
    expect(res.error).toBeNull();
    expect(res.data).toBe(2);
    expect(await ownerOf(c1.id)).toBe(PEOPLE.sales2);
    const history = await leader.client.from('audit_log').select('actor_id, changed_columns, old_values, new_values')
      .eq('table_name', 'customers').eq('record_id', c1.id).eq('action', 'UPDATE');
    expect(history.error).toBeNull();
    const change = history.data!.find((h) => (h.changed_columns as string[]).includes('owner_id'));
    expect(change).toMatchObject({ actor_id: PEOPLE.leaderMkt, old_values: { owner_id: PEOPLE.sales1 }, new_values: { owner_id: PEOPLE.sales2 } });
    const told = await (await as('sales2')).client.from('notifications').select('kind').eq('kind', 'transferred');
    expect(told.data!.length).toBeGreaterThan(0);
  });

  it('refused outside one\'s scope, to people outside it, and for salespeople; all or nothing', async () => {
    const mine = await createCustomer(as, 'sales1');
    const theirs = await createCustomer(as, 'sales3');
    const leader = await as('leaderMkt');
    const outsideCustomer = await leader.client.rpc('reassign_customers', { ids: [mine.id, theirs.id], to_user: PEOPLE.sales2 });
    expect(outsideCustomer.error).toMatchObject({ code: 'CU004', hint: 'customers.errors.out_of_scope' });
    const outsideReceiver = await leader.client.rpc('reassign_customers', { ids: [mine.id], to_user: PEOPLE.sales3 });
    expect(outsideReceiver.error).toMatchObject({ code: 'CU005' });
    const salesperson = await (await as('sales1')).client.rpc('reassign_customers', { ids: [mine.id], to_user: PEOPLE.sales2 });
    expect(salesperson.error).toMatchObject({ code: 'CU004', hint: 'customers.errors.not_allowed' });
    expect(await ownerOf(mine.id)).toBe(PEOPLE.sales1);
    expect(await ownerOf(theirs.id)).toBe(PEOPLE.sales3);
  });

  it('the department manager moves customers across groups; the group follows the owner', async () => {
    const c = await createCustomer(as, 'sales1');
    const res = await (await as('manager')).client.rpc('reassign_customers', { ids: [c.id], to_user: PEOPLE.sales3 });
    expect(res.data).toBe(1);
    const [row] = await sql(t, 'select owner_id, group_id from public.customers where id = $1', [c.id]);
    expect(row).toEqual({ owner_id: PEOPLE.sales3, group_id: GROUPS.projectExecution });
  });
});

describe('follow-up dates', () => {
  it('a follow-up moves the customer\'s last and next follow-up dates', async () => {
    const c = await createCustomer(as, 'sales1');
    const res = await (await as('sales1')).client.from('follow_ups')
      .insert({ customer_id: c.id, method: 'visit', content: '上门拜访', customer_feedback: '满意', next_step: '报价', next_date: '2030-03-01' })
      .select('followed_at').single();
    expect(res.error).toBeNull();
    const { data } = await (await as('sales1')).client.from('customers').select('last_follow_up_at, next_follow_up_on').eq('id', c.id).single();
    expect(new Date(data!.last_follow_up_at as string).getTime()).toBe(new Date(res.data!.followed_at as string).getTime());
    expect(data!.next_follow_up_on).toBe('2030-03-01');
  });
});

describe('recycling idle customers into the pool', () => {
  async function idleCustomer(days: number) {
    const c = await createCustomer(as, 'sales2');
    await sql(t, `update public.customers set created_at = now() - make_interval(days => $2),
                    owner_assigned_at = now() - make_interval(days => $2), last_follow_up_at = now() - make_interval(days => $2)
                   where id = $1`, [c.id, days]);
    return c;
  }

  it('customers without a follow-up for N days (an admin setting) go back; recent ones stay', async () => {
    const set = await (await as('admin')).client.from('app_settings').update({ value: 10 }).eq('key', 'customer_pool.idle_days').select();
    expect(set.data).toHaveLength(1);
    const idle = await idleCustomer(12);
    const recent = await idleCustomer(8);
    const res = await t.admin().rpc('recycle_idle_customers');
    expect(res.error).toBeNull();
    expect(res.data).toBeGreaterThanOrEqual(1);
    expect(await ownerOf(idle.id)).toBeNull();
    expect(await ownerOf(recent.id)).toBe(PEOPLE.sales2);
    const told = await (await as('sales2')).client.from('notifications').select('kind, record_id').eq('record_id', idle.id);
    expect(told.data).toEqual([{ kind: 'info', record_id: idle.id }]);
    // Nothing more to do on a second run.
    const again = await t.admin().rpc('recycle_idle_customers');
    expect(again.data).toBe(0);
  });

  it('signed-in users cannot run the job themselves', async () => {
    const idle = await idleCustomer(400);
    const res = await (await as('manager')).client.rpc('recycle_idle_customers');
    expect(res.error).not.toBeNull();
    expect(res.status).toBe(403);
    expect(await ownerOf(idle.id)).toBe(PEOPLE.sales2);
  });

  it('the local scheduler runs the job without anyone acting', async () => {
    const idle = await idleCustomer(400);
    const failures: unknown[] = [];
    const stop = startScheduler(t.stack.ctx, [
      { name: 'recycle-idle-customers', sql: 'select public.recycle_idle_customers()', everyMs: 50, firstRunMs: 0 },
    ], (_job, e) => failures.push(e));
    try {
      for (let i = 0; i < 100 && (await ownerOf(idle.id)) !== null; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await stop();
    }
    expect(failures).toEqual([]);
    expect(await ownerOf(idle.id)).toBeNull();
  });
});

describe('key customer revisits', () => {
  it('an overdue revisit reminds the owner once a day', async () => {
    const c = await createCustomer(as, 'sales1', { level: 'key', revisit_interval_days: 7 });
    const fresh = await createCustomer(as, 'sales1', { level: 'key', revisit_interval_days: 7 });
    await sql(t, `update public.customers set last_follow_up_at = now() - interval '9 days' where id = $1`, [c.id]);
    const first = await t.admin().rpc('remind_overdue_revisits');
    expect(first.data).toBeGreaterThanOrEqual(1);
    const again = await t.admin().rpc('remind_overdue_revisits');
    expect(again.data).toBe(0);
    const sales1 = await as('sales1');
    const mine = await sales1.client.from('notifications').select('kind, record_id, link').in('record_id', [c.id, fresh.id]);
    expect(mine.data).toEqual([{ kind: 'reminder', record_id: c.id, link: `/customers/show/${c.id}` }]);
  });
});

describe('similar company names', () => {
  it('warns about similar names, including customers the caller cannot read', async () => {
    const sales3 = await as('sales3');
    // Seeded customer of the marketing group, outside sales3's scope.
    const res = await sales3.client.rpc('similar_customers', { name: '上海华东精密机械公司' });
    expect(res.error).toBeNull();
    const rows = res.data as { customer_name: string; owner_name: string | null; in_pool: boolean; similarity: number }[];
    expect(rows[0]).toMatchObject({ customer_name: '上海华东精密机械有限公司', in_pool: false });
    expect(rows[0]!.similarity).toBeGreaterThan(0.3);
    expect(rows[0]!.owner_name).toBeTruthy();
  });

  it('is quiet for an unrelated or blank name, and refuses anonymous callers', async () => {
    const sales3 = await as('sales3');
    expect((await sales3.client.rpc('similar_customers', { name: '完全不同的名字xyz' })).data).toEqual([]);
    expect((await sales3.client.rpc('similar_customers', { name: ' ' })).data).toEqual([]);
    const anon = await t.client().rpc('similar_customers', { name: '上海华东精密机械公司' });
    expect(anon.error).not.toBeNull();
  });
});
