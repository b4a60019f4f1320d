// The table editor's batch edit (public.apply_table_edits) through supabase-js as demo users:
// a batch applies whole or not at all, a refused cell is named, RLS / grants / status protection
// decide exactly as for a REST PATCH, and the audit trail records each change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';
import { sql, type As } from './customers-fixtures.ts';
import { tableSchemaFromOpenApi } from '../../src/providers/table-schema.ts';

let t: TestStack;
let as: As;
let products: { id: string; list_price: string; spec: string | null }[];

interface Edit { pk: Record<string, unknown>; set: Record<string, unknown> }

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
  products = await sql(t, 'select id, list_price::text, spec from public.products order by code limit 4');
});
afterAll(() => t?.close());

const current = () => sql<{ id: string; list_price: string; spec: string | null }>(t, 'select id, list_price::text, spec from public.products where id = any($1) order by code', [products.map((p) => p.id)]);
const auditCount = async () => Number((await sql<{ n: string }>(t, "select count(*) as n from public.audit_log where table_name = 'products'"))[0].n);
const cellOf = (details: string | null | undefined) => JSON.parse(details ?? '{}') as { row: number; column: string | null; pk: Record<string, unknown> };

describe('apply_table_edits', () => {
  it('applies a multi-row, multi-column batch whole and writes one audit row per changed row', async () => {
    const { client, id: adminId } = await as('admin');
    const before = await auditCount();
    const edits: Edit[] = products.slice(0, 3).map((p, i) => ({ pk: { id: p.id }, set: { list_price: 100 + i, spec: `批量 ${i}` } }));
    const { data, error } = await client.rpc('apply_table_edits', { p_table: 'products', p_edits: edits });
    expect(error).toBeNull();
    expect((data as { id: string; list_price: number }[]).map((r) => [r.id, Number(r.list_price)])).toEqual(products.slice(0, 3).map((p, i) => [p.id, 100 + i]));
    const after = await current();
    expect(after.slice(0, 3).map((r) => [r.list_price, r.spec])).toEqual([['100.00', '批量 0'], ['101.00', '批量 1'], ['102.00', '批量 2']]);
    expect(after[3]).toEqual(products[3]);
    expect(await auditCount()).toBe(before + 3);
    const [log] = await sql<{ actor_id: string; changed_columns: string[]; old_values: Record<string, unknown>; new_values: Record<string, unknown> }>(
      t, "select actor_id, changed_columns, old_values, new_values from public.audit_log where table_name = 'products' and record_id = $1 order by id desc limit 1", [products[0].id]);
    expect(log.actor_id).toBe(adminId);
    expect([...log.changed_columns].sort()).toEqual(['list_price', 'spec']);
    expect(log.old_values.list_price).toBe(Number(products[0].list_price));
    expect(log.new_values).toEqual({ list_price: 100, spec: '批量 0' });
  });

  it('changes nothing when one cell breaks a constraint, and names that cell', async () => {
    const { client } = await as('admin');
    const before = await current();
    const audit = await auditCount();
    const edits: Edit[] = before.slice(0, 3).map((p, i) => ({ pk: { id: p.id }, set: i === 1 ? { spec: 'x', list_price: -1 } : { list_price: 7 } }));
    const { data, error } = await client.rpc('apply_table_edits', { p_table: 'products', p_edits: edits });
    expect(data).toBeNull();
    expect(error?.code).toBe('23514');
    expect(error?.message).toContain('products_list_price_check');
    expect(cellOf(error?.details)).toMatchObject({ row: 1, column: 'list_price', pk: { id: before[1].id } });
    expect(await current()).toEqual(before);
    expect(await auditCount()).toBe(audit);
  });

  it('names the cell of a value of the wrong type', async () => {
    const { client } = await as('admin');
    const before = await current();
    const { error } = await client.rpc('apply_table_edits', {
      p_table: 'products',
      p_edits: [{ pk: { id: before[0].id }, set: { list_price: 5 } }, { pk: { id: before[2].id }, set: { spec: 'y', list_price: 'abc' } }],
    });
    expect(error?.code).toBe('22P02');
    expect(cellOf(error?.details)).toMatchObject({ row: 1, column: 'list_price' });
    expect(await current()).toEqual(before);
  });

  it('refuses a salesperson the way RLS refuses their PATCH: an error, nothing changed', async () => {
    const { client } = await as('sales1');
    const before = await current();
    const audit = await auditCount();
    const { error } = await client.rpc('apply_table_edits', { p_table: 'products', p_edits: [{ pk: { id: before[0].id }, set: { list_price: 1 } }] });
    expect(error?.code).toBe('42501');
    expect(error?.hint).toBe('table_editor.errors.row_not_editable');
    expect(cellOf(error?.details)).toMatchObject({ row: 0, pk: { id: before[0].id } });
    // The same write through REST: RLS filters the row out, nothing is updated.
    const { data: patched } = await client.from('products').update({ list_price: 1 }).eq('id', before[0].id).select();
    expect(patched).toEqual([]);
    expect(await current()).toEqual(before);
    expect(await auditCount()).toBe(audit);
  });

  it('refuses a row the caller cannot see as an error naming the edit', async () => {
    const { client } = await as('sales1');
    const [hidden] = await sql<{ id: string }>(t, `select id from public.customers where owner_id <> '10000000-0000-4000-8000-000000000012' and owner_id is not null and not exists (select 1 from public.customer_shares s where s.customer_id = customers.id) limit 1`);
    const [mine] = await sql<{ id: string; notes: string | null }>(t, "select id, notes from public.customers where owner_id = '10000000-0000-4000-8000-000000000012' limit 1");
    const { error } = await client.rpc('apply_table_edits', {
      p_table: 'customers',
      p_edits: [{ pk: { id: mine.id }, set: { notes: '改了' } }, { pk: { id: hidden.id }, set: { notes: '越权' } }],
    });
    expect(error?.code).toBe('42501');
    expect(cellOf(error?.details)).toMatchObject({ row: 1, pk: { id: hidden.id } });
    const [after] = await sql<{ notes: string | null }>(t, 'select notes from public.customers where id = $1', [mine.id]);
    expect(after.notes).toBe(mine.notes);
  });

  it('keeps the approval engine in charge of status columns', async () => {
    const { client } = await as('admin');
    const [draft] = await sql<{ id: string }>(t, "select id from public.contracts where status = 'draft' limit 1");
    const { error } = await client.rpc('apply_table_edits', { p_table: 'contracts', p_edits: [{ pk: { id: draft.id }, set: { status: 'signed' } }] });
    expect(error?.code).toBe('BZ007');
    expect(error?.hint).toBe('approval.errors.status_protected');
    expect(cellOf(error?.details)).toMatchObject({ row: 0, column: 'status' });
    const [after] = await sql<{ status: string }>(t, 'select status from public.contracts where id = $1', [draft.id]);
    expect(after.status).toBe('draft');
  });

  it('refuses tables outside the exposed schema, unknown columns, bad shapes, and the append-only audit trail', async () => {
    const { client } = await as('admin');
    const id = products[0].id;
    const call = (p_table: string, p_edits: unknown) => client.rpc('apply_table_edits', { p_table, p_edits });
    expect((await call('pg_authid', [])).error?.code).toBe('42P01');
    expect((await call('users', [])).error?.code).toBe('42P01'); // auth.users is not in public
    const unknown = await call('products', [{ pk: { id }, set: { nope: 1 } }]);
    expect(unknown.error?.code).toBe('42703');
    expect(cellOf(unknown.error?.details).column).toBe('nope');
    expect((await call('products', { pk: { id }, set: { spec: 'a' } })).error?.code).toBe('22023');
    expect((await call('products', [{ pk: { code: 'x' }, set: { spec: 'a' } }])).error?.code).toBe('22023');
    expect((await call('products', [{ pk: { id }, set: {} }])).error?.code).toBe('22023');
    const [log] = await sql<{ id: string }>(t, 'select id::text from public.audit_log limit 1');
    expect((await call('audit_log', [{ pk: { id: Number(log.id) }, set: { action: 'DELETE' } }])).error?.code).toBe('42501');
  });

  it('is not callable without signing in', async () => {
    const { error } = await t.client().rpc('apply_table_edits', { p_table: 'products', p_edits: [{ pk: { id: products[0].id }, set: { spec: 'anon' } }] });
    expect(error?.code).toBe('42501');
    expect((await current())[0].spec).not.toBe('anon');
  });
});

describe('the exposed schema the editor reads', () => {
  const openApi = async (token: string) => {
    const res = await fetch(`${t.url}/rest/v1/`, { headers: { apikey: t.anonKey, Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return tableSchemaFromOpenApi(await res.json());
  };
  const tokenOf = async (who: 'admin' | 'sales1') => (await (await as(who)).client.auth.getSession()).data.session!.access_token;

  it('gives column kinds, keys, references and enum values from the REST API document', async () => {
    const schema = await openApi(await tokenOf('admin'));
    expect(schema.has('users')).toBe(false);
    const contracts = schema.get('contracts')!;
    const by = Object.fromEntries(contracts.columns.map((c) => [c.name, c]));
    expect(contracts.primaryKey).toEqual(['id']);
    expect(by.amount).toMatchObject({ kind: 'money', required: true });
    expect(by.customer_id).toMatchObject({ kind: 'uuid', references: { table: 'customers', column: 'id' } });
    expect(by.status.kind).toBe('enum');
    expect(by.status.enumValues).toContain('draft');
    expect(by.delivery_on.kind).toBe('date');
    expect(by.credit_warning.kind).toBe('boolean');
    expect(schema.get('products')).toMatchObject({ updatable: true, insertable: true, deletable: true });
  });

  it('lists the apply_table_edits function only to signed-in users', async () => {
    const paths = async (token: string) => Object.keys(((await (await fetch(`${t.url}/rest/v1/`, { headers: { apikey: t.anonKey, Authorization: `Bearer ${token}` } })).json()) as { paths: object }).paths);
    expect(await paths(await tokenOf('sales1'))).toContain('/rpc/apply_table_edits');
    expect(await paths(t.anonKey)).not.toContain('/rpc/apply_table_edits');
  });
});
