// Orders placed in one call (all lines or nothing) and receivables ageing grouped by customer,
// owner or group, through supabase-js as the demo people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';
import { PEOPLE, sql, type As } from './customers-fixtures.ts';
import { newContract, newSignedContract, rpcOk, type ContractRow } from './contracts-fixtures.ts';

let t: TestStack;
let as: As;
let signed: ContractRow;
let lineId: string;

const orderCount = async (contractId: string) =>
  (await sql<{ n: number }>(t, `select count(*)::int as n from public.orders where contract_id = $1`, [contractId]))[0]!.n;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
  // 100,000 due in three instalments: 61–90, 0–30 days overdue and not yet due on 2026-04-15.
  ({ contract: signed } = await newSignedContract(t, as, 'sales1', 100000, [
    { due_on: '2026-01-20', amount: 20000 },
    { due_on: '2026-04-01', amount: 30000 },
    { due_on: '2026-06-01', amount: 50000 },
  ]));
  const { client } = await as('sales1');
  lineId = (await client.from('contract_lines').select('id').eq('contract_id', signed.id).single()).data!.id;
});
afterAll(() => t?.close());

describe('create_order', () => {
  it('places the order with its lines in one call', async () => {
    const order = await rpcOk<{ id: string; order_no: string; contract_id: string }>(as, 'sales1', 'create_order',
      { contract_id: signed.id, lines: [{ contract_line_id: lineId, quantity: 4 }], notes: '首批' });
    expect(order).toMatchObject({ contract_id: signed.id });
    expect(order.order_no).toMatch(/^DD\d{8}-\d{5}$/);
    const lines = await sql<{ quantity: number }>(t, `select quantity::float8 as quantity from public.order_lines where order_id = $1`, [order.id]);
    expect(lines).toEqual([{ quantity: 4 }]);
  });

  it('leaves no order behind when a line is over the contract, and refuses an empty order', async () => {
    const before = await orderCount(signed.id);
    const { client } = await as('sales1');
    const over = await client.rpc('create_order', { contract_id: signed.id, lines: [{ contract_line_id: lineId, quantity: 7 }] });
    expect(over.error).toMatchObject({ code: 'CT009', hint: 'contracts.errors.over_contract_qty' });
    const empty = await client.rpc('create_order', { contract_id: signed.id, lines: [] });
    expect(empty.error).toMatchObject({ code: 'CT014', hint: 'contracts.errors.no_order_lines' });
    expect(await orderCount(signed.id)).toBe(before);
    // What is left (6) can still be ordered.
    expect((await client.rpc('create_order', { contract_id: signed.id, lines: [{ contract_line_id: lineId, quantity: 6 }] })).error).toBeNull();
    expect(await orderCount(signed.id)).toBe(before + 1);
  });

  it('is refused outside the scope and on an unsigned contract, changing nothing', async () => {
    const before = await orderCount(signed.id);
    const sales3 = await as('sales3');
    const foreign = await sales3.client.rpc('create_order', { contract_id: signed.id, lines: [{ contract_line_id: lineId, quantity: 1 }] });
    expect(foreign.error).not.toBeNull();
    expect(await orderCount(signed.id)).toBe(before);
    const draft = await newContract(as, 'sales1', 1000);
    const { client } = await as('sales1');
    const res = await client.rpc('create_order', { contract_id: draft.id, lines: [{ contract_line_id: lineId, quantity: 1 }] });
    expect(res.error).toMatchObject({ code: 'CT003' });
    expect(await orderCount(draft.id)).toBe(0);
  });
});

describe('receivables_ageing_by', () => {
  type Ageing = { key_id: string; label: string; d0_30: number; d61_90: number; not_due: number; total_outstanding: number; instalments: number };
  const ageing = async (who: 'finance' | 'sales1' | 'sales3' | 'manager', dimension: string) => {
    const { client } = await as(who);
    return client.rpc('receivables_ageing_by', { dimension, as_of: '2026-04-15' });
  };

  it('buckets the same instalments per customer, owner and group', async () => {
    const byCustomer = (await ageing('finance', 'customer')).data as Ageing[];
    expect(byCustomer.find((r) => r.key_id === signed.customer_id)).toMatchObject(
      { d0_30: 30000, d61_90: 20000, not_due: 50000, total_outstanding: 100000, instalments: 3 });
    const byOwner = (await ageing('finance', 'owner')).data as Ageing[];
    const sales1Row = byOwner.find((r) => r.key_id === PEOPLE.sales1)!;
    expect(sales1Row.label).toBeTruthy();
    expect(sales1Row.total_outstanding).toBeGreaterThanOrEqual(100000);
    const byGroup = (await ageing('finance', 'group')).data as Ageing[];
    // Every grouping adds up to the same total.
    const total = (rows: Ageing[]) => rows.reduce((s, r) => s + Number(r.total_outstanding), 0);
    expect(total(byOwner)).toBeCloseTo(total(byCustomer), 2);
    expect(total(byGroup)).toBeCloseTo(total(byCustomer), 2);
    const [{ sum }] = await sql<{ sum: number }>(t, `select sum(outstanding)::float8 as sum from public.receivable_instalments('2026-04-15')`);
    expect(total(byGroup)).toBeCloseTo(sum, 2);
  });

  it("shows each reader only what their RLS lets them see, and refuses an unknown grouping", async () => {
    const other = (await ageing('sales3', 'owner')).data as Ageing[];
    expect(other.find((r) => r.key_id === PEOPLE.sales1)).toBeUndefined();
    const own = (await ageing('sales1', 'owner')).data as Ageing[];
    expect(own.map((r) => r.key_id)).toEqual([PEOPLE.sales1]);
    expect((await ageing('finance', 'salary')).error).toMatchObject({ code: 'CT015' });
    const { client } = await as('finance');
    const view = await client.from('receivables_ageing_groups_today').select('key_id, label, total_outstanding', { count: 'exact' });
    expect(view.error).toBeNull();
    expect(view.count).toBeGreaterThan(0);
    const anon = await t.client().from('receivables_ageing_owners_today').select('key_id');
    expect(anon.error).not.toBeNull();
  });
});
