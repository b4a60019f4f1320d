// Bad input on customers, contacts, follow-ups and visits, refused by the database with the
// PostgREST error a form can show as a field error, and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';
import { createCustomer, sql, type As } from './customers-fixtures.ts';

let t: TestStack;
let as: As;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
});
afterAll(() => t?.close());

const count = async (table: string) => (await sql<{ n: number }>(t, `select count(*)::int as n from public.${table}`))[0]!.n;

describe('customers', () => {
  it.each([
    ['no name', { name: null }, 400, '23502'],
    ['a blank name', { name: '  ' }, 400, '23514'],
    ['a negative credit limit', { credit_limit: -1 }, 400, '23514'],
    ['a negative budget', { budget: -100 }, 400, '23514'],
    ['an unknown level', { level: 'vip' }, 400, '22P02'],
    ['an unknown stage', { stage: 'closed' }, 400, '22P02'],
    ['an unknown source channel', { source: 'tv' }, 400, '22P02'],
    ['an unknown credit rating', { credit_rating: 'Z' }, 400, '23514'],
    ['a credit term over a year', { credit_term_days: 400 }, 400, '23514'],
    ['a lower-case currency', { currency: 'cny' }, 400, '23514'],
    ['a zero revisit interval', { revisit_interval_days: 0 }, 400, '23514'],
  ])('%s is refused', async (_label, fields, status, code) => {
    const before = await count('customers');
    const res = await (await as('sales1')).client.from('customers').insert({ name: '坏数据客户', ...fields }).select();
    expect(res.status).toBe(status);
    expect(res.error).toMatchObject({ code });
    expect(res.data).toBeNull();
    expect(await count('customers')).toBe(before);
  });

  it('a refused edit leaves the row as it was', async () => {
    const c = await createCustomer(as, 'sales1', { credit_limit: 50000 });
    const res = await (await as('sales1')).client.from('customers').update({ credit_limit: -5, stage: 'won' }).eq('id', c.id);
    expect(res.status).toBe(400);
    expect(await sql(t, 'select credit_limit::float8 as credit_limit, stage from public.customers where id = $1', [c.id]))
      .toEqual([{ credit_limit: 50000, stage: 'potential' }]);
  });
});

describe('contacts', () => {
  it.each([
    ['no name', { name: null }, '23502'],
    ['a phone with letters', { phone: '138-abc-0000' }, '23514'],
    ['a too short phone', { phone: '123' }, '23514'],
    ['an email without @', { email: 'wang.example.cn' }, '23514'],
    ['an email without domain', { email: 'wang@example' }, '23514'],
  ])('%s is refused', async (_label, fields, code) => {
    const c = await createCustomer(as, 'sales1');
    const res = await (await as('sales1')).client.from('contacts').insert({ customer_id: c.id, name: '王经理', ...fields });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ code });
    expect(await sql(t, 'select 1 from public.contacts where customer_id = $1', [c.id])).toEqual([]);
  });

  it('good phone and email formats pass; a second primary contact is refused', async () => {
    const c = await createCustomer(as, 'sales1');
    const sales1 = (await as('sales1')).client;
    const ok = await sales1.from('contacts')
      .insert({ customer_id: c.id, name: '王经理', phone: '+86 138-0000-1234', email: 'wang@example.cn', is_primary: true });
    expect(ok.error).toBeNull();
    const second = await sales1.from('contacts').insert({ customer_id: c.id, name: '李主管', is_primary: true });
    expect(second.status).toBe(409);
    expect(second.error).toMatchObject({ code: '23505' });
    expect(await sql(t, 'select name from public.contacts where customer_id = $1', [c.id])).toEqual([{ name: '王经理' }]);
  });
});

describe('follow-ups and visits', () => {
  it.each([
    ['no content', { content: null }, '23502'],
    ['blank content', { content: ' ' }, '23514'],
    ['no method', { method: null }, '23502'],
    ['an unknown method', { method: 'fax' }, '22P02'],
  ])('a follow-up with %s is refused and the customer\'s dates stay', async (_label, fields, code) => {
    const c = await createCustomer(as, 'sales1');
    const res = await (await as('sales1')).client.from('follow_ups')
      .insert({ customer_id: c.id, method: 'phone', content: '电话沟通', next_date: '2030-01-01', ...fields });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ code });
    expect(await sql(t, 'select last_follow_up_at, next_follow_up_on from public.customers where id = $1', [c.id]))
      .toEqual([{ last_follow_up_at: null, next_follow_up_on: null }]);
  });

  it('a visit without a date or purpose is refused', async () => {
    const c = await createCustomer(as, 'sales1');
    const sales1 = (await as('sales1')).client;
    const noDate = await sales1.from('visit_plans').insert({ customer_id: c.id, purpose: '拜访' });
    expect(noDate.error).toMatchObject({ code: '23502' });
    const noPurpose = await sales1.from('visit_plans').insert({ customer_id: c.id, planned_on: '2030-01-01' });
    expect(noPurpose.error).toMatchObject({ code: '23502' });
    const noCustomer = await sales1.from('visit_plans').insert({ planned_on: '2030-01-01', purpose: '拜访' });
    expect(noCustomer.status).toBe(400);
    expect(noCustomer.error).toMatchObject({ code: '23502' });
    expect(await sql(t, 'select 1 from public.visit_plans where customer_id = $1', [c.id])).toEqual([]);
  });
});
