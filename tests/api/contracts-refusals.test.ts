// What the contracts module refuses, through supabase-js as the demo people — and that each
// refusal changes nothing: other groups' contracts and scans, payments by non-finance, legal on
// the manager's step, term changes after approval, plans that do not add up, over-payments,
// wrong or oversized scans, orders beyond the contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';
import { createCustomer, PEOPLE, sql, type As } from './customers-fixtures.ts';
import { addInstalments, approveContract, contractRow, newContract, newSignedContract, pdf, pendingRequest, rpcOk, type ContractRow } from './contracts-fixtures.ts';

let t: TestStack;
let as: As;
// An approved and signed contract of sales1 with its scan, plan and one overdue instalment.
let signed: ContractRow;
let instalments: { id: string; seq: number }[];

const scanCount = async (id: string) =>
  (await sql<{ n: number }>(t, `select count(*)::int as n from storage.objects where bucket_id = 'contracts' and name like $1`, [`${id}/%`]))[0]!.n;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
  ({ contract: signed, instalments } = await newSignedContract(t, as, 'sales1', 200000, [
    { due_on: '2026-01-15', amount: 50000 },
    { due_on: '2099-01-15', amount: 150000 },
  ]));
});
afterAll(() => t?.close());

describe('reading', () => {
  it("another group's salesperson reads neither the contract nor its scan, even with the right path", async () => {
    const sales3 = await as('sales3');
    expect((await sales3.client.from('contracts').select('id').eq('id', signed.id)).data).toEqual([]);
    expect((await sales3.client.from('payment_instalments').select('id').eq('contract_id', signed.id)).data).toEqual([]);
    const down = await sales3.client.storage.from('contracts').download(`${signed.id}/scan.pdf`);
    expect(down.data).toBeNull();
    expect(down.error).not.toBeNull();
    const listed = await sales3.client.storage.from('contracts').list(signed.id);
    expect(listed.data).toEqual([]);
    const url = await sales3.client.storage.from('contracts').createSignedUrl(`${signed.id}/scan.pdf`, 60);
    expect(url.data).toBeNull();
    // Nor may they put a file into that contract's folder.
    const up = await sales3.client.storage.from('contracts').upload(`${signed.id}/fake.pdf`, pdf());
    expect(up.error).not.toBeNull();
    expect(await scanCount(signed.id)).toBe(1);
  });

  it('the same-group leader and finance read it; legal does not see a contract before legal review', async () => {
    const leader = await as('leaderMkt');
    expect((await leader.client.storage.from('contracts').download(`${signed.id}/scan.pdf`)).error).toBeNull();
    const finance = await as('finance');
    expect((await finance.client.from('contracts').select('id, amount').eq('id', signed.id)).data).toEqual([{ id: signed.id, amount: 200000 }]);
    const draft = await newContract(as, 'sales1', 5000);
    const legal = await as('legal');
    expect((await legal.client.from('contracts').select('id').eq('id', draft.id)).data).toEqual([]);
    expect((await finance.client.from('contracts').select('id').eq('id', draft.id)).data).toEqual([]);
  });
});

describe('approval', () => {
  it('legal cannot approve the manager step; the request stays where it was', async () => {
    const c = await newContract(as, 'sales2', 80000);
    await rpcOk(as, 'sales2', 'approval_submit', { record_type: 'contract', record_id: c.id });
    const req = await pendingRequest(t, 'contract', c.id);
    const legal = await as('legal');
    const res = await legal.client.rpc('approval_approve', { request_id: req });
    expect(res.error).toMatchObject({ code: 'BZ003' });
    expect((await contractRow(t, c.id)).status).toBe('manager_review');
    // The owner cannot push the status either.
    const sales2 = await as('sales2');
    const push = await sales2.client.from('contracts').update({ status: 'approved' }).eq('id', c.id).select();
    expect(push.data ?? []).toEqual([]);
    expect((await contractRow(t, c.id)).status).toBe('manager_review');
  });

  it('over 1,000,000 the general manager approves after legal; a credit warning is computed', async () => {
    const customer = await createCustomer(as, 'sales1', { credit_limit: 500000 });
    const sales1 = await as('sales1');
    const c = (await sales1.client.from('contracts').insert({ title: '大额合同', customer_id: customer.id, amount: 1500000 }).select().single()).data!;
    expect(c.credit_warning).toBe(true);
    await rpcOk(as, 'sales1', 'approval_submit', { record_type: 'contract', record_id: c.id });
    const req = await pendingRequest(t, 'contract', c.id);
    await rpcOk(as, 'manager', 'approval_approve', { request_id: req });
    await rpcOk(as, 'legal', 'approval_approve', { request_id: req });
    expect((await contractRow(t, c.id)).status).toBe('gm_review');
    await rpcOk(as, 'gm', 'approval_approve', { request_id: req });
    expect((await contractRow(t, c.id)).status).toBe('approved');
  });

  it('under 1,000,000 but beyond the credit left, the general manager approves too', async () => {
    const customer = await createCustomer(as, 'sales2', { credit_limit: 100000 });
    const sales2 = await as('sales2');
    const over = (await sales2.client.from('contracts').insert({ title: '超信用合同', customer_id: customer.id, amount: 150000 }).select().single()).data!;
    const within = (await sales2.client.from('contracts').insert({ title: '信用内合同', customer_id: customer.id, amount: 90000 }).select().single()).data!;
    expect([over.credit_warning, within.credit_warning]).toEqual([true, false]);
    for (const c of [over, within]) {
      await rpcOk(as, 'sales2', 'approval_submit', { record_type: 'contract', record_id: c.id });
      const req = await pendingRequest(t, 'contract', c.id);
      await rpcOk(as, 'manager', 'approval_approve', { request_id: req });
      await rpcOk(as, 'legal', 'approval_approve', { request_id: req });
    }
    expect((await contractRow(t, over.id)).status).toBe('gm_review');
    expect((await contractRow(t, within.id)).status).toBe('approved');
  });
});

describe('terms', () => {
  it('the owner cannot change the amount after approval; a change request can', async () => {
    const sales1 = await as('sales1');
    const res = await sales1.client.from('contracts').update({ amount: 1 }).eq('id', signed.id).select();
    expect(res.data ?? []).toEqual([]);
    const approved = await newContract(as, 'sales1', 60000);
    await approveContract(t, as, 'sales1', approved.id);
    const again = await sales1.client.from('contracts').update({ amount: 1 }).eq('id', approved.id).select();
    expect(again.data ?? []).toEqual([]);
    expect((await contractRow(t, approved.id)).amount).toBe(60000);
    expect((await contractRow(t, signed.id)).amount).toBe(200000);

    // Bad fields are refused; a proper change goes manager → legal and is applied.
    const bad = await sales1.client.from('contract_changes')
      .insert({ contract_id: signed.id, kind: 'change', reason: '调整', proposed: { status: 'draft' } });
    expect(bad.error).toMatchObject({ code: 'CT011', hint: 'contracts.errors.bad_change' });
    const ch = await sales1.client.from('contract_changes')
      .insert({ contract_id: signed.id, kind: 'change', reason: '客户增加数量', proposed: { amount: 230000, specs: '增加 2 台' } })
      .select().single();
    expect(ch.error).toBeNull();
    await rpcOk(as, 'sales1', 'approval_submit', { record_type: 'contract_change', record_id: ch.data!.id });
    const req = await pendingRequest(t, 'contract_change', ch.data!.id);
    await rpcOk(as, 'manager', 'approval_approve', { request_id: req });
    expect((await contractRow(t, signed.id)).amount).toBe(200000);
    await rpcOk(as, 'legal', 'approval_approve', { request_id: req });
    expect((await contractRow(t, signed.id)).amount).toBe(230000);
    const [audit] = await sql<{ old_values: { amount: number }; new_values: { amount: number } }>(t,
      `select old_values, new_values from public.audit_log where table_name = 'contracts' and record_id = $1
        and 'amount' = any (changed_columns) order by at desc limit 1`, [signed.id]);
    expect(audit).toMatchObject({ old_values: { amount: 200000 }, new_values: { amount: 230000 } });
    // Restore the amount for the payment tests below (as the database owner).
    await sql(t, 'update public.contracts set amount = 200000 where id = $1', [signed.id]);
  });

  it('instalments that do not add up to the amount are refused and the plan stays open', async () => {
    const c = await newContract(as, 'sales2', 90000);
    await addInstalments(as, 'sales2', c.id, [{ due_on: '2026-12-01', amount: 30000 }, { due_on: '2027-01-01', amount: 50000 }]);
    const sales2 = await as('sales2');
    const res = await sales2.client.rpc('submit_payment_plan', { contract_id: c.id });
    expect(res.error).toMatchObject({ code: 'CT006', hint: 'contracts.errors.plan_mismatch' });
    expect(res.error!.message).toContain('80000');
    expect((await contractRow(t, c.id)).payment_plan_submitted_at).toBeNull();
    // Fixed, submitted, and then locked.
    await sales2.client.from('payment_instalments').update({ amount: 40000 }).eq('contract_id', c.id).eq('seq', 1);
    expect((await sales2.client.rpc('submit_payment_plan', { contract_id: c.id })).error).toBeNull();
    const locked = await sales2.client.from('payment_instalments').insert({ contract_id: c.id, seq: 3, due_on: '2027-01-01', amount: 1 });
    expect(locked.error).toMatchObject({ code: 'CT013', hint: 'contracts.errors.plan_locked' });
    const [n] = await sql<{ n: number }>(t, 'select count(*)::int as n from public.payment_instalments where contract_id = $1', [c.id]);
    expect(n!.n).toBe(2);
  });
});

describe('payments', () => {
  it('only finance records payments', async () => {
    const sales1 = await as('sales1');
    const res = await sales1.client.from('payments').insert({ instalment_id: instalments[0]!.id, amount: 100 });
    expect(res.error).toMatchObject({ code: '42501' });
    const manager = await as('manager');
    expect((await manager.client.from('payments').insert({ instalment_id: instalments[0]!.id, amount: 100 })).error).toMatchObject({ code: '42501' });
    expect((await sql(t, 'select 1 from public.payments where contract_id = $1', [signed.id]))).toHaveLength(0);
  });

  it('refuses an over-payment unless flagged', async () => {
    const finance = await as('finance');
    expect((await finance.client.from('payments').insert({ instalment_id: instalments[0]!.id, amount: 30000 })).error).toBeNull();
    const over = await finance.client.from('payments').insert({ instalment_id: instalments[0]!.id, amount: 20000.01 });
    expect(over.error).toMatchObject({ code: 'CT007', hint: 'contracts.errors.over_payment' });
    const [sum] = await sql<{ s: number }>(t, 'select sum(amount)::float8 as s from public.payments where instalment_id = $1', [instalments[0]!.id]);
    expect(sum!.s).toBe(30000);
    const flagged = await finance.client.from('payments').insert({ instalment_id: instalments[1]!.id, amount: 150001, over_payment: true });
    expect(flagged.error).toBeNull();
    // Finance cannot rewrite a payment.
    const edit = await finance.client.from('payments').update({ amount: 1 }).eq('instalment_id', instalments[0]!.id);
    expect(edit.error).toMatchObject({ code: '42501' });
  });
});

describe('collection', () => {
  it('an escalation on an overdue instalment notifies the department manager; a not-yet-due one is refused', async () => {
    const sales1 = await as('sales1');
    const ok = await sales1.client.from('collection_actions')
      .insert({ instalment_id: instalments[0]!.id, kind: 'escalation', result: '客户拖延', next_step: '经理约谈' }).select().single();
    expect(ok.error).toBeNull();
    const manager = await as('manager');
    const note = await manager.client.from('notifications').select('kind, record_id').eq('record_id', signed.id).eq('kind', 'reminder');
    expect(note.data!.length).toBeGreaterThan(0);
    const early = await sales1.client.from('collection_actions').insert({ instalment_id: instalments[1]!.id, kind: 'call' });
    expect(early.error).toMatchObject({ code: 'CT008' });
  });
});

describe('scans', () => {
  it('refuses a wrong file type and an oversized file, storing nothing', async () => {
    const c = await newContract(as, 'sales2', 70000);
    await approveContract(t, as, 'sales2', c.id);
    const { client } = await as('sales2');
    const txt = await client.storage.from('contracts').upload(`${c.id}/scan.txt`, new Blob(['hi'], { type: 'text/plain' }));
    expect(txt.error).not.toBeNull();
    const big = await client.storage.from('contracts').upload(`${c.id}/big.pdf`, pdf(20 * 1024 * 1024 + 1));
    expect(big.error).not.toBeNull();
    expect(await scanCount(c.id)).toBe(0);
    const sign = await client.rpc('mark_contract_signed', { contract_id: c.id });
    expect(sign.error).toMatchObject({ code: 'CT004' });
    expect((await contractRow(t, c.id)).status).toBe('approved');
  });
});

describe('archive and termination', () => {
  it('only the archivist records the original, and only through the RPC', async () => {
    const sales1 = await as('sales1');
    const res = await sales1.client.rpc('record_contract_archive', { contract_id: signed.id, cabinet_no: 'X', box_no: 'Y', received_on: '2026-01-03' });
    expect(res.error).toMatchObject({ code: 'CT005', hint: 'contracts.errors.not_allowed' });
    const archivist = await as('archivist');
    const direct = await archivist.client.from('contracts').update({ cabinet_no: 'X' }).eq('id', signed.id).select();
    expect(direct.data ?? []).toEqual([]);
    expect((await contractRow(t, signed.id)).cabinet_no).toBeNull();
  });

  it('a termination request terminates the contract once manager and legal approve; a rejection changes nothing', async () => {
    const c = await newContract(as, 'sales2', 40000);
    await approveContract(t, as, 'sales2', c.id);
    const sales2 = await as('sales2');
    const ch = (await sales2.client.from('contract_changes').insert({ contract_id: c.id, kind: 'termination', reason: '客户撤销采购计划' }).select().single()).data!;
    expect(ch.title).toContain(c.contract_no);
    await rpcOk(as, 'sales2', 'approval_submit', { record_type: 'contract_change', record_id: ch.id });
    let req = await pendingRequest(t, 'contract_change', ch.id);
    await rpcOk(as, 'manager', 'approval_reject', { request_id: req, comment: '先与客户再沟通' });
    expect((await contractRow(t, c.id)).status).toBe('approved');
    await rpcOk(as, 'sales2', 'approval_submit', { record_type: 'contract_change', record_id: ch.id });
    req = await pendingRequest(t, 'contract_change', ch.id);
    await rpcOk(as, 'manager', 'approval_approve', { request_id: req });
    await rpcOk(as, 'legal', 'approval_approve', { request_id: req });
    expect((await contractRow(t, c.id)).status).toBe('terminated');
    // Nothing more happens to a terminated contract.
    expect((await sales2.client.rpc('start_contract_execution', { contract_id: c.id })).error).toMatchObject({ code: 'CT003' });
  });
});

describe('orders', () => {
  it('orders stay within the contracted quantity and move through the stages in order', async () => {
    const sales1 = await as('sales1');
    const [line] = (await sales1.client.from('contract_lines').select('id, quantity').eq('contract_id', signed.id)).data!;
    const order = await sales1.client.from('orders').insert({ contract_id: signed.id }).select().single();
    expect(order.error).toBeNull();
    const over = await sales1.client.from('order_lines').insert({ order_id: order.data!.id, contract_line_id: line!.id, quantity: 11 });
    expect(over.error).toMatchObject({ code: 'CT009' });
    expect((await sales1.client.from('order_lines').insert({ order_id: order.data!.id, contract_line_id: line!.id, quantity: 10 })).error).toBeNull();
    const skip = await sales1.client.from('order_progress').insert({ order_id: order.data!.id, stage: 'qc', recorded_by: PEOPLE.sales1 });
    expect(skip.error).toMatchObject({ code: 'CT010' });
    for (const stage of ['purchasing', 'production', 'qc', 'shipped']) {
      expect((await sales1.client.from('order_progress').insert({ order_id: order.data!.id, stage, recorded_by: PEOPLE.sales1 })).error).toBeNull();
    }
    expect((await sales1.client.from('orders').select('stage').eq('id', order.data!.id).single()).data).toEqual({ stage: 'shipped' });
    const ship = await sales1.client.from('shipments')
      .insert({ order_id: order.data!.id, mode: 'sea', carrier: '中远海运', tracking_no: 'COSU123', insured: true, insurance_amount: 5000, shipped_on: '2026-02-01' })
      .select().single();
    expect(ship.error).toBeNull();
    expect((await sales1.client.from('shipment_incidents').insert({ shipment_id: ship.data!.id, kind: 'damage', handling: '保险理赔' })).error).toBeNull();
    // Another group sees none of it; orders on an unsigned contract are refused.
    const sales3 = await as('sales3');
    expect((await sales3.client.from('shipments').select('id').eq('id', ship.data!.id)).data).toEqual([]);
    const draft = await newContract(as, 'sales1', 1000);
    expect((await sales1.client.from('orders').insert({ contract_id: draft.id })).error).toMatchObject({ code: 'CT003' });
  });
});

describe('from a quotation', () => {
  it('copies an accepted quotation of my own; refuses a draft one or someone else’s', async () => {
    const customer = await createCustomer(as, 'sales1');
    const sales1 = await as('sales1');
    const valid = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const q = (await sales1.client.from('quotations').insert({ customer_id: customer.id, valid_until: valid }).select().single()).data!;
    await sales1.client.from('quotation_lines').insert([
      { quotation_id: q.id, line_no: 1, product_name: '主机', quantity: 2, unit_price: 1000 },
      { quotation_id: q.id, line_no: 2, product_name: '配件', quantity: 5, unit_price: 100 },
    ]);
    expect((await sales1.client.rpc('create_contract_from_quotation', { quotation_id: q.id })).error).toMatchObject({ code: 'CT003' });
    await sql(t, `update public.quotations set status = 'accepted' where id = $1`, [q.id]);
    const sales3 = await as('sales3');
    expect((await sales3.client.rpc('create_contract_from_quotation', { quotation_id: q.id })).error).toMatchObject({ code: 'CT001' });
    const made = await rpcOk<{ id: string; amount: number; status: string; quotation_id: string }>(as, 'sales1',
      'create_contract_from_quotation', { quotation_id: q.id });
    expect(made).toMatchObject({ amount: 2500, status: 'draft', quotation_id: q.id });
    const lines = await sales1.client.from('contract_lines').select('product_name, line_total').eq('contract_id', made.id).order('line_no');
    expect(lines.data).toEqual([{ product_name: '主机', line_total: 2000 }, { product_name: '配件', line_total: 500 }]);
  });
});
