// The table editor's delete (public.delete_table_rows) through supabase-js as demo users: the
// selected rows go in one transaction or none do; a row RLS refuses or hides is an error naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';
import { PEOPLE, sql, type As } from './customers-fixtures.ts';

let t: TestStack;
let as: As;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
});
afterAll(() => t?.close());

const cellOf = (details: string | null | undefined) => JSON.parse(details ?? '{}') as { row: number; pk: Record<string, unknown> };
const followUps = (ids: string[]) => sql<{ id: string }>(t, 'select id from public.follow_ups where id = any($1) order by id', [ids]);
const auditCount = async () => Number((await sql<{ n: string }>(t, "select count(*) as n from public.audit_log where table_name = 'follow_ups'"))[0].n);

/** A follow-up by `owner` on a customer of sales1 (so sales1 can read it), made as the database owner. */
async function followUp(owner: string): Promise<string> {
  const [row] = await sql<{ id: string }>(
    t,
    `insert into public.follow_ups (customer_id, method, content, owner_id, group_id)
     select c.id, 'phone', '删除测试', $1, c.group_id from public.customers c where c.owner_id = $2 order by c.id limit 1
     returning id`,
    [owner, PEOPLE.sales1],
  );
  return row.id;
}

describe('delete_table_rows', () => {
  it('deletes several rows in one call and returns them; the audit trail records each', async () => {
    const { client } = await as('sales1');
    const ids = [await followUp(PEOPLE.sales1), await followUp(PEOPLE.sales1)];
    const audit = await auditCount();
    const { data, error } = await client.rpc('delete_table_rows', { p_table: 'follow_ups', p_pks: ids.map((id) => ({ id })) });
    expect(error).toBeNull();
    expect((data as { id: string }[]).map((r) => r.id)).toEqual(ids);
    expect(await followUps(ids)).toEqual([]);
    expect(await auditCount()).toBe(audit + 2);
  });

  it('keeps all three rows when RLS refuses one of them, and names that row', async () => {
    const { client } = await as('sales1');
    const others = await followUp(PEOPLE.sales2); // sales1 reads it (their customer) but may not delete it
    const ids = [await followUp(PEOPLE.sales1), await followUp(PEOPLE.sales1), others].sort();
    const audit = await auditCount();
    expect((await client.from('follow_ups').select('id').eq('id', others)).data).toEqual([{ id: others }]);
    const { data, error } = await client.rpc('delete_table_rows', { p_table: 'follow_ups', p_pks: ids.map((id) => ({ id })) });
    expect(data).toBeNull();
    expect(error?.code).toBe('42501');
    expect(error?.hint).toBe('table_editor.errors.row_not_deletable');
    expect(cellOf(error?.details)).toMatchObject({ row: ids.indexOf(others), pk: { id: others } });
    expect((await followUps(ids)).map((r) => r.id)).toEqual(ids);
    expect(await auditCount()).toBe(audit);
  });

  it('refuses a row the caller cannot see the same way, deleting nothing', async () => {
    const { client } = await as('sales3');
    const mine = await followUp(PEOPLE.sales3);
    const hidden = await followUp(PEOPLE.sales1);
    expect((await client.from('follow_ups').select('id').eq('id', hidden)).data).toEqual([]);
    const { error } = await client.rpc('delete_table_rows', { p_table: 'follow_ups', p_pks: [{ id: mine }, { id: hidden }] });
    expect(error?.code).toBe('42501');
    expect(cellOf(error?.details)).toMatchObject({ row: 1, pk: { id: hidden } });
    expect(await followUps([mine, hidden])).toHaveLength(2);
  });

  it('deletes rows of a table with a composite key, all or nothing', async () => {
    const { client } = await as('admin');
    const roles = () => sql<{ role: string; user_id: string }>(t, "select role::text, user_id from public.user_roles where role in ('researcher', 'merchandiser') order by role, user_id");
    const before = await roles();
    expect(before.length).toBeGreaterThanOrEqual(2);
    const [keep, drop] = [before[0], before[before.length - 1]];
    // The second key is not a row: the first one stays too.
    const missing = await client.rpc('delete_table_rows', { p_table: 'user_roles', p_pks: [keep, { role: 'legal', user_id: drop.user_id }] });
    expect(missing.error?.code).toBe('42501');
    expect(cellOf(missing.error?.details)).toMatchObject({ row: 1, pk: { role: 'legal', user_id: drop.user_id } });
    expect(await roles()).toEqual(before);
    // Not an admin: refused by RLS, nothing revoked.
    const hr = await (await as('hr')).client.rpc('delete_table_rows', { p_table: 'user_roles', p_pks: [drop] });
    expect(hr.error?.code).toBe('42501');
    expect(await roles()).toEqual(before);
    const { data, error } = await client.rpc('delete_table_rows', { p_table: 'user_roles', p_pks: [drop] });
    expect(error).toBeNull();
    expect(data).toEqual([expect.objectContaining(drop)]);
    expect(await roles()).toEqual(before.filter((r) => r !== drop));
  });

  it('names the row of a foreign key refusal and of a key of the wrong type', async () => {
    const { client } = await as('admin');
    const [used] = await sql<{ id: string }>(t, 'select product_id as id from public.quotation_lines where product_id is not null limit 1');
    const [free] = await sql<{ id: string }>(t, 'insert into public.products (code, name, list_price) values ($1, $2, 1) returning id', [`DEL-${Date.now()}`, '删除测试产品']);
    const fk = await client.rpc('delete_table_rows', { p_table: 'products', p_pks: [{ id: free.id }, { id: used.id }] });
    expect(fk.error?.code).toBe('23503');
    expect(cellOf(fk.error?.details)).toMatchObject({ row: 1, pk: { id: used.id } });
    expect(await sql(t, 'select id from public.products where id = $1', [free.id])).toHaveLength(1);
    const typed = await client.rpc('delete_table_rows', { p_table: 'products', p_pks: [{ id: free.id }, { id: 'abc' }] });
    expect(typed.error?.code).toBe('22P02');
    expect(cellOf(typed.error?.details)).toMatchObject({ row: 1 });
    expect(await sql(t, 'select id from public.products where id = $1', [free.id])).toHaveLength(1);
  });

  it('refuses tables outside the exposed schema, partial keys, bad shapes and the audit trail', async () => {
    const { client } = await as('admin');
    const call = (p_table: string, p_pks: unknown) => client.rpc('delete_table_rows', { p_table, p_pks });
    expect((await call('pg_authid', [])).error?.code).toBe('42P01');
    expect((await call('users', [])).error?.code).toBe('42P01');
    expect((await call('follow_ups', { id: PEOPLE.sales1 })).error?.code).toBe('22023');
    const partial = await call('user_roles', [{ user_id: PEOPLE.sales1 }]);
    expect(partial.error?.code).toBe('22023');
    expect(partial.error?.hint).toBe('table_editor.errors.bad_edits');
    const [log] = await sql<{ id: string }>(t, 'select id::text from public.audit_log limit 1');
    expect((await call('audit_log', [{ id: Number(log.id) }])).error?.code).toBe('42501');
    expect(await sql(t, 'select id from public.audit_log where id = $1', [log.id])).toHaveLength(1);
  });

  it('is not callable without signing in', async () => {
    const id = await followUp(PEOPLE.sales1);
    const { error } = await t.client().rpc('delete_table_rows', { p_table: 'follow_ups', p_pks: [{ id }] });
    expect(error?.code).toBe('42501');
    expect(await followUps([id])).toHaveLength(1);
  });
});
