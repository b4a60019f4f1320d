// Receivables are read from a table the database keeps (private.receivable_balances). These tests
// hold it to the rule it replaced: for every demo person, receivable_instalments() returns exactly
// the open instalments of signed / running contracts that person reads through the tables' own
// policies, with every payment counted, and it follows each kind of write at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { DEMO, demoPeople, type DemoPerson } from '../helpers/demo.ts';
import { sql, type As } from './customers-fixtures.ts';
import { newSignedContract, rpcOk, type ContractRow } from './contracts-fixtures.ts';
import { LOCAL_JOBS, startScheduler } from '../../supabase/local/scheduler.ts';

const AS_OF = '2026-04-15';
const EVERYONE = Object.keys(DEMO) as DemoPerson[];

interface Receivable { instalment_id: string; contract_id: string; contract_no: string; customer_id: string; owner_id: string;
  group_id: string | null; seq: number; due_on: string; amount: number; paid: number; outstanding: number; bucket: string }

let t: TestStack;
let as: As;
let signed: ContractRow;
let instalments: { id: string; seq: number }[];

/** What the function returns to `who`, ordered by instalment. */
async function actual(who: DemoPerson): Promise<Receivable[]> {
  const { client } = await as(who);
  const { data, error } = await client.rpc('receivable_instalments', { as_of: AS_OF })
    .select('instalment_id, contract_id, contract_no, customer_id, owner_id, group_id, seq, due_on, amount, paid, outstanding, bucket')
    .order('instalment_id');
  expect(error).toBeNull();
  return data as Receivable[];
}

const TODAY = new Date().toISOString().slice(0, 10);

const bucketOf = (dueOn: string, asOf = AS_OF) => {
  const days = (Date.parse(asOf) - Date.parse(dueOn)) / 86_400_000;
  return days <= 0 ? 'not_due' : days <= 30 ? '0_30' : days <= 60 ? '31_60' : days <= 90 ? '61_90' : '90_plus';
};

/** The same, worked out from the instalments and contracts `who` reads through their own policies. */
async function expected(who: DemoPerson, asOf = AS_OF): Promise<Receivable[]> {
  const { client } = await as(who);
  const { data, error } = await client.from('payment_instalments')
    .select('id, contract_id, seq, due_on, amount, paid_amount, contracts!inner(contract_no, customer_id, owner_id, group_id, status)')
    .in('contracts.status', ['signed', 'executing', 'completed'])
    .order('id');
  expect(error).toBeNull();
  type Row = { id: string; contract_id: string; seq: number; due_on: string; amount: number; paid_amount: number;
    contracts: { contract_no: string; customer_id: string; owner_id: string; group_id: string | null } };
  return (data as unknown as Row[]).filter((r) => r.amount > r.paid_amount).map((r) => ({
    instalment_id: r.id, contract_id: r.contract_id, contract_no: r.contracts.contract_no, customer_id: r.contracts.customer_id,
    owner_id: r.contracts.owner_id, group_id: r.contracts.group_id, seq: r.seq, due_on: r.due_on, amount: r.amount,
    paid: r.paid_amount, outstanding: Math.round((r.amount - r.paid_amount) * 100) / 100, bucket: bucketOf(r.due_on, asOf),
  }));
}

type Ageing = Record<'not_due' | 'd0_30' | 'd31_60' | 'd61_90' | 'd90_plus' | 'total_outstanding', number>;
const BUCKET_COLUMN: Record<string, keyof Ageing> = { not_due: 'not_due', '0_30': 'd0_30', '31_60': 'd31_60', '61_90': 'd61_90', '90_plus': 'd90_plus' };

/** The ageing page's rows for `who`, keyed by customer / owner / group. */
async function actualAgeing(who: DemoPerson): Promise<Record<string, Ageing>> {
  const { client } = await as(who);
  const { data, error } = await client.from('receivables_ageing_today').select('*');
  expect(error).toBeNull();
  const out: Record<string, Ageing> = {};
  for (const r of data as (Ageing & { customer_id: string; owner_id: string; group_id: string | null })[]) {
    const key = `${r.customer_id}/${r.owner_id}/${r.group_id}`;
    expect(out[key], `one row per customer, owner and group (${key})`).toBeUndefined();
    out[key] = { not_due: r.not_due, d0_30: r.d0_30, d31_60: r.d31_60, d61_90: r.d61_90, d90_plus: r.d90_plus, total_outstanding: r.total_outstanding };
  }
  return out;
}

/** The same, summed from what `who` reads through the tables' own policies. */
async function expectedAgeing(who: DemoPerson): Promise<Record<string, Ageing>> {
  const out: Record<string, Ageing> = {};
  const cents = (x: number) => Math.round(x * 100);
  for (const r of await expected(who, TODAY)) {
    const a = (out[`${r.customer_id}/${r.owner_id}/${r.group_id}`] ??= { not_due: 0, d0_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, total_outstanding: 0 });
    a[BUCKET_COLUMN[r.bucket]!] = (cents(a[BUCKET_COLUMN[r.bucket]!]) + cents(r.outstanding)) / 100;
    a.total_outstanding = (cents(a.total_outstanding) + cents(r.outstanding)) / 100;
  }
  return out;
}

async function expectSameForEveryone() {
  for (const who of EVERYONE) {
    expect({ who, rows: await actual(who) }).toEqual({ who, rows: await expected(who) });
    expect({ who, ageing: await actualAgeing(who) }).toEqual({ who, ageing: await expectedAgeing(who) });
  }
}

/** Finance records a payment, as the app does. */
async function pay(instalmentId: string, amount: number) {
  const { client, id } = await as('finance');
  const { error } = await client.from('payments').insert({ instalment_id: instalmentId, amount, received_on: '2026-04-10', recorded_by: id });
  expect(error).toBeNull();
}

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
  ({ contract: signed, instalments } = await newSignedContract(t, as, 'sales1', 100000, [
    { due_on: '2026-01-20', amount: 20000 },
    { due_on: '2026-04-01', amount: 30000 },
    { due_on: '2026-06-01', amount: 50000 },
  ]));
  await newSignedContract(t, as, 'sales3', 40000, [{ due_on: '2026-02-01', amount: 40000 }]);
}, 120_000);
afterAll(() => t?.close());

describe('receivable_instalments', () => {
  it('returns, to every demo person, exactly what the tables\' own policies give them', async () => {
    const mine = await actual('sales1');
    expect(mine.filter((r) => r.contract_id === signed.id).map((r) => [r.seq, r.outstanding, r.bucket]))
      .toEqual(expect.arrayContaining([[1, 20000, '61_90'], [2, 30000, '0_30'], [3, 50000, 'not_due']]));
    expect((await actual('sales3')).some((r) => r.contract_id === signed.id)).toBe(false);
    await expectSameForEveryone();
    // A page as the app asks for it: the largest first, counted.
    const { client } = await as('finance');
    const page = await client.from('receivables_ageing_today').select('total_outstanding', { count: 'exact' })
      .order('total_outstanding', { ascending: false }).range(0, 2);
    const all = Object.values(await expectedAgeing('finance')).sort((a, b) => b.total_outstanding - a.total_outstanding);
    expect(page.count).toBe(all.length);
    expect(page.data).toEqual(all.slice(0, 3).map((a) => ({ total_outstanding: a.total_outstanding })));
  });

  it('follows payments: a part payment lowers what is due, a full one takes the instalment off', async () => {
    await pay(instalments[0]!.id, 5000);
    expect((await actual('finance')).find((r) => r.instalment_id === instalments[0]!.id)).toMatchObject({ paid: 5000, outstanding: 15000 });
    await pay(instalments[0]!.id, 15000);
    expect((await actual('finance')).some((r) => r.instalment_id === instalments[0]!.id)).toBe(false);
    await expectSameForEveryone();
  });

  it('follows the contract to a new owner, the customer to a new name, and off the list when terminated', async () => {
    const { client } = await as('sales1');
    const renamed = `改名客户 ${Date.now()}`;
    expect((await client.from('customers').update({ name: renamed }).eq('id', signed.customer_id)).error).toBeNull();
    const { data: ageing } = await (await as('finance')).client.from('receivables_ageing_today').select('customer_name').eq('customer_id', signed.customer_id);
    expect(ageing).toEqual([{ customer_name: renamed }]);

    // A handover or an admin moves the contract to another owner (as the database owner here).
    const before = (await as('sales1')).id;
    await sql(t, `update public.contracts set owner_id = $2 where id = $1`, [signed.id, (await as('sales2')).id]);
    expect((await actual('sales2')).filter((r) => r.contract_id === signed.id)).toHaveLength(2);
    expect((await actual('sales1')).filter((r) => r.contract_id === signed.id)).toHaveLength(0);
    await expectSameForEveryone();
    await sql(t, `update public.contracts set owner_id = $2 where id = $1`, [signed.id, before]);

    await rpcOk(as, 'manager', 'terminate_contract', { contract_id: signed.id, reason: '客户破产' });
    expect((await actual('finance')).some((r) => r.contract_id === signed.id)).toBe(false);
    await expectSameForEveryone();
  });

  it('keeps every payment when several land on one contract at the same time', async () => {
    const { contract, instalments: plan } = await newSignedContract(t, as, 'sales2', 60000, [
      { due_on: '2026-03-01', amount: 20000 }, { due_on: '2026-03-15', amount: 20000 }, { due_on: '2026-05-01', amount: 20000 },
    ]);
    const { client, id } = await as('finance');
    const results = await Promise.all(plan.map((i) =>
      client.from('payments').insert({ instalment_id: i.id, amount: 7000, received_on: '2026-04-10', recorded_by: id })));
    expect(results.map((r) => r.error)).toEqual([null, null, null]);
    const rows = (await actual('finance')).filter((r) => r.contract_id === contract.id);
    expect(rows.map((r) => r.outstanding).sort()).toEqual([13000, 13000, 13000]);
    await expectSameForEveryone();
  });

  it('shows an approver of one contract outside their scope that contract\'s receivables, and no more', async () => {
    const { contract } = await newSignedContract(t, as, 'sales1', 30000, [{ due_on: '2026-03-01', amount: 30000 }]);
    const key = `${contract.customer_id}/${contract.owner_id}`;
    expect(Object.keys(await actualAgeing('sales3')).some((k) => k.startsWith(key))).toBe(false);
    // An approval task of sales3 on it (as a transferred step would leave).
    await sql(t, `insert into public.approval_tasks (request_id, step_no, step_name, approver_id, status)
      select r.id, 9, '转交', $2, 'approved' from public.approval_requests r where r.record_type = 'contract' and r.record_id = $1`,
      [contract.id, (await as('sales3')).id]);
    const ageing = await actualAgeing('sales3');
    const mine = Object.entries(ageing).filter(([k]) => k.startsWith(key));
    expect(mine.map(([, a]) => a.total_outstanding)).toEqual([30000]);
    await expectSameForEveryone();
  });

  it('sums a customer\'s buckets afresh when they were summed on an earlier day, until the daily job re-ages them', async () => {
    // As the table stands after midnight: every row summed yesterday, its buckets now out of date.
    await sql(t, `update private.receivable_totals set as_of = as_of - 1, not_due = 0, d0_30 = 0, d31_60 = 0, d61_90 = 0, d90_plus = 0`);
    await expectSameForEveryone();
    // The local stack's scheduler runs the job as pg_cron does on Supabase.
    const stale = async () =>
      (await sql<{ n: number }>(t, `select count(*)::int as n from private.receivable_totals where as_of < current_date`))[0]!.n;
    const job = LOCAL_JOBS.find((j) => j.name === 'age-receivables')!;
    const failures: unknown[] = [];
    const stop = startScheduler(t.stack.ctx, [{ ...job, everyMs: 50, firstRunMs: 0 }], (_job, e) => failures.push(e));
    try {
      for (let i = 0; i < 100 && (await stale()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await stop();
    }
    expect(failures).toEqual([]);
    expect(await stale()).toBe(0);
    await expectSameForEveryone();
    // The owners' and groups' pages add up the same rows.
    const { client } = await as('finance');
    const byOwner = (await client.from('receivables_ageing_owners_today').select('total_outstanding, d0_30')).data!;
    const byGroup = (await client.from('receivables_ageing_groups_today').select('total_outstanding, d0_30')).data!;
    const all = Object.values(await expectedAgeing('finance'));
    const total = (rows: { total_outstanding: number }[]) => Math.round(rows.reduce((x, r) => x + r.total_outstanding * 100, 0));
    expect(total(byOwner)).toBe(total(all));
    expect(total(byGroup)).toBe(total(all));
  });

  it('is not reachable through the API, and refuses anon', async () => {
    const { client } = await as('finance');
    const direct = await client.schema('private' as 'public').from('receivable_balances').select('*');
    expect(direct.error).toMatchObject({ code: 'PGRST106' });
    const anon = await t.client().rpc('receivable_instalments', { as_of: AS_OF });
    expect(anon.error).not.toBeNull();
    expect(anon.data).toBeNull();
  });
});
