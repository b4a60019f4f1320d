// Quotations through supabase-js: totals computed by the database, bad input refused with
// nothing changed, who reads and edits them, approval through the engine over the workflow's
// threshold (and straight to approved under it), then sent / accepted / rejected / expired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople, type DemoPerson } from '../helpers/demo.ts';
import { createCustomer, PEOPLE, sql, type As } from './customers-fixtures.ts';

let t: TestStack;
let as: As;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
});
afterAll(() => t?.close());

interface Quotation {
  id: string;
  status: string;
  total_amount: number;
  max_discount: number;
  title: string;
  owner_id: string;
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function newQuotation(who: DemoPerson, lines: { quantity: number; unit_price: number; discount?: number }[]) {
  const customer = await createCustomer(as, who);
  const { client } = await as(who);
  const q = await client.from('quotations')
    .insert({ customer_id: customer.id, valid_until: inDays(30), payment_terms: '货到30天付款' }).select().single();
  expect(q.error).toBeNull();
  if (lines.length > 0) {
    const l = await client.from('quotation_lines')
      .insert(lines.map((x, i) => ({ quotation_id: q.data!.id, line_no: i + 1, product_name: `产品 ${i + 1}`, ...x })), { defaultToNull: false });
    expect(l.error).toBeNull();
  }
  return { customer, quotation: (await read(q.data!.id))! };
}

async function read(id: string): Promise<Quotation | undefined> {
  return (await sql<Quotation>(t, `select id, status::text, total_amount::float8 as total_amount,
    max_discount::float8 as max_discount, title, owner_id from public.quotations where id = $1`, [id]))[0];
}

describe('totals', () => {
  it('the database computes line totals, the quotation total and the largest discount', async () => {
    const { quotation } = await newQuotation('sales1', [
      { quantity: 2, unit_price: 1000, discount: 5 },
      { quantity: 3, unit_price: 333.33 },
    ]);
    expect(quotation).toMatchObject({ total_amount: 2899.99, max_discount: 5, status: 'draft', owner_id: PEOPLE.sales1 });
    expect(quotation.title).toMatch(/报价/);
    const sales1 = await as('sales1');
    const lines = await sales1.client.from('quotation_lines').select('id, line_total').eq('quotation_id', quotation.id).order('line_no');
    expect(lines.data!.map((l) => l.line_total)).toEqual([1900, 999.99]);
    await sales1.client.from('quotation_lines').update({ discount: 20 }).eq('id', lines.data![1]!.id);
    expect(await read(quotation.id)).toMatchObject({ total_amount: 2699.99, max_discount: 20 });
    await sales1.client.from('quotation_lines').delete().eq('id', lines.data![0]!.id);
    expect(await read(quotation.id)).toMatchObject({ total_amount: 799.99, max_discount: 20 });
  });

  it('totals sent by a client are ignored', async () => {
    const { quotation } = await newQuotation('sales1', [{ quantity: 1, unit_price: 50 }]);
    const sales1 = await as('sales1');
    const res = await sales1.client.from('quotations').update({ total_amount: 1, max_discount: 0, notes: '改总价' })
      .eq('id', quotation.id).select('total_amount, notes');
    expect(res.data).toEqual([{ total_amount: 50, notes: '改总价' }]);
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['quantity 0', { quantity: 0, unit_price: 10 }, '23514'],
    ['negative quantity', { quantity: -1, unit_price: 10 }, '23514'],
    ['negative unit price', { quantity: 1, unit_price: -0.01 }, '23514'],
    ['discount above 100 %', { quantity: 1, unit_price: 10, discount: 100.5 }, '23514'],
    ['negative discount', { quantity: 1, unit_price: 10, discount: -1 }, '23514'],
    ['no product name', { quantity: 1, unit_price: 10, product_name: null }, '23502'],
  ])('a line with %s', async (_label, fields, code) => {
    const { quotation } = await newQuotation('sales1', [{ quantity: 1, unit_price: 10 }]);
    const res = await (await as('sales1')).client.from('quotation_lines')
      .insert({ quotation_id: quotation.id, product_name: '坏行', ...fields });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ code });
    expect(await sql(t, 'select count(*)::int as n from public.quotation_lines where quotation_id = $1', [quotation.id])).toEqual([{ n: 1 }]);
    expect(await read(quotation.id)).toMatchObject({ total_amount: 10 });
  });

  it.each([
    ['today', 0],
    ['yesterday', -1],
  ])('a validity date of %s', async (_label, days) => {
    const customer = await createCustomer(as, 'sales1');
    const res = await (await as('sales1')).client.from('quotations').insert({ customer_id: customer.id, valid_until: inDays(days) });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ code: '23514', hint: 'quotations.errors.valid_until_past' });
    expect(await sql(t, 'select 1 from public.quotations where customer_id = $1', [customer.id])).toEqual([]);
  });

  it('no customer, or a contact of another customer', async () => {
    const sales1 = await as('sales1');
    const before = await sql(t, 'select count(*)::int as n from public.quotations');
    const missing = await sales1.client.from('quotations').insert({ valid_until: inDays(10) });
    expect(missing.status).toBe(400);
    expect(missing.error).toMatchObject({ code: '23502' });
    expect(await sql(t, 'select count(*)::int as n from public.quotations')).toEqual(before);
    const a = await createCustomer(as, 'sales1');
    const b = await createCustomer(as, 'sales1');
    const contact = await sales1.client.from('contacts').insert({ customer_id: b.id, name: '李四' }).select().single();
    const wrong = await sales1.client.from('quotations').insert({ customer_id: a.id, contact_id: contact.data!.id, valid_until: inDays(10) });
    expect(wrong.status).toBe(409);
    expect(wrong.error).toMatchObject({ code: '23503' });
    expect(await sql(t, 'select 1 from public.quotations where customer_id = $1', [a.id])).toEqual([]);
  });

  it('a status other than draft, on creation or by editing', async () => {
    const customer = await createCustomer(as, 'sales1');
    const sales1 = await as('sales1');
    const created = await sales1.client.from('quotations').insert({ customer_id: customer.id, valid_until: inDays(10), status: 'approved' });
    expect(created.error).toMatchObject({ code: 'BZ007' });
    const { quotation } = await newQuotation('sales1', [{ quantity: 1, unit_price: 10 }]);
    const edited = await sales1.client.from('quotations').update({ status: 'approved' }).eq('id', quotation.id);
    expect(edited.error).toMatchObject({ code: 'BZ007' });
    expect((await read(quotation.id))!.status).toBe('draft');
  });
});

describe('who reads and writes quotations', () => {
  it('scope reads; others do not; nobody quotes for a customer outside their scope', async () => {
    const { customer, quotation } = await newQuotation('sales1', [{ quantity: 1, unit_price: 10 }]);
    for (const [who, n] of [['sales1', 1], ['leaderMkt', 1], ['deputy1', 1], ['manager', 1], ['sales2', 0], ['sales3', 0], ['leaderPe', 0], ['hr', 0]] as const) {
      const { data } = await (await as(who)).client.from('quotations').select('id, quotation_lines(id)').eq('id', quotation.id);
      expect(data, who).toHaveLength(n);
    }
    const res = await (await as('sales3')).client.from('quotations').insert({ customer_id: customer.id, valid_until: inDays(10) });
    expect(res.status).toBe(403);
    const lines = await (await as('sales3')).client.from('quotation_lines').insert({ quotation_id: quotation.id, product_name: 'x', quantity: 1, unit_price: 1 });
    expect(lines.status).toBe(403);
    expect(await read(quotation.id)).toMatchObject({ total_amount: 10 });
  });
});

async function submit(who: DemoPerson, id: string) {
  const res = await (await as(who)).client.rpc('approval_submit', { record_type: 'quotation', record_id: id });
  expect(res.error).toBeNull();
  return res.data as { id: string; status: string; current_step: number | null };
}

describe('approval and what follows', () => {
  it('under the threshold: approved at once, then sent and accepted', async () => {
    const { quotation } = await newQuotation('sales1', [{ quantity: 10, unit_price: 1000, discount: 5 }]);
    const req = await submit('sales1', quotation.id);
    expect(req).toMatchObject({ status: 'approved' });
    expect((await read(quotation.id))!.status).toBe('approved');
    const sales1 = await as('sales1');
    const early = await sales1.client.rpc('mark_quotation_accepted', { quotation_id: quotation.id });
    expect(early.status).toBe(400);
    expect(early.error).toMatchObject({ code: 'CU007', hint: 'quotations.errors.wrong_status' });
    const sent = await sales1.client.rpc('mark_quotation_sent', { quotation_id: quotation.id });
    expect(sent.error).toBeNull();
    expect(sent.data).toMatchObject({ status: 'sent' });
    expect((sent.data as { sent_at: string | null }).sent_at).not.toBeNull();
    const twice = await sales1.client.rpc('mark_quotation_sent', { quotation_id: quotation.id });
    expect(twice.error).toMatchObject({ code: 'CU007' });
    const accepted = await sales1.client.rpc('mark_quotation_accepted', { quotation_id: quotation.id });
    expect(accepted.data).toMatchObject({ status: 'accepted' });
    expect((await read(quotation.id))!.status).toBe('accepted');
  });

  it('a discount over the threshold waits for the group leader; the quotation is locked meanwhile', async () => {
    const { quotation } = await newQuotation('sales1', [{ quantity: 1, unit_price: 5000, discount: 12 }]);
    const req = await submit('sales1', quotation.id);
    expect(req).toMatchObject({ status: 'pending', current_step: 1 });
    expect((await read(quotation.id))!.status).toBe('pending');
    const sales1 = await as('sales1');
    const line = await sales1.client.from('quotation_lines').insert({ quotation_id: quotation.id, product_name: '追加', quantity: 1, unit_price: 1 });
    expect(line.status).toBe(403);
    const header = await sales1.client.from('quotations').update({ payment_terms: '改条款' }).eq('id', quotation.id).select();
    expect(header.data).toEqual([]);
    const notYet = await sales1.client.rpc('mark_quotation_sent', { quotation_id: quotation.id });
    expect(notYet.error).toMatchObject({ code: 'CU007' });
    // Not the approver: refused.
    const wrong = await (await as('leaderPe')).client.rpc('approval_approve', { request_id: req.id });
    expect(wrong.error).toMatchObject({ code: 'BZ003' });
    const leader = await as('leaderMkt');
    const inbox = await leader.client.from('approval_tasks').select('step_name').eq('request_id', req.id).eq('status', 'pending');
    expect(inbox.data).toEqual([{ step_name: '组长审批' }]);
    const ok = await leader.client.rpc('approval_approve', { request_id: req.id, comment: '同意' });
    expect(ok.data).toMatchObject({ status: 'approved' });
    expect(await read(quotation.id)).toMatchObject({ status: 'approved', total_amount: 4400, max_discount: 12 });
    // Another salesperson cannot move it; the owner can.
    const other = await (await as('sales2')).client.rpc('mark_quotation_sent', { quotation_id: quotation.id });
    expect(other.error).toMatchObject({ code: 'CU006' });
    expect((await sales1.client.rpc('mark_quotation_sent', { quotation_id: quotation.id })).data).toMatchObject({ status: 'sent' });
    expect((await sales1.client.rpc('mark_quotation_rejected', { quotation_id: quotation.id })).data).toMatchObject({ status: 'rejected' });
  });

  it('an amount of 500 000 or more needs the group leader and then the department manager', async () => {
    const { quotation } = await newQuotation('sales1', [{ quantity: 2, unit_price: 300000 }]);
    const req = await submit('sales1', quotation.id);
    expect(req).toMatchObject({ status: 'pending', current_step: 1 });
    await (await as('leaderMkt')).client.rpc('approval_approve', { request_id: req.id });
    expect((await read(quotation.id))!.status).toBe('pending');
    const mgr = await (await as('manager')).client.rpc('approval_approve', { request_id: req.id });
    expect(mgr.data).toMatchObject({ status: 'approved' });
    expect((await read(quotation.id))!.status).toBe('approved');
  });

  it('a rejected approval sends the quotation back to draft, editable again', async () => {
    const { quotation } = await newQuotation('sales1', [{ quantity: 1, unit_price: 250000 }]);
    const req = await submit('sales1', quotation.id);
    const rej = await (await as('leaderMkt')).client.rpc('approval_reject', { request_id: req.id, comment: '价格太低' });
    expect(rej.error).toBeNull();
    expect((await read(quotation.id))!.status).toBe('draft');
    const edit = await (await as('sales1')).client.from('quotation_lines')
      .insert({ quotation_id: quotation.id, product_name: '调整', quantity: 1, unit_price: 100 });
    expect(edit.error).toBeNull();
    expect((await read(quotation.id))!.total_amount).toBe(250100);
  });

  it('sent quotations past their validity expire by the scheduled job', async () => {
    const { quotation } = await newQuotation('sales1', [{ quantity: 1, unit_price: 100 }]);
    await submit('sales1', quotation.id);
    await (await as('sales1')).client.rpc('mark_quotation_sent', { quotation_id: quotation.id });
    const notYet = await t.admin().rpc('expire_quotations');
    expect(notYet.error).toBeNull();
    expect((await read(quotation.id))!.status).toBe('sent');
    await sql(t, `update public.quotations set valid_until = current_date - 1 where id = $1`, [quotation.id]);
    const refused = await (await as('manager')).client.rpc('expire_quotations');
    expect(refused.status).toBe(403);
    expect((await read(quotation.id))!.status).toBe('sent');
    const res = await t.admin().rpc('expire_quotations');
    expect(res.data).toBeGreaterThanOrEqual(1);
    expect((await read(quotation.id))!.status).toBe('expired');
  });
});
