// The quotations import against the stack as demo people: a file with one row per line → schema of
// quotations and quotation_lines from the OpenAPI document → mapping → validation (lookups under
// RLS) → grouping → ONE invoker RPC call. Quotations go in as the importer's drafts with their lines
// and the totals the trigger computes; under all-or-nothing one bad line leaves nothing; the
// database's refusals (a check, a customer outside the seller's scope) roll the whole call back and
// name the file row; anon and a non-seller are refused. A checksum proves nothing changed.
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';
import { sql, PEOPLE, type As } from './customers-fixtures.ts';
import { tableSchemaFromOpenApi } from '../../src/providers/table-schema.ts';
import { readTableBytes } from '../../src/components/import/read-file.ts';
import { autoMap } from '../../src/components/import/header-mapping.ts';
import { importLabels, translatorOf } from '../../src/components/import/labels.ts';
import { importTarget } from '../../src/components/import/import-targets.ts';
import { buildValidationContext, importColumns } from '../../src/components/import/validation-context.ts';
import { validateRows, type ValidatedRow } from '../../src/components/import/validate-rows.ts';
import { checkGroups, groupedImportColumns } from '../../src/components/import/line-groups.ts';
import { commitGroups } from '../../src/components/import/commit-groups.ts';

let t: TestStack;
let as: As;
beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
});
afterAll(() => t?.close());

const locale = (name: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/locales/${name}.json`), 'utf8'));
const labels = importLabels('quotationImport', [translatorOf(locale('zh-CN')), translatorOf(locale('en'))]);
const target = importTarget('quotations')!;
const tag = () => Math.random().toString(36).slice(2, 8);
const VALID = dayjs().add(60, 'day').format('YYYY-MM-DD');
// sales1's own customer and sales3's (another group: outside sales1's scope).
const MINE = '上海华东精密机械有限公司';
const MINE_ID = '50000000-0000-4000-8000-000000000001';
const THEIRS_ID = '50000000-0000-4000-8000-000000000006';

/** Reads a CSV and validates it as `client` would in the wizard. */
async function prepare(client: SupabaseClient, csv: string): Promise<ValidatedRow[]> {
  const { data: session } = await client.auth.getSession();
  const res = await fetch(`${t.url}/rest/v1/`, { headers: { apikey: t.anonKey, Authorization: `Bearer ${session.session!.access_token}` } });
  const schema = tableSchemaFromOpenApi(await res.json());
  const grouped = target.grouped!;
  const columns = groupedImportColumns(
    importColumns(target, schema.get('quotations')!),
    importColumns({ ...target, columns: grouped.lineColumns }, schema.get(grouped.linesTable)!),
    grouped,
  );
  const raw = await readTableBytes(new TextEncoder().encode(csv), 'import.csv');
  const mapping = autoMap(raw.header, columns, labels);
  const ctx = await buildValidationContext(client, target, columns, raw, mapping, labels);
  return checkGroups(await validateRows(raw.rows, ctx, { lines: raw.lines }), target, columns);
}

/** Every quotation and line with its totals, as one fingerprint. */
async function checksum(): Promise<string> {
  const [row] = await sql<{ q: string; l: string }>(t, `select
    (select count(*) || ':' || coalesce(md5(string_agg(id::text || total_amount || status, ',' order by id)), '') from public.quotations) q,
    (select count(*) || ':' || coalesce(md5(string_agg(id::text || line_total, ',' order by id)), '') from public.quotation_lines) l`);
  return `${row!.q}/${row!.l}`;
}

const line = (n: number, record: Record<string, unknown>): ValidatedRow => ({ index: n - 2, line: n, record, issues: [] });

describe('quotations import', () => {
  it('creates draft quotations owned by the importer, with their lines and the computed totals', async () => {
    const { client } = await as('sales1');
    const [product] = await sql<{ id: string; code: string; name: string; unit: string | null }>(t, "select id, code, name, unit from public.products where code = 'P-SRV-11'");
    const k = tag();
    const csv = [
      '报价编号,客户,标题,有效期至,币种,产品,名称,数量,单价,折扣%',
      `Q1,${MINE},导入报价 ${k} 甲,${VALID},USD,P-SRV-11,,2,1850,10`,
      `Q2,${MINE},导入报价 ${k} 乙,${VALID},,,安装服务,1,"1,000.50",`,
      `Q1,,,,,,伺服电机,3,100,`,
    ].join('\n');
    const rows = await prepare(client, csv);
    expect(rows.map((r) => r.issues)).toEqual([[], [], []]);
    const report = await commitGroups(client, target, rows, 'all-or-nothing');
    expect(report).toMatchObject({ inserted: 2, skipped: [] });
    expect(report.created!.map((c) => c.line)).toEqual([2, 3]);
    expect(report.created!.every((c) => /^BJ\d{8}-\d{5}$/.test(c.number!))).toBe(true);

    const stored = await sql(t, `select q.quote_no, q.title, q.status, q.owner_id, q.customer_id, q.currency, q.valid_until::text, q.total_amount, q.max_discount,
        (select json_agg(json_build_object('no', l.line_no, 'product', l.product_id, 'name', l.product_name, 'unit', l.unit, 'total', l.line_total) order by l.line_no)
           from public.quotation_lines l where l.quotation_id = q.id) lines
      from public.quotations q where q.title like $1 order by q.title`, [`导入报价 ${k} %`]);
    expect(stored).toEqual([
      {
        quote_no: report.created![1]!.number, title: `导入报价 ${k} 乙`, status: 'draft', owner_id: PEOPLE.sales1, customer_id: MINE_ID,
        currency: 'CNY', valid_until: VALID, total_amount: '1000.50', max_discount: '0.00',
        lines: [{ no: 1, product: null, name: '安装服务', unit: null, total: 1000.5 }],
      },
      {
        quote_no: report.created![0]!.number, title: `导入报价 ${k} 甲`, status: 'draft', owner_id: PEOPLE.sales1, customer_id: MINE_ID,
        currency: 'USD', valid_until: VALID, total_amount: '3630.00', max_discount: '10.00',
        // The product fills the line's name and unit (fill_quotation_line).
        lines: [{ no: 1, product: product!.id, name: product!.name, unit: product!.unit, total: 3330 }, { no: 2, product: null, name: '伺服电机', unit: null, total: 300 }],
      },
    ]);
  });

  it('all-or-nothing with one bad line imports nothing and names the line; valid-only imports the other quotations', async () => {
    const { client } = await as('sales1');
    const k = tag();
    const csv = [
      'Quotation ref,Customer,Title,Valid until,Name,Quantity,Unit price',
      `A,${MINE},整单 ${k} A,${VALID},轴承,2,10`,
      `B,${MINE},整单 ${k} B,${VALID},螺栓,0,1`,
      `B,,,,垫片,1,1`,
      `C,${MINE},整单 ${k} C,${VALID},齿轮,1,5`,
    ].join('\n');
    const rows = await prepare(client, csv);
    expect(rows.map((r) => r.issues.map((i) => i.key))).toEqual([[], ['import.issues.notAbove'], ['import.issues.groupInvalid'], []]);
    const before = await checksum();
    const refused = await commitGroups(client, target, rows, 'all-or-nothing');
    expect(refused).toMatchObject({ inserted: 0, failure: { line: 3, key: 'import.result.invalidRows' } });
    expect(await checksum()).toBe(before);

    const partial = await commitGroups(client, target, rows, 'valid-only');
    expect(partial.inserted).toBe(2);
    expect(partial.skipped.map((s) => s.line)).toEqual([3, 4]);
    expect(await sql(t, 'select title, total_amount from public.quotations where title like $1 order by title', [`整单 ${k} %`]))
      .toEqual([{ title: `整单 ${k} A`, total_amount: '20.00' }, { title: `整单 ${k} C`, total_amount: '5.00' }]);
  });

  it('a line the database refuses (quantity 0) rolls back every quotation of the call and names its row', async () => {
    const { client } = await as('sales1');
    const before = await checksum();
    // Past the file checks (as a tampered client would send it): the table's check refuses.
    const rows = [
      line(2, { quote_ref: 'A', customer_id: MINE_ID, valid_until: VALID, product_name: '好行', quantity: 1, unit_price: 1 }),
      line(3, { quote_ref: 'B', customer_id: MINE_ID, valid_until: VALID, product_name: '好行', quantity: 1, unit_price: 1 }),
      line(4, { quote_ref: 'B', product_name: '坏行', quantity: 0, unit_price: 1 }),
    ];
    const report = await commitGroups(client, target, rows, 'all-or-nothing');
    expect(report.inserted).toBe(0);
    expect(report.failure).toMatchObject({ line: 4, error: { code: '23514', message: expect.stringContaining('quotation_lines_quantity_check') } });
    expect(await checksum()).toBe(before);
  });

  it('a customer outside the seller\'s scope is refused by RLS: nothing stays, the row is named', async () => {
    const { client } = await as('sales1');
    // The lookup under RLS does not find it by name...
    const [theirs] = await sql<{ name: string }>(t, 'select name from public.customers where id = $1', [THEIRS_ID]);
    const rows = await prepare(client, `客户,有效期至,名称,数量,单价\n${MINE},${VALID},甲,1,1\n${theirs!.name},${VALID},乙,1,1\n`);
    expect(rows[1]!.issues).toEqual([expect.objectContaining({ column: 'customer_id', key: 'import.issues.notFound' })]);
    // ...and the database refuses it by id.
    const before = await checksum();
    const report = await commitGroups(client, target, [
      line(2, { customer_id: MINE_ID, valid_until: VALID, product_name: '甲', quantity: 1, unit_price: 1 }),
      line(3, { customer_id: THEIRS_ID, valid_until: VALID, product_name: '乙', quantity: 1, unit_price: 1 }),
    ], 'all-or-nothing');
    expect(report).toMatchObject({ inserted: 0, failure: { line: 3, error: { code: '42501' } } });
    expect(await checksum()).toBe(before);
  });

  it('a validity date not after today is flagged in the preview and refused by the database', async () => {
    const { client } = await as('sales1');
    const today = dayjs().format('YYYY-MM-DD');
    const rows = await prepare(client, `客户,有效期至,名称,数量,单价\n${MINE},${today},甲,1,1\n`);
    expect(rows[0]!.issues.map((i) => i.key)).toEqual(['import.issues.notAfterToday']);
    const before = await checksum();
    const report = await commitGroups(client, target, [line(2, { customer_id: MINE_ID, valid_until: today, product_name: '甲', quantity: 1, unit_price: 1 })], 'valid-only');
    expect(report.failure).toMatchObject({ line: 2, error: { code: '23514', hint: 'quotations.errors.valid_until_past' } });
    expect(await checksum()).toBe(before);
  });

  it('the RPC refuses anon, and a non-seller (HR) is refused by RLS; nothing changes', async () => {
    const before = await checksum();
    const group = { line: 2, header: { customer_id: MINE_ID, valid_until: VALID }, lines: [{ line: 2, product_name: '甲', quantity: 1, unit_price: 1 }] };
    const anon = await t.client().rpc('import_quotations', { p_quotations: [group] });
    expect(anon.error?.code).toBe('42501');
    const { client: hr } = await as('hr');
    const report = await commitGroups(hr, target, [line(2, { customer_id: MINE_ID, valid_until: VALID, product_name: '甲', quantity: 1, unit_price: 1 })], 'valid-only');
    expect(report).toMatchObject({ inserted: 0, failure: { line: 2, error: { code: '42501' } } });
    expect(await checksum()).toBe(before);
  });

  it('only the file-fillable columns are taken: owner, status and totals stay the database\'s', async () => {
    const { client, id } = await as('sales1');
    const k = tag();
    const { data, error } = await client.rpc('import_quotations', { p_quotations: [{
      line: 2,
      header: { customer_id: MINE_ID, valid_until: VALID, title: `越权 ${k}`, status: 'approved', owner_id: PEOPLE.sales2, total_amount: 1 },
      lines: [{ line: 2, product_name: '甲', quantity: 2, unit_price: 3, line_total: 999 }],
    }] });
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
    expect(await sql(t, 'select status, owner_id, total_amount from public.quotations where title = $1', [`越权 ${k}`])).toEqual([{ status: 'draft', owner_id: id, total_amount: '6.00' }]);
    const bad = await client.rpc('import_quotations', { p_quotations: [{ line: 2, header: { customer_id: MINE_ID, valid_until: VALID }, lines: [] }] });
    expect(bad.error).toMatchObject({ code: '22023', hint: 'quotationImport.errors.badInput' });
  });
});
