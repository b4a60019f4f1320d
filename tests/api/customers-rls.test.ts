// Customers and their child tables per role, through supabase-js as demo users: the read matrix
// over the seeded department (checked against an independent statement of the rule), and which
// writes each role may make or is refused, with refused writes changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople, GROUPS, type DemoPerson } from '../helpers/demo.ts';
import { createCustomer, PEOPLE, sql, type As, type CustomerRow } from './customers-fixtures.ts';

let t: TestStack;
let as: As;
let seeded: CustomerRow[];
let shared: { customer_id: string; user_id: string }[];
let inContractReview: Set<string>;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
  seeded = await sql<CustomerRow>(t, 'select id, name, owner_id, group_id from public.customers');
  shared = await sql(t, 'select customer_id, user_id from public.customer_shares');
  inContractReview = await contractReviewCustomers();
});

// Customers whose contract waits in the approval engine (what legal may read).
async function contractReviewCustomers(): Promise<Set<string>> {
  const rows = await sql<{ customer_id: string }>(t, `select distinct k.customer_id from public.contracts k
    join public.approval_requests r on r.record_type = 'contract' and r.record_id = k.id and r.status = 'pending'`);
  return new Set(rows.map((r) => r.customer_id));
}
afterAll(() => t?.close());

// The rule of DOMAIN.md §1 / issue 9, written independently of the SQL.
const SCOPE: Partial<Record<DemoPerson, { groups: string[]; deptWide?: boolean; seller: boolean; finance?: boolean; legal?: boolean }>> = {
  sales1: { groups: [], seller: true },
  sales2: { groups: [], seller: true },
  sales3: { groups: [], seller: true },
  cs1: { groups: [], seller: false },
  merch1: { groups: [], seller: false },
  leaderMkt: { groups: [GROUPS.marketing], seller: true },
  leaderPe: { groups: [GROUPS.projectExecution], seller: true },
  leaderCs: { groups: [GROUPS.customerService], seller: true },
  deputy1: { groups: [GROUPS.marketing, GROUPS.projectExecution], seller: true },
  deputy2: { groups: [GROUPS.customerService], seller: true },
  manager: { groups: [], deptWide: true, seller: true },
  gm: { groups: [], deptWide: true, seller: true },
  admin: { groups: [], deptWide: true, seller: true },
  finance: { groups: [], seller: false, finance: true },
  legal: { groups: [], seller: false, legal: true },
  hr: { groups: [], seller: false },
};

async function visibleIds(who: DemoPerson, table = 'customers'): Promise<string[]> {
  const { client } = await as(who);
  const { data, error } = await client.from(table).select('id').order('id').limit(1000);
  expect(error).toBeNull();
  return data!.map((r) => r.id as string);
}

describe('who reads which customers', () => {
  it.each(Object.keys(SCOPE) as DemoPerson[])('%s reads exactly its scope, the pool if it sells, and shares', async (who) => {
    const me = (await as(who)).id;
    const s = SCOPE[who]!;
    const mine = new Set(shared.filter((x) => x.user_id === me).map((x) => x.customer_id));
    const expected = seeded
      .filter((c) =>
        c.owner_id === me ||
        (c.group_id !== null && s.groups.includes(c.group_id)) ||
        s.deptWide ||
        s.finance ||
        (c.owner_id === null && s.seller) ||
        (s.legal && inContractReview.has(c.id)) ||
        mine.has(c.id))
      .map((c) => c.id)
      .sort();
    const got = await visibleIds(who);
    expect(got).toEqual(expected);
  });

  it('the matrix is not trivial: scopes differ and some people see nothing', async () => {
    expect((await visibleIds('sales1')).length).toBeGreaterThan(0);
    expect((await visibleIds('sales1')).length).toBeLessThan(seeded.length);
    expect(await visibleIds('hr')).toEqual([]);
    expect((await visibleIds('legal')).length).toBeLessThan(seeded.length);
    expect(await visibleIds('finance')).toHaveLength(seeded.length);
  });

  it('anon reads nothing', async () => {
    const { data, error } = await t.client().from('customers').select('id');
    expect(error).toBeNull();
    expect(data).toEqual([]);
  });

  it('a salesperson reads a shared customer of a colleague, with its contacts and follow-ups', async () => {
    const share = shared.find((x) => x.user_id === PEOPLE.sales2)!;
    expect(share).toBeDefined();
    const sales2 = await as('sales2');
    const { data } = await sales2.client.from('customers').select('id, contacts(id), follow_ups(id)').eq('id', share.customer_id).single();
    expect(data!.contacts.length).toBeGreaterThan(0);
    expect(data!.follow_ups.length).toBeGreaterThan(0);
    // …but cannot edit it.
    const upd = await sales2.client.from('customers').update({ notes: 'x' }).eq('id', share.customer_id).select();
    expect(upd.data).toEqual([]);
  });

  it('contacts, follow-ups and visits follow the customers one can read', async () => {
    const customers = new Set(await visibleIds('sales3'));
    const all = await sql<{ id: string; customer_id: string }>(t, 'select id, customer_id from public.contacts');
    const expected = all.filter((c) => customers.has(c.customer_id)).map((c) => c.id).sort();
    expect(await visibleIds('sales3', 'contacts')).toEqual(expected);
    expect(await visibleIds('hr', 'follow_ups')).toEqual([]);
    expect(await visibleIds('hr', 'visit_plans')).toEqual([]);
    const fu = await sql<{ id: string; customer_id: string }>(t, 'select id, customer_id from public.follow_ups');
    expect(await visibleIds('sales3', 'follow_ups')).toEqual(fu.filter((f) => customers.has(f.customer_id)).map((f) => f.id).sort());
  });
});

describe('who writes customers', () => {
  it('a salesperson creates a customer: owner is them, group is theirs', async () => {
    const c = await createCustomer(as, 'sales1', { industry: '机械制造', tags: ['展会'] });
    expect(c).toMatchObject({ owner_id: PEOPLE.sales1, group_id: GROUPS.marketing });
  });

  it('a group leader can put a new customer in the name of a member, a salesperson cannot', async () => {
    const sales1 = await as('sales1');
    const refused = await sales1.client.from('customers').insert({ name: '越权客户一号', owner_id: PEOPLE.sales3 }).select();
    expect(refused.status).toBe(403);
    expect(refused.error).toMatchObject({ code: '42501' });
    expect(await sql(t, 'select 1 from public.customers where name = $1', ['越权客户一号'])).toEqual([]);
    const leader = await as('leaderMkt');
    const ok = await leader.client.from('customers').insert({ name: '组长代建客户', owner_id: PEOPLE.sales2 }).select().single();
    expect(ok.error).toBeNull();
    expect(ok.data).toMatchObject({ owner_id: PEOPLE.sales2, group_id: GROUPS.marketing });
  });

  it.each(['finance', 'legal', 'hr', 'cs1'] as DemoPerson[])('%s cannot create customers', async (who) => {
    const { client } = await as(who);
    const name = `不该有的客户 ${who}`;
    const res = await client.from('customers').insert({ name }).select();
    expect(res.status).toBe(403);
    expect(await sql(t, 'select 1 from public.customers where name = $1', [name])).toEqual([]);
  });

  it('edits: owner and group leader yes; another salesperson, another group and finance no', async () => {
    const c = await createCustomer(as, 'sales1');
    for (const who of ['sales2', 'leaderPe', 'finance', 'deputy2'] as DemoPerson[]) {
      const { client } = await as(who);
      const res = await client.from('customers').update({ stage: 'lost' }).eq('id', c.id).select();
      expect(res.error, who).toBeNull();
      expect(res.data, who).toEqual([]);
    }
    expect((await sql(t, 'select stage from public.customers where id = $1', [c.id]))[0]).toEqual({ stage: 'potential' });
    for (const [who, stage] of [['sales1', 'initial_contact'], ['leaderMkt', 'needs_analysis'], ['deputy1', 'proposal'], ['manager', 'negotiation']] as const) {
      const { client } = await as(who);
      const res = await client.from('customers').update({ stage }).eq('id', c.id).select('stage');
      expect(res.data, who).toEqual([{ stage }]);
    }
  });

  it('nobody changes the owner by editing the row (only claim / release / reassign)', async () => {
    const c = await createCustomer(as, 'sales1');
    for (const who of ['sales1', 'manager'] as DemoPerson[]) {
      const { client } = await as(who);
      const res = await client.from('customers').update({ owner_id: PEOPLE.sales2 }).eq('id', c.id).select();
      expect(res.status, who).toBe(400);
      expect(res.error, who).toMatchObject({ code: 'CU009', hint: 'customers.errors.owner_protected' });
    }
    const res = await (await as('sales1')).client.from('customers').update({ group_id: GROUPS.customerService }).eq('id', c.id);
    expect(res.error).toMatchObject({ code: 'CU009' });
    expect((await sql(t, 'select owner_id, group_id from public.customers where id = $1', [c.id]))[0])
      .toEqual({ owner_id: PEOPLE.sales1, group_id: GROUPS.marketing });
  });

  it('only department-wide roles delete customers', async () => {
    const c = await createCustomer(as, 'sales1');
    for (const who of ['sales1', 'leaderMkt'] as DemoPerson[]) {
      const res = await (await as(who)).client.from('customers').delete().eq('id', c.id).select();
      expect(res.data, who).toEqual([]);
    }
    expect(await sql(t, 'select 1 from public.customers where id = $1', [c.id])).toHaveLength(1);
    const res = await (await as('manager')).client.from('customers').delete().eq('id', c.id).select('id');
    expect(res.data).toEqual([{ id: c.id }]);
  });
});

describe('child tables and shares', () => {
  it('contacts are added by the customer\'s scope only', async () => {
    const c = await createCustomer(as, 'sales1');
    const ok = await (await as('sales1')).client.from('contacts').insert({ customer_id: c.id, name: '王经理', is_primary: true }).select().single();
    expect(ok.error).toBeNull();
    for (const who of ['sales2', 'finance', 'leaderPe'] as DemoPerson[]) {
      const res = await (await as(who)).client.from('contacts').insert({ customer_id: c.id, name: `越权 ${who}` });
      expect(res.status, who).toBe(403);
    }
    expect(await sql(t, 'select name from public.contacts where customer_id = $1', [c.id])).toEqual([{ name: '王经理' }]);
    const upd = await (await as('sales2')).client.from('contacts').update({ name: '改名' }).eq('id', ok.data!.id).select();
    expect(upd.data).toEqual([]);
  });

  it('follow-ups are logged as oneself, on customers in scope or shared with one', async () => {
    const c = await createCustomer(as, 'sales1');
    const sales2 = await as('sales2');
    const before = await sales2.client.from('follow_ups').insert({ customer_id: c.id, method: 'phone', content: '未共享时' });
    expect(before.status).toBe(403);
    const share = await (await as('sales1')).client.from('customer_shares').insert({ customer_id: c.id, user_id: PEOPLE.sales2 }).select().single();
    expect(share.error).toBeNull();
    const after = await sales2.client.from('follow_ups').insert({ customer_id: c.id, method: 'phone', content: '共享后跟进' }).select().single();
    expect(after.error).toBeNull();
    expect(after.data).toMatchObject({ owner_id: PEOPLE.sales2, group_id: GROUPS.marketing });
    const forged = await (await as('sales1')).client.from('follow_ups')
      .insert({ customer_id: c.id, method: 'im', content: '冒名', owner_id: PEOPLE.sales2 });
    expect(forged.status).toBe(403);
    expect(await sql(t, 'select content from public.follow_ups where customer_id = $1', [c.id])).toEqual([{ content: '共享后跟进' }]);
  });

  it('only the customer\'s scope shares it; the receiver sees the share', async () => {
    const c = await createCustomer(as, 'sales3');
    const refused = await (await as('sales1')).client.from('customer_shares').insert({ customer_id: c.id, user_id: PEOPLE.sales1 });
    expect(refused.status).toBe(403);
    expect(await visibleIds('sales1')).not.toContain(c.id);
    const ok = await (await as('leaderPe')).client.from('customer_shares').insert({ customer_id: c.id, user_id: PEOPLE.sales1 });
    expect(ok.error).toBeNull();
    expect(await visibleIds('sales1')).toContain(c.id);
    const mine = await (await as('sales1')).client.from('customer_shares').select('customer_id').eq('customer_id', c.id);
    expect(mine.data).toEqual([{ customer_id: c.id }]);
  });

  it('visits: planned as oneself in scope, recorded with an outcome', async () => {
    const c = await createCustomer(as, 'sales1');
    const sales1 = await as('sales1');
    const plan = await sales1.client.from('visit_plans')
      .insert({ customer_id: c.id, planned_on: '2030-01-15', purpose: '了解采购计划' }).select().single();
    expect(plan.error).toBeNull();
    const noOutcome = await sales1.client.from('visit_plans').update({ status: 'done' }).eq('id', plan.data!.id);
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.error).toMatchObject({ code: '23514' });
    const done = await sales1.client.from('visit_plans')
      .update({ status: 'done', outcome: '客户确认需求', visited_at: new Date().toISOString() }).eq('id', plan.data!.id).select('status');
    expect(done.data).toEqual([{ status: 'done' }]);
    const other = await (await as('sales3')).client.from('visit_plans').insert({ customer_id: c.id, planned_on: '2030-01-16', purpose: '越权' });
    expect(other.status).toBe(403);
  });
});

describe('products and settings', () => {
  it('everyone signed in reads the price list; managers and admins maintain it', async () => {
    const { data } = await (await as('sales1')).client.from('products').select('id').limit(100);
    expect(data!.length).toBeGreaterThan(5);
    const refused = await (await as('sales1')).client.from('products').insert({ name: '业务员产品', list_price: 1 });
    expect(refused.status).toBe(403);
    const upd = await (await as('leaderMkt')).client.from('products').update({ list_price: 1 }).eq('code', 'P-SRV-11').select();
    expect(upd.data).toEqual([]);
    const ok = await (await as('manager')).client.from('products').insert({ name: '新产品', list_price: 99.5, unit: '套' }).select().single();
    expect(ok.data).toMatchObject({ name: '新产品', list_price: 99.5, active: true });
    const off = await (await as('admin')).client.from('products').update({ active: false }).eq('id', ok.data!.id).select('active');
    expect(off.data).toEqual([{ active: false }]);
    const anon = await t.client().from('products').select('id');
    expect(anon.data).toEqual([]);
  });

  it('only admins change the pool setting', async () => {
    const refused = await (await as('manager')).client.from('app_settings').update({ value: 5 }).eq('key', 'customer_pool.idle_days').select();
    expect(refused.data).toEqual([]);
    const ok = await (await as('admin')).client.from('app_settings').update({ value: 45 }).eq('key', 'customer_pool.idle_days').select('value');
    expect(ok.data).toEqual([{ value: 45 }]);
    const read = await (await as('sales1')).client.from('app_settings').select('value').eq('key', 'customer_pool.idle_days').single();
    expect(read.data).toEqual({ value: 45 });
  });
});

describe('legal reads the customers of contracts under review', () => {
  it('a customer becomes readable to legal while its contract waits in the approval engine', async () => {
    const c = await createCustomer(as, 'sales1');
    const sales1 = await as('sales1');
    const k = await sales1.client.from('contracts').insert({ title: '设备采购合同', customer_id: c.id, amount: 120000 }).select().single();
    expect(k.error).toBeNull();
    expect(await visibleIds('legal')).not.toContain(c.id);
    const sub = await sales1.client.rpc('approval_submit', { record_type: 'contract', record_id: k.data!.id });
    expect(sub.error).toBeNull();
    expect(await visibleIds('legal')).toContain(c.id);
    const wd = await sales1.client.rpc('approval_withdraw', { request_id: sub.data!.id });
    expect(wd.error).toBeNull();
    expect(await visibleIds('legal')).not.toContain(c.id);
  });
});
