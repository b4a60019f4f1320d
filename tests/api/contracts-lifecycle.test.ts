// A contract's life through supabase-js as the demo people: draft → manager → legal rejects →
// draft with the reason → resubmitted → approved → scan uploaded → signed → original archived →
// payment recorded by finance → receivables and ageing follow. Plus the seeded department.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';
import { PEOPLE, sql, type As } from './customers-fixtures.ts';
import { addInstalments, contractRow, newContract, pdf, pendingRequest, rpcOk } from './contracts-fixtures.ts';

let t: TestStack;
let as: As;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
});
afterAll(() => t?.close());

describe('contract lifecycle', () => {
  it('goes from draft to paid, every step by the right person', async () => {
    const contract = await newContract(as, 'sales1', 300000);
    expect(contract).toMatchObject({ status: 'draft', owner_id: PEOPLE.sales1 });
    expect(contract.contract_no).toMatch(/^HT\d{8}-\d{5}$/);
    const [first, second] = await addInstalments(as, 'sales1', contract.id, [
      { due_on: '2026-01-10', amount: 100000 },
      { due_on: '2026-03-01', amount: 200000 },
    ]);
    const submitted = await rpcOk<{ payment_plan_submitted_at: string | null }>(as, 'sales1', 'submit_payment_plan', { contract_id: contract.id });
    expect(submitted.payment_plan_submitted_at).not.toBeNull();

    // Submitted: the department manager's step.
    await rpcOk(as, 'sales1', 'approval_submit', { record_type: 'contract', record_id: contract.id });
    expect((await contractRow(t, contract.id)).status).toBe('manager_review');
    let req = await pendingRequest(t, 'contract', contract.id);
    await rpcOk(as, 'manager', 'approval_approve', { request_id: req, comment: '同意' });
    expect((await contractRow(t, contract.id)).status).toBe('legal_review');

    // Legal reads it now and rejects with a reason the owner sees.
    const legal = await as('legal');
    expect((await legal.client.from('contracts').select('id').eq('id', contract.id)).data).toHaveLength(1);
    await rpcOk(as, 'legal', 'approval_reject', { request_id: req, comment: '违约条款需补充' });
    expect((await contractRow(t, contract.id)).status).toBe('draft');
    const sales1 = await as('sales1');
    const seen = await sales1.client.from('approval_requests').select('status, last_comment').eq('id', req).single();
    expect(seen.data).toEqual({ status: 'rejected', last_comment: '违约条款需补充' });

    // Fixed while a draft, resubmitted, approved by both.
    const fix = await sales1.client.from('contracts').update({ breach_terms: '逾期每日 0.05%' }).eq('id', contract.id).select('breach_terms');
    expect(fix.data).toEqual([{ breach_terms: '逾期每日 0.05%' }]);
    await rpcOk(as, 'sales1', 'approval_submit', { record_type: 'contract', record_id: contract.id });
    req = await pendingRequest(t, 'contract', contract.id);
    await rpcOk(as, 'manager', 'approval_approve', { request_id: req });
    await rpcOk(as, 'legal', 'approval_approve', { request_id: req, comment: '条款无异议' });
    expect((await contractRow(t, contract.id)).status).toBe('approved');

    // Signing needs the scan first.
    const early = await sales1.client.rpc('mark_contract_signed', { contract_id: contract.id, signed_on: '2026-01-02' });
    expect(early.error).toMatchObject({ code: 'CT004', hint: 'contracts.errors.scan_missing' });
    const up = await sales1.client.storage.from('contracts').upload(`${contract.id}/signed.pdf`, pdf());
    expect(up.error).toBeNull();
    const signed = await rpcOk<{ status: string; signed_on: string }>(as, 'sales1', 'mark_contract_signed',
      { contract_id: contract.id, signed_on: '2026-01-02' });
    expect(signed).toMatchObject({ status: 'signed', signed_on: '2026-01-02' });
    const down = await sales1.client.storage.from('contracts').download(`${contract.id}/signed.pdf`);
    expect(down.error).toBeNull();
    expect(down.data!.size).toBe(1000);

    // The archivist reads signed contracts and records the original.
    const archivist = await as('archivist');
    expect((await archivist.client.from('contracts').select('id').eq('id', contract.id)).data).toHaveLength(1);
    const archived = await rpcOk<{ cabinet_no: string; box_no: string; original_received_on: string; archived_by: string }>(
      as, 'archivist', 'record_contract_archive',
      { contract_id: contract.id, cabinet_no: 'A-3', box_no: 'H017', received_on: '2026-01-05' });
    expect(archived).toMatchObject({ cabinet_no: 'A-3', box_no: 'H017', original_received_on: '2026-01-05', archived_by: archivist.id });

    // Receivables before any payment, at fixed dates.
    const before = await sales1.client.rpc('receivables_ageing', { as_of: '2026-04-15' }).eq('customer_id', contract.customer_id);
    expect(before.error).toBeNull();
    expect(before.data).toEqual([expect.objectContaining({
      owner_id: PEOPLE.sales1, not_due: 0, d0_30: 0, d31_60: 200000, d61_90: 0, d90_plus: 100000, total_outstanding: 300000,
    })]);

    // Finance records the first instalment.
    const finance = await as('finance');
    const paid = await finance.client.from('payments')
      .insert({ instalment_id: first!.id, amount: 100000, received_on: '2026-01-08', reference: 'YH-0001' }).select().single();
    expect(paid.error).toBeNull();
    expect(paid.data).toMatchObject({ contract_id: contract.id, recorded_by: finance.id, amount: 100000 });

    const after = await finance.client.rpc('receivables_ageing', { as_of: '2026-04-15' }).eq('customer_id', contract.customer_id);
    expect(after.data).toEqual([expect.objectContaining({ d31_60: 200000, d90_plus: 0, total_outstanding: 200000 })]);
    const plan = await sales1.client.from('payment_instalments').select('seq, paid_amount, overdue').eq('contract_id', contract.id).order('seq');
    expect(plan.data).toEqual([{ seq: 1, paid_amount: 100000, overdue: false }, { seq: 2, paid_amount: 0, overdue: true }]);
    const open = await sales1.client.from('receivables').select('instalment_id, outstanding, overdue, bucket').eq('contract_id', contract.id);
    expect(open.data).toEqual([{ instalment_id: second!.id, outstanding: 200000, overdue: true, bucket: '90_plus' }]);

    // Execution, then completion only once everything is paid.
    await rpcOk(as, 'sales1', 'start_contract_execution', { contract_id: contract.id });
    const notYet = await sales1.client.rpc('complete_contract', { contract_id: contract.id });
    expect(notYet.error).toMatchObject({ code: 'CT012' });
    await finance.client.from('payments').insert({ instalment_id: second!.id, amount: 200000, received_on: '2026-03-02' });
    const done = await rpcOk<{ status: string }>(as, 'sales1', 'complete_contract', { contract_id: contract.id });
    expect(done.status).toBe('completed');
  });
});

describe('ageing arithmetic', () => {
  it('puts outstanding amounts into 0–30, 31–60, 61–90 and >90 day buckets at a given date', async () => {
    const contract = await newContract(as, 'sales2', 100000);
    await addInstalments(as, 'sales2', contract.id, [
      { due_on: '2026-01-01', amount: 10000 },
      { due_on: '2026-02-01', amount: 20000 },
      { due_on: '2026-03-01', amount: 30000 },
      { due_on: '2026-04-01', amount: 40000 },
    ]);
    // Signed directly by the database owner, as the seed does; ageing only reads the plan.
    await sql(t, `update public.contracts set status = 'signed', signed_on = '2025-12-20' where id = $1`, [contract.id]);
    const { client } = await as('sales2');
    const at = async (asOf: string) =>
      (await client.rpc('receivables_ageing', { as_of: asOf }).eq('customer_id', contract.customer_id).single()).data;
    // 2026-04-01: 90, 59, 31 days overdue and one due today (not overdue yet).
    expect(await at('2026-04-01')).toMatchObject({ not_due: 40000, d0_30: 0, d31_60: 50000, d61_90: 10000, d90_plus: 0 });
    // 2026-04-02: 91, 60, 32 and 1 day(s) overdue.
    expect(await at('2026-04-02')).toMatchObject({ not_due: 0, d0_30: 40000, d31_60: 50000, d61_90: 0, d90_plus: 10000 });
    // 2026-05-01: 120, 89, 61, 30 days.
    expect(await at('2026-05-01')).toMatchObject({ not_due: 0, d0_30: 40000, d31_60: 0, d61_90: 50000, d90_plus: 10000, total_outstanding: 100000 });
    const rows = await client.rpc('receivable_instalments', { as_of: '2026-05-01' }).eq('contract_id', contract.id).order('seq');
    expect(rows.data!.map((r: { days_overdue: number; bucket: string }) => [r.days_overdue, r.bucket]))
      .toEqual([[120, '90_plus'], [89, '61_90'], [61, '61_90'], [30, '0_30']]);
    // Another group's salesperson sees none of it.
    const other = await as('sales3');
    expect((await other.client.rpc('receivables_ageing', { as_of: '2026-05-01' }).eq('customer_id', contract.customer_id)).data).toEqual([]);
  });
});

describe('seeded contracts', () => {
  it('cover every state, with plans, payments, overdue instalments, collection, orders and shipments', async () => {
    const manager = await as('manager');
    const { data } = await manager.client.from('contracts').select('status').like('contract_no', 'HT%');
    const states = new Set((data ?? []).map((r) => r.status));
    expect(states).toEqual(new Set(['draft', 'manager_review', 'legal_review', 'gm_review', 'approved', 'signed', 'executing', 'completed', 'terminated']));
    expect(data!.length).toBeGreaterThanOrEqual(30);
    const [counts] = await sql<Record<string, number>>(t, `select
      (select count(*)::int from public.approval_requests where record_type = 'contract' and status = 'pending') as pending,
      (select count(*)::int from public.payments) as payments,
      (select count(*)::int from public.receivables where overdue) as overdue,
      (select count(*)::int from public.collection_actions) as collection,
      (select count(*)::int from public.orders) as orders,
      (select count(*)::int from public.shipments) as shipments`);
    expect(counts!.pending).toBeGreaterThanOrEqual(9);
    for (const k of ['payments', 'overdue', 'collection', 'orders', 'shipments']) expect(counts![k]).toBeGreaterThan(0);
    // Legal's inbox holds the contracts at the legal step.
    const legal = await as('legal');
    const inbox = await legal.client.from('approval_tasks').select('step_name').eq('status', 'pending').eq('step_name', '法务审核');
    expect(inbox.data!.length).toBeGreaterThan(0);
  });
});
