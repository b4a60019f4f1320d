// Departure handover through admin-users' `handover` action (HR / department manager), the paper
// borrowing register and confidentiality agreements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunctionsHttpError, type SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { DEMO, DEMO_PASSWORD, demoPeople } from '../helpers/demo.ts';
import { documentsFixtures } from './documents-fixtures.ts';

let t: TestStack;
let as: ReturnType<typeof demoPeople>;
let fx: ReturnType<typeof documentsFixtures>;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
  fx = documentsFixtures(t, as);
});
afterAll(() => t?.close());

async function adminUsers(client: SupabaseClient, body: Record<string, unknown>) {
  const { data, error, response } = await client.functions.invoke('admin-users', { body });
  if (error instanceof FunctionsHttpError) {
    const res = error.context as Response;
    return { status: res.status, body: await res.json() };
  }
  if (error) throw error;
  return { status: response!.status, body: data };
}

async function owned(person: string) {
  const [c] = await fx.sql<{ customers: number; documents: number; open_contracts: number }>(
    `select (select count(*)::int from public.customers where owner_id = $1) as customers,
            (select count(*)::int from public.documents where owner_id = $1) as documents,
            (select count(*)::int from public.contracts where owner_id = $1 and status not in ('completed', 'terminated')) as open_contracts`,
    [person]);
  return c;
}

describe('departure handover', () => {
  it('is refused to colleagues without HR or manager role, and changes nothing', async () => {
    const sales1 = await as('sales1');
    const sales2 = await as('sales2');
    const before = await owned(sales2.id);
    const r = await adminUsers(sales1.client, { action: 'handover', leaver_id: sales2.id, receiver_id: sales1.id });
    expect(r).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await adminUsers(t.client(), { action: 'handover', leaver_id: sales2.id, receiver_id: sales1.id })).status).toBe(401);
    expect(await owned(sales2.id)).toEqual(before);
    expect(await fx.sql('select status from public.profiles where id = $1', [sales2.id])).toEqual([{ status: 'active' }]);
    // Direct RPC as a colleague: refused the same way.
    const rpc = await sales1.client.rpc('handover_person', { leaver: sales2.id, receiver: sales1.id });
    expect(rpc.error?.code).toBe('DC003');
  });

  it('refuses a handover to the leaver themselves or to nobody', async () => {
    const hr = await as('hr');
    const sales2 = await as('sales2');
    expect((await adminUsers(hr.client, { action: 'handover', leaver_id: sales2.id, receiver_id: sales2.id })).status).toBe(400);
    expect((await adminUsers(hr.client, { action: 'handover', leaver_id: sales2.id })).status).toBe(400);
    expect(await fx.sql('select count(*)::int as n from public.handovers')).toEqual([{ n: 0 }]);
  });

  it('HR moves customers, open contracts and documents in one step, lists them, blocks sign-in, notifies both', async () => {
    const hr = await as('hr');
    const sales1 = await as('sales1');
    const sales2 = await as('sales2');
    const doc = await fx.newDoc('sales2', { title: '孙婷的客户拜访记录' });
    const before = await owned(sales2.id);
    expect(before.customers).toBeGreaterThan(0);
    const closedBefore = await fx.sql<{ n: number }>(
      `select count(*)::int as n from public.contracts where owner_id = $1 and status in ('completed', 'terminated')`, [sales2.id]);

    const r = await adminUsers(hr.client, { action: 'handover', leaver_id: sales2.id, receiver_id: sales1.id, note: '离职，客户转交赵磊' });
    expect(r.status).toBe(200);
    const sheet = r.body.handover;
    expect(sheet).toMatchObject({ leaver_id: sales2.id, receiver_id: sales1.id, created_by: hr.id,
      item_count: before.customers + before.documents + before.open_contracts });

    expect(await owned(sales2.id)).toEqual({ customers: 0, documents: 0, open_contracts: 0 });
    // Closed contracts stay with their history.
    expect(await fx.sql(`select count(*)::int as n from public.contracts where owner_id = $1 and status in ('completed', 'terminated')`,
      [sales2.id])).toEqual(closedBefore);
    expect(await fx.sql('select owner_id from public.documents where id = $1', [doc.id])).toEqual([{ owner_id: sales1.id }]);

    // The sheet lists every moved record, readable by HR and the receiver.
    const items = await sales1.client.from('handover_items').select('table_name, record_id, title').eq('handover_id', sheet.id);
    expect(items.data).toHaveLength(sheet.item_count);
    expect(items.data).toContainEqual({ table_name: 'public.documents', record_id: doc.id, title: '孙婷的客户拜访记录' });
    expect(new Set(items.data!.map((i) => i.table_name))).toEqual(new Set(['public.customers', 'public.documents', 'public.contracts']));

    expect(await fx.sql('select status, left_on is not null as left from public.profiles where id = $1', [sales2.id]))
      .toEqual([{ status: 'left', left: true }]);
    const signIn = await t.client().auth.signInWithPassword({ email: DEMO.sales2, password: DEMO_PASSWORD });
    expect(signIn.error).not.toBeNull();
    const told = await fx.sql<{ recipient_id: string }>(
      'select recipient_id from public.notifications where record_type = $1 and record_id = $2 order by recipient_id', ['handover', sheet.id]);
    expect(told.map((n) => n.recipient_id).sort()).toEqual([sales1.id, sales2.id].sort());
    // Colleagues outside it do not read the sheet.
    const cs1 = await as('cs1');
    expect((await cs1.client.from('handovers').select('id').eq('id', sheet.id)).data).toEqual([]);
  });
});

describe('departure handover by the department manager', () => {
  it('the manager may hand over too; the leader of the group may not', async () => {
    const manager = await as('manager');
    const leaderCs = await as('leaderCs');
    const cs1 = await as('cs1');
    const cs2Id = (await fx.sql<{ id: string }>('select id from public.profiles where email = $1', ['cs2@bizdesk.test']))[0].id;
    expect((await adminUsers(leaderCs.client, { action: 'handover', leaver_id: cs2Id, receiver_id: cs1.id })).status).toBe(403);
    const before = await owned(cs2Id);
    const r = await adminUsers(manager.client, { action: 'handover', leaver_id: cs2Id, receiver_id: cs1.id });
    expect(r.status).toBe(200);
    expect(r.body.handover).toMatchObject({ created_by: manager.id, item_count: before.customers + before.documents + before.open_contracts });
    expect(await owned(cs2Id)).toEqual({ customers: 0, documents: 0, open_contracts: 0 });
  });
});

describe('paper borrowing register', () => {
  it('request → approve with due date → lend → overdue reminder → return; the borrower cannot decide', async () => {
    const sales3 = await as('sales3');
    const archivist = await as('archivist');
    const loan = await sales3.client.from('document_loans').insert({ item_name: '2024 年合同原件', purpose: '核对' }).select().single();
    expect(loan.error).toBeNull();
    const id = loan.data!.id;
    // No direct edits; the borrower does not approve their own loan.
    await sales3.client.from('document_loans').update({ status: 'lent' }).eq('id', id);
    expect((await sales3.client.rpc('document_loan_step', { loan_id: id, action: 'approve', due_on: '2099-01-01' })).error?.code).toBe('DC003');
    expect(await fx.sql('select status from public.document_loans where id = $1', [id])).toEqual([{ status: 'requested' }]);
    // Out of order and without a due date: refused.
    expect((await archivist.client.rpc('document_loan_step', { loan_id: id, action: 'lend' })).error?.code).toBe('DC004');
    expect((await archivist.client.rpc('document_loan_step', { loan_id: id, action: 'approve' })).error?.code).toBe('DC004');

    const approved = await archivist.client.rpc('document_loan_step', { loan_id: id, action: 'approve', due_on: '2099-01-01' });
    expect(approved.data).toMatchObject({ status: 'approved', approved_by: archivist.id, due_on: '2099-01-01' });
    expect((await archivist.client.rpc('document_loan_step', { loan_id: id, action: 'lend' })).data).toMatchObject({ status: 'lent' });

    await fx.sql(`update public.document_loans set due_on = current_date - 2 where id = $1`, [id]);
    const reminded = await fx.sql<{ n: number }>('select private.remind_overdue_loans() as n');
    expect(reminded[0].n).toBeGreaterThanOrEqual(1);
    const note = await sales3.client.from('notifications').select('kind').eq('record_id', id).eq('kind', 'reminder');
    expect(note.data).toHaveLength(1);
    // Once a day: a second run right away reminds nobody again.
    expect(await fx.sql('select private.remind_overdue_loans() as n')).toEqual([{ n: 0 }]);

    const back = await archivist.client.rpc('document_loan_step', { loan_id: id, action: 'return' });
    expect(back.data).toMatchObject({ status: 'returned' });
    // A colleague outside it neither reads nor decides it.
    const cs1 = await as('cs1');
    expect((await cs1.client.from('document_loans').select('id').eq('id', id)).data).toEqual([]);
    expect((await cs1.client.rpc('document_loan_step', { loan_id: id, action: 'return' })).error?.code).toBe('DC003');
  });
});

describe('confidentiality agreements', () => {
  it('HR records agreements and sees who has none; colleagues cannot', async () => {
    const hr = await as('hr');
    const sales1 = await as('sales1');
    const merch2Id = (await fx.sql<{ id: string }>('select id from public.profiles where email = $1', ['merch2@bizdesk.test']))[0].id;
    const missing = await hr.client.rpc('people_without_agreement');
    expect(missing.error).toBeNull();
    expect((missing.data as { email: string }[]).map((p) => p.email)).toContain('merch2@bizdesk.test');

    const forged = await sales1.client.from('confidentiality_agreements').insert({ person_id: merch2Id, signed_on: '2026-01-05' });
    expect(forged.error?.code).toBe('42501');
    expect((await sales1.client.rpc('people_without_agreement')).error?.code).toBe('DC003');

    const signed = await hr.client.from('confidentiality_agreements')
      .insert({ person_id: merch2Id, signed_on: '2026-01-05', scan_path: `${merch2Id}/agreement.pdf` });
    expect(signed.error).toBeNull();
    const manager = await as('manager');
    const after = await manager.client.rpc('people_without_agreement');
    expect((after.data as { email: string }[]).map((p) => p.email)).not.toContain('merch2@bizdesk.test');
    // A scan path outside the person's folder is refused.
    const bad = await hr.client.from('confidentiality_agreements').update({ scan_path: `../${merch2Id}/x.pdf` }).eq('person_id', merch2Id);
    expect(bad.error?.code).toBe('23514');
    // People read their own agreement, not others'.
    expect((await sales1.client.from('confidentiality_agreements').select('person_id')).data).toEqual([{ person_id: sales1.id }]);
  });

  it('agreement scans: HR uploads under the person, the person reads their own, others nothing', async () => {
    const hr = await as('hr');
    const sales1 = await as('sales1');
    const cs1 = await as('cs1');
    const path = `${sales1.id}/scan.pdf`;
    expect((await hr.client.storage.from('agreements').upload(path, new Blob(['%PDF'], { type: 'application/pdf' }))).error).toBeNull();
    expect((await sales1.client.storage.from('agreements').download(path)).error).toBeNull();
    expect((await cs1.client.storage.from('agreements').download(path)).error).not.toBeNull();
    expect((await cs1.client.storage.from('agreements').upload(`${cs1.id}/mine.pdf`, new Blob(['%PDF'], { type: 'application/pdf' }))).error)
      .not.toBeNull();
  });
});
