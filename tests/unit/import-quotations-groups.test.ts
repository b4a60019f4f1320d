// Quotation import, one file row per line: rows sharing a quotation ref make one quotation (a row
// without one is its own); header values may stand on any row but must agree; a required header
// value is needed once per quotation; lines are checked against the table's bounds; a quotation
// with one bad row is skipped whole; the valid rows become the RPC's groups.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCell } from '../../src/components/cell-value/parse.ts';
import type { ColumnInfo } from '../../src/providers/table-schema.ts';
import { autoMap } from '../../src/components/import/header-mapping.ts';
import { importTarget } from '../../src/components/import/import-targets.ts';
import { importLabels, translatorOf } from '../../src/components/import/labels.ts';
import { checkGroups, groupedImportColumns, toLineGroups } from '../../src/components/import/line-groups.ts';
import { validateRows, type ValidatedRow } from '../../src/components/import/validate-rows.ts';

const locale = (name: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/locales/${name}.json`), 'utf8'));
const labels = importLabels('quotationImport', [translatorOf(locale('zh-CN')), translatorOf(locale('en'))]);
const target = importTarget('quotations')!;

const col = (name: string, kind: ColumnInfo['kind'], extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name, kind, pgType: kind, required: false, primaryKey: false, nullable: true, ...extra,
});
const must = { required: true, nullable: false };
// As the OpenAPI document describes quotations and quotation_lines.
const header = [
  col('customer_id', 'uuid', { ...must, references: { table: 'customers', column: 'id' } }),
  col('title', 'text'),
  col('valid_until', 'date', must),
  col('delivery_on', 'date'),
  col('currency', 'text', { nullable: false, defaultValue: "'CNY'" }),
  col('payment_terms', 'text'),
  col('notes', 'text'),
];
const lines = [
  col('product_id', 'uuid', { references: { table: 'products', column: 'id' } }),
  col('product_name', 'text', must),
  col('spec', 'text'),
  col('unit', 'text'),
  col('quantity', 'number', { ...must, scale: 3, integerDigits: 11 }),
  col('unit_price', 'money', { ...must, scale: 2, integerDigits: 12 }),
  col('discount', 'number', { nullable: false, defaultValue: '0', scale: 2, integerDigits: 3 }),
];
const columns = groupedImportColumns(header, lines, target.grouped!);
const CUSTOMER = '50000000-0000-4000-8000-000000000001';
const OTHER = '50000000-0000-4000-8000-000000000002';
const PRODUCT = '60000000-0000-4000-8000-000000000001';
const TODAY = '2026-11-23';

async function check(csvRows: string[][]): Promise<ValidatedRow[]> {
  const [head, ...rows] = csvRows;
  const mapping = autoMap(head!, columns, labels);
  const ctx = {
    columns, mapping, labels,
    parse: (text: string, column: ColumnInfo) => parseCell(text, column),
    references: new Map([
      ['customer_id', new Map([['华东精密', [CUSTOMER]], ['北方重工', [OTHER]]])],
      ['product_id', new Map([['p001', [PRODUCT]]])],
    ]),
  };
  return checkGroups(await validateRows(rows, ctx), target, columns, TODAY);
}

const HEAD = ['报价编号', '客户', '有效期至', '币种', '产品', '名称', '数量', '单价', '折扣%'];
const keys = (rows: ValidatedRow[]) => rows.map((r) => r.issues.map((i) => (i.column ? `${i.column}:${i.key}` : i.key)));

describe('quotation import columns', () => {
  it('maps Chinese and English headers; a line may leave its name to the product; the ref is a file-only column', () => {
    expect(autoMap(['Quotation ref', 'Customer', 'Product', 'Unit price', '折扣%'], columns, labels)).toEqual(['quote_ref', 'customer_id', 'product_id', 'unit_price', 'discount']);
    expect(columns.find((c) => c.name === 'product_name')?.required).toBe(false);
    expect(columns.find((c) => c.name === 'quantity')?.required).toBe(true);
    expect(columns.at(-1)).toMatchObject({ name: 'quote_ref', kind: 'text', required: false });
  });
});

describe('grouping rows into quotations', () => {
  it('rows with the same ref form one quotation whose header may stand on its first row only; a row without a ref is its own', async () => {
    const rows = await check([
      HEAD,
      ['Q1', '华东精密', '2027-01-31', 'USD', 'P001', '', '2', '100', '5'],
      ['Q2', '北方重工', '2027-02-28', '', '', '轴承', '10', '3.5', ''],
      [' q1 ', '', '', '', '', '安装服务', '1', '500', ''],
      ['', '华东精密', '2027-03-01', '', '', '备件', '4', '12', ''],
    ]);
    expect(keys(rows)).toEqual([[], [], [], []]);
    const groups = toLineGroups(rows, target);
    expect(groups).toEqual([
      {
        line: 2,
        header: { customer_id: CUSTOMER, valid_until: '2027-01-31', currency: 'USD' },
        lines: [
          { line: 2, product_id: PRODUCT, quantity: rows[0]!.record.quantity, unit_price: rows[0]!.record.unit_price, discount: rows[0]!.record.discount },
          { line: 4, product_name: '安装服务', quantity: rows[2]!.record.quantity, unit_price: rows[2]!.record.unit_price },
        ],
      },
      { line: 3, header: { customer_id: OTHER, valid_until: '2027-02-28' }, lines: [expect.objectContaining({ line: 3, product_name: '轴承' })] },
      { line: 5, header: { customer_id: CUSTOMER, valid_until: '2027-03-01' }, lines: [expect.objectContaining({ line: 5, product_name: '备件' })] },
    ]);
    expect(groups[0]!.lines[0]).not.toHaveProperty('quote_ref');
  });

  it('a required header value is needed once per quotation, reported on its first row', async () => {
    const rows = await check([
      HEAD,
      ['Q1', '', '2027-01-31', '', '', '轴承', '1', '1', ''],
      ['Q1', '', '', '', '', '螺栓', '1', '1', ''],
    ]);
    expect(keys(rows)).toEqual([['customer_id:import.issues.required'], ['import.issues.groupInvalid']]);
    expect(rows[1]!.issues[0]!.params).toEqual({ line: 2 });
  });
});

describe('header conflicts', () => {
  it('flags a row whose header value differs from an earlier row of the same quotation; equal values written differently agree', async () => {
    const rows = await check([
      HEAD,
      ['Q1', '华东精密', '2027-01-31', 'USD', '', '轴承', '1', '1', ''],
      ['Q1', '华东精密', '2027/1/31', 'USD', '', '螺栓', '1', '1', ''],
      ['Q1', '北方重工', '2027-01-31', 'EUR', '', '垫片', '1', '1', ''],
    ]);
    expect(keys(rows)).toEqual([
      ['import.issues.groupInvalid'],
      ['import.issues.groupInvalid'],
      ['customer_id:import.issues.headerConflict', 'currency:import.issues.headerConflict'],
    ]);
    expect(rows[2]!.issues[1]!.params).toEqual({ value: 'EUR', line: 2 });
    expect(toLineGroups(rows, target)).toEqual([]);
  });
});

describe('line validation', () => {
  it('checks quantity, price and discount against the table bounds, a product or a name, and a validity after today', async () => {
    const rows = await check([
      HEAD,
      ['A', '华东精密', '2027-01-31', '', '', '轴承', '0', '1', ''],
      ['B', '华东精密', '2027-01-31', '', '', '轴承', '1', '-1', '101'],
      ['C', '华东精密', '2027-01-31', '', '', '', '1', '1', ''],
      ['D', '华东精密', TODAY, '', '', '轴承', '1', '1', ''],
      ['E', '华东精密', '2027-01-31', '', 'P404', '轴承', 'x', '', ''],
      ['F', '华东精密', '2027-01-31', '', 'P001', '', '0.5', '0', '100'],
    ]);
    expect(keys(rows)).toEqual([
      ['quantity:import.issues.notAbove'],
      ['unit_price:import.issues.below', 'discount:import.issues.above'],
      ['product_name:import.issues.needsOneOf'],
      ['valid_until:import.issues.notAfterToday'],
      ['product_id:import.issues.notFound', 'quantity:cellValue.errors.number', 'unit_price:import.issues.required'],
      [],
    ]);
    expect(toLineGroups(rows, target).map((g) => g.line)).toEqual([7]);
  });

  it('a quotation has at most 999 lines: the rows beyond are flagged', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ['Q', i ? '' : '华东精密', i ? '' : '2027-01-31', '', '', `件 ${i}`, '1', '1', '']);
    const rows = await check([HEAD, ...many]);
    expect(rows.filter((r) => r.issues.some((i) => i.key === 'import.issues.tooManyLines')).map((r) => r.line)).toEqual([1001, 1002]);
    expect(toLineGroups(rows, target)).toEqual([]);
  });

  it('one bad line skips its whole quotation, not the others', async () => {
    const rows = await check([
      HEAD,
      ['Q1', '华东精密', '2027-01-31', '', '', '轴承', '1', '1', ''],
      ['Q1', '', '', '', '', '螺栓', '0', '1', ''],
      ['Q2', '华东精密', '2027-01-31', '', '', '垫片', '2', '1', ''],
    ]);
    expect(keys(rows)).toEqual([['import.issues.groupInvalid'], ['quantity:import.issues.notAbove'], []]);
    expect(toLineGroups(rows, target).map((g) => g.line)).toEqual([4]);
  });
});

describe('refusals', () => {
  it('the RPC names the file row in its details; other details name none', async () => {
    const { refusedLine } = await import('../../src/components/import/commit-groups.ts');
    expect(refusedLine({ details: '{"line": 7, "detail": null}' })).toBe(7);
    expect(refusedLine({ details: 'Key (code)=(x) already exists.' })).toBeUndefined();
    expect(refusedLine({ details: '' })).toBeUndefined();
  });
});
