// The import pipeline against the stack as demo people: file → schema from the OpenAPI document →
// header mapping → validation (with lookups read under RLS) → one bulk insert. Valid rows commit
// whole; one bad row under all-or-nothing inserts nothing and the report names its line; roles
// without insert rights are refused by RLS and nothing changes; 10k rows go in one request.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { DEMO, DEMO_PASSWORD, demoPeople, type DemoPerson } from '../helpers/demo.ts';
import { sql, PEOPLE, type As } from './customers-fixtures.ts';
import { tableSchemaFromOpenApi } from '../../src/providers/table-schema.ts';
import { readTableBytes } from '../../src/components/import/read-file.ts';
import { autoMap } from '../../src/components/import/header-mapping.ts';
import { importLabels, translatorOf } from '../../src/components/import/labels.ts';
import { importTarget } from '../../src/components/import/import-targets.ts';
import { buildValidationContext, importColumns } from '../../src/components/import/validation-context.ts';
import { validateRows, type ValidatedRow } from '../../src/components/import/validate-rows.ts';
import { commitImport } from '../../src/components/import/commit.ts';

let t: TestStack;
let as: As;
beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
});
afterAll(() => t?.close());

const locale = (name: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/locales/${name}.json`), 'utf8'));
const translators = [translatorOf(locale('zh-CN')), translatorOf(locale('en'))];
const tag = () => Math.random().toString(36).slice(2, 8);

/** Reads a CSV and validates it for `resource` as `client` would in the wizard. */
async function prepare(client: SupabaseClient, resource: string, csv: string): Promise<ValidatedRow[]> {
  const { data: session } = await client.auth.getSession();
  const res = await fetch(`${t.url}/rest/v1/`, { headers: { apikey: t.anonKey, Authorization: `Bearer ${session.session!.access_token}` } });
  const table = tableSchemaFromOpenApi(await res.json()).get(resource)!;
  const target = importTarget(resource)!;
  const raw = await readTableBytes(new TextEncoder().encode(csv), 'import.csv');
  const columns = importColumns(target, table);
  const labels = importLabels(resource, translators);
  const mapping = autoMap(raw.header, columns, labels);
  const ctx = await buildValidationContext(client, target, columns, raw, mapping, labels);
  return validateRows(raw.rows, ctx, { lines: raw.lines });
}

const countWhere = async (table: string, column: string, like: string) =>
  Number((await sql<{ n: string }>(t, `select count(*) n from public.${table} where ${column} like $1`, [like]))[0]!.n);

describe('customers import', () => {
  it('commits every valid row in one go, owners named by their name, blanks taking defaults', async () => {
    const { client, id } = await as('sales1');
    const k = tag();
    const rows = await prepare(client, 'customers', `公司名称,城市,客户等级,负责人,预算,标签\n导入甲 ${k},北京,重要客户,赵磊,"1,000",重点;制造\n导入乙 ${k},上海,,,,\n`);
    expect(rows.map((r) => r.issues)).toEqual([[], []]);
    const report = await commitImport(client, 'customers', rows, 'all-or-nothing');
    expect(report).toEqual({ inserted: 2, skipped: [] });
    const stored = await sql(t, 'select name, city, level, owner_id, budget, tags from public.customers where name like $1 order by name', [`导入_ ${k}`]);
    expect(stored).toEqual([
      { name: `导入乙 ${k}`, city: '上海', level: 'potential', owner_id: id, budget: null, tags: [] },
      { name: `导入甲 ${k}`, city: '北京', level: 'key', owner_id: PEOPLE.sales1, budget: '1000.00', tags: ['重点', '制造'] },
    ]);
  });

  it('all-or-nothing with one invalid row inserts nothing and names the row; valid-only skips it with its reasons', async () => {
    const { client } = await as('sales1');
    const k = tag();
    // A blank line before the bad row: reports give the file's row numbers, as Excel shows them.
    const csv = `Company name,Level\n好行 ${k},key\n\n坏行 ${k},superb\n又一行 ${k},general\n`;
    const rows = await prepare(client, 'customers', csv);
    const refused = await commitImport(client, 'customers', rows, 'all-or-nothing');
    expect(refused.inserted).toBe(0);
    expect(refused.failure).toMatchObject({ line: 4, key: 'import.result.invalidRows' });
    expect(await countWhere('customers', 'name', `% ${k}`)).toBe(0);

    const partial = await commitImport(client, 'customers', rows, 'valid-only');
    expect(partial.inserted).toBe(2);
    expect(partial.skipped).toEqual([{ line: 4, issues: [expect.objectContaining({ column: 'level', key: 'cellValue.errors.enum' })] }]);
    expect(await countWhere('customers', 'name', `% ${k}`)).toBe(2);
  });

  it('a row the database refuses rolls the whole request back, and the report gives the constraint', async () => {
    const { client } = await as('sales1');
    const k = tag();
    const rows: ValidatedRow[] = [
      { index: 0, line: 2, record: { name: `库拒甲 ${k}` }, issues: [] },
      // Passes the file checks but not customers' check constraint (a name of 2..200 characters).
      { index: 1, line: 3, record: { name: ' ', city: `库拒 ${k}` }, issues: [] },
      { index: 2, line: 4, record: { name: `库拒丙 ${k}` }, issues: [] },
    ];
    const report = await commitImport(client, 'customers', rows, 'valid-only');
    expect(report.inserted).toBe(0);
    expect(report.failure?.error).toMatchObject({ code: '23514', message: expect.stringContaining('customers_name_check') });
    expect(await countWhere('customers', 'name', `库拒% ${k}`)).toBe(0);
  });

  it('flags duplicates of existing customers and within the file', async () => {
    const { client } = await as('sales1');
    const [existing] = await sql<{ name: string }>(t, 'select name from public.customers where owner_id = $1 limit 1', [PEOPLE.sales1]);
    const k = tag();
    const rows = await prepare(client, 'customers', `name\n${existing!.name}\n重复 ${k}\n重复 ${k}\n`);
    expect(rows.map((r) => r.issues.map((i) => i.key))).toEqual([['import.issues.duplicateExisting'], [], ['import.issues.duplicateInFile']]);
  });

  it.each<[DemoPerson, string]>([['hr', 'customers'], ['sales1', 'products']])('%s may not insert %s: RLS refuses and nothing changes', async (who, table) => {
    const { client } = await as(who);
    const before = Number((await sql<{ n: string }>(t, `select count(*) n from public.${table}`))[0]!.n);
    const k = tag();
    const rows = await prepare(client, table, table === 'customers' ? `name\n越权 ${k}\n` : `code,name,list_price\nX-${k},越权 ${k},10\n`);
    expect(rows[0]!.issues).toEqual([]);
    const report = await commitImport(client, table, rows, 'all-or-nothing');
    expect(report.inserted).toBe(0);
    expect(report.failure?.error?.code).toBe('42501');
    expect(Number((await sql<{ n: string }>(t, `select count(*) n from public.${table}`))[0]!.n)).toBe(before);
  });

  it('the manager imports products; a duplicate code is flagged', async () => {
    const { client } = await as('manager');
    const k = tag();
    const rows = await prepare(client, 'products', `编码,产品,标准价,在售\nP-${k},导入产品 ${k},¥99.5,是\nP-${k},导入产品二 ${k},1,否\n`);
    expect(rows.map((r) => r.issues.map((i) => i.key))).toEqual([[], ['import.issues.duplicateInFile']]);
    expect(await commitImport(client, 'products', rows, 'valid-only')).toMatchObject({ inserted: 1 });
    expect(await sql(t, 'select name, list_price, active from public.products where code = $1', [`P-${k}`])).toEqual([{ name: `导入产品 ${k}`, list_price: '99.50', active: true }]);
  });
});

describe('contracts import', () => {
  it('drafts name their customer by its name; a customer outside the scope is not found', async () => {
    const { client, id } = await as('sales1');
    const [mine] = await sql<{ name: string }>(t, 'select name from public.customers where owner_id = $1 order by name limit 1', [PEOPLE.sales1]);
    const [foreign] = await sql<{ name: string }>(t, 'select name from public.customers where owner_id = $1 order by name limit 1', [PEOPLE.cs1]);
    const k = tag();
    const rows = await prepare(client, 'contracts', `标题,客户,金额,交货日期
导入合同 ${k},${mine!.name},"20,000.00",2027-01-31
越界合同 ${k},${foreign!.name},100,
`);
    expect(rows.map((r) => r.issues.map((i) => i.key))).toEqual([[], ['import.issues.notFound']]);
    expect(await commitImport(client, 'contracts', rows, 'valid-only')).toMatchObject({ inserted: 1 });
    expect(await sql(t, `select k.status, k.amount, k.delivery_on::text, k.owner_id, c.name customer from public.contracts k
      join public.customers c on c.id = k.customer_id where k.title = $1`, [`导入合同 ${k}`])).toEqual([
      { status: 'draft', amount: '20000.00', delivery_on: '2027-01-31', owner_id: id, customer: mine!.name },
    ]);
  });
});

describe('10k rows', () => {
  it('commit in one request', async () => {
    // A client of its own whose fetch counts the writes it sends.
    const writes: string[] = [];
    const client = createClient(t.url, t.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
      global: {
        fetch: (input, init) => {
          if (init?.method === 'POST' && String(input).includes('/rest/v1/')) writes.push(String(input));
          return fetch(input, init);
        },
      },
    });
    await client.auth.signInWithPassword({ email: DEMO.sales1, password: DEMO_PASSWORD });
    const k = tag();
    const csv = 'name,city,budget\n' + Array.from({ length: 10000 }, (_, i) => `批量 ${k} ${i},城${i % 50},${i}`).join('\n');
    const rows = await prepare(client, 'customers', csv);
    expect(rows.filter((r) => r.issues.length)).toEqual([]);
    const report = await commitImport(client, 'customers', rows, 'all-or-nothing');
    expect(report.inserted).toBe(10000);
    expect(writes).toHaveLength(1);
    expect(await countWhere('customers', 'name', `批量 ${k} %`)).toBe(10000);
  });
});
