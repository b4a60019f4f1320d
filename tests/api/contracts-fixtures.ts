// Shared by the contracts-* API suites: make a contract through the API and take it through the
// approval workflow as the demo people do.
import { expect } from 'vitest';
import type { TestStack } from '../helpers/stack.ts';
import type { DemoPerson } from '../helpers/demo.ts';
import { createCustomer, sql, type As } from './customers-fixtures.ts';

export interface ContractRow {
  id: string;
  contract_no: string;
  status: string;
  amount: number;
  owner_id: string;
  customer_id: string;
  signed_on: string | null;
  cabinet_no: string | null;
  payment_plan_submitted_at: string | null;
}

/** A draft contract of `amount` for a new customer of `who`, with one line. */
export async function newContract(as: As, who: DemoPerson, amount: number, fields: Record<string, unknown> = {}) {
  const customer = await createCustomer(as, who);
  const { client } = await as(who);
  const c = await client.from('contracts')
    .insert({ title: `测试合同 ${amount}`, customer_id: customer.id, amount, payment_method: '电汇', ...fields })
    .select().single();
  expect(c.error).toBeNull();
  const l = await client.from('contract_lines')
    .insert({ contract_id: c.data!.id, line_no: 1, product_name: '数控机床', quantity: 10, unit_price: amount / 10 });
  expect(l.error).toBeNull();
  return c.data as ContractRow;
}

/** Instalments (seq from 1) for a contract, as its owner. */
export async function addInstalments(as: As, who: DemoPerson, contractId: string, rows: { due_on: string; amount: number }[]) {
  const { client } = await as(who);
  const res = await client.from('payment_instalments')
    .insert(rows.map((r, i) => ({ contract_id: contractId, seq: i + 1, ...r }))).select('id, seq').order('seq');
  expect(res.error).toBeNull();
  return res.data as { id: string; seq: number }[];
}

export async function rpcOk<T = unknown>(as: As, who: DemoPerson, fn: string, args: Record<string, unknown>): Promise<T> {
  const { client } = await as(who);
  const res = await client.rpc(fn, args);
  expect(res.error).toBeNull();
  return res.data as T;
}

/** The pending approval request of a record. */
export async function pendingRequest(t: TestStack, recordType: string, recordId: string): Promise<string> {
  const [row] = await sql<{ id: string }>(t,
    `select id from public.approval_requests where record_type = $1 and record_id = $2 and status = 'pending'`, [recordType, recordId]);
  return row!.id;
}

/** Submit as the owner, then the manager and legal approve (amount under the GM threshold). */
export async function approveContract(t: TestStack, as: As, who: DemoPerson, contractId: string) {
  await rpcOk(as, who, 'approval_submit', { record_type: 'contract', record_id: contractId });
  const req = await pendingRequest(t, 'contract', contractId);
  await rpcOk(as, 'manager', 'approval_approve', { request_id: req });
  await rpcOk(as, 'legal', 'approval_approve', { request_id: req });
}

export async function contractRow(t: TestStack, id: string): Promise<ContractRow> {
  const [row] = await sql<ContractRow>(t, `select id, contract_no, status::text, amount::float8 as amount, owner_id, customer_id,
    signed_on::text, cabinet_no, payment_plan_submitted_at::text from public.contracts where id = $1`, [id]);
  return row!;
}

/** An approved and signed contract of `who` with its scan and the given payment plan. */
export async function newSignedContract(t: TestStack, as: As, who: DemoPerson, amount: number, plan: { due_on: string; amount: number }[]) {
  const contract = await newContract(as, who, amount);
  const instalments = await addInstalments(as, who, contract.id, plan);
  await rpcOk(as, who, 'submit_payment_plan', { contract_id: contract.id });
  await approveContract(t, as, who, contract.id);
  const { client } = await as(who);
  expect((await client.storage.from('contracts').upload(`${contract.id}/scan.pdf`, pdf())).error).toBeNull();
  await rpcOk(as, who, 'mark_contract_signed', { contract_id: contract.id, signed_on: '2026-01-02' });
  return { contract, instalments };
}

export const pdf = (size = 1000) => new Blob([new Uint8Array(size).fill(37)], { type: 'application/pdf' });
