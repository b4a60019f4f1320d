// "Who has no confidentiality agreement" (public.people_without_agreement) paged by the database:
// order, range and an exact count through /rpc; HR and the department-wide managers read it,
// everyone else is refused by the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople, type DemoPerson } from '../helpers/demo.ts';
import { sql, type As } from './customers-fixtures.ts';

let t: TestStack;
let as: As;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
});
afterAll(() => t?.close());

interface Missing { id: string; full_name: string; email: string }

/** The expected list, read as the database owner. */
const expected = () => sql<Missing>(t, `
  select p.id, p.full_name, p.email from public.profiles p
   where p.status = 'active' and p.department_id is not null
     and not exists (select 1 from public.confidentiality_agreements a where a.person_id = p.id)
   order by p.full_name, p.id`);

async function page(who: DemoPerson, from: number, to: number) {
  const { client } = await as(who);
  return client.rpc('people_without_agreement', {}, { count: 'exact' }).select('id, full_name, email').order('full_name').order('id').range(from, to);
}

describe('people_without_agreement', () => {
  it('gives one page at a time with the total count, the pages together the whole list', async () => {
    const all = await expected();
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await page('hr', 0, 1);
    expect(first.error).toBeNull();
    expect(first.count).toBe(all.length);
    expect(first.data).toEqual(all.slice(0, 2));
    const rest = await page('hr', 2, 99);
    expect(rest.error).toBeNull();
    expect(rest.count).toBe(all.length);
    expect(rest.data).toEqual(all.slice(2));
  });

  it('drops a person once HR records their agreement', async () => {
    const { client } = await as('hr');
    const before = await expected();
    const person = before[0];
    const { error } = await client.from('confidentiality_agreements').insert({ person_id: person.id, signed_on: '2026-02-01' });
    expect(error).toBeNull();
    const after = await page('hr', 0, 49);
    expect(after.count).toBe(before.length - 1);
    expect(after.data).toEqual(before.slice(1));
  });

  it.each(['hr', 'admin', 'gm', 'manager'] as const)('lets %s read the list', async (who) => {
    const all = await expected();
    const res = await page(who, 0, 0);
    expect(res.error).toBeNull();
    expect(res.count).toBe(all.length);
    expect(res.data).toEqual(all.slice(0, 1));
  });

  it.each(['sales1', 'leaderMkt', 'deputy1', 'legal', 'finance', 'archivist'] as const)('refuses %s', async (who) => {
    const res = await page(who, 0, 9);
    expect(res.data).toBeNull();
    expect(res.error?.code).toBe('DC003');
    expect(res.error?.hint).toBe('documents.errors.not_allowed');
  });

  it('is not callable without signing in', async () => {
    const { data, error } = await t.client().rpc('people_without_agreement');
    expect(data).toBeNull();
    expect(error?.code).toBe('42501');
  });
});
