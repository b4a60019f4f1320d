// The shared list export (src/components/export): rows → sheet, CSV with BOM and quoting, XLSX
// read back with exceljs, and fetching every page with a cap.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DataProvider } from '@refinedev/core';
import { rowsToSheet, sheetToCsv, UTF8_BOM, type ExportColumn } from '../../src/components/export/sheet.ts';
import { sheetToXlsx } from '../../src/components/export/xlsx.ts';
import { ExportCapError, fetchAllRecords } from '../../src/components/export/fetch-all.ts';

interface Row { name: string; owner?: { full_name: string } | null; tags: string[]; budget: number | null }

const columns: ExportColumn<Row>[] = [
  { key: 'name', title: '公司名称', value: (r) => r.name },
  { key: 'owner', title: '负责人', value: (r) => r.owner?.full_name ?? '公海' },
  { key: 'tags', title: '标签', value: (r) => r.tags.join(', ') },
  { key: 'budget', title: '预算', value: (r) => r.budget },
];
const rows: Row[] = [
  { name: '华北重工', owner: { full_name: '张三' }, tags: ['重点', '制造'], budget: 120000 },
  { name: 'Say "hi", Ltd', owner: null, tags: [], budget: null },
];

describe('rowsToSheet', () => {
  it('maps each record to the cells of the given columns, in order, with translated headers', () => {
    expect(rowsToSheet(columns, rows)).toEqual({
      header: ['公司名称', '负责人', '标签', '预算'],
      rows: [
        ['华北重工', '张三', '重点, 制造', 120000],
        ['Say "hi", Ltd', '公海', '', null],
      ],
    });
  });

  it('exports only the columns it is given (the visible ones)', () => {
    expect(rowsToSheet(columns.slice(0, 1), rows)).toEqual({ header: ['公司名称'], rows: [['华北重工'], ['Say "hi", Ltd']] });
  });
});

describe('sheetToCsv', () => {
  it('starts with the UTF-8 BOM and quotes cells holding commas, quotes or line breaks', () => {
    const csv = sheetToCsv(rowsToSheet(columns, rows));
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '公司名称,负责人,标签,预算',
      '华北重工,张三,"重点, 制造",120000',
      '"Say ""hi"", Ltd",公海,,',
      '',
    ]);
  });

  it('encodes the BOM as the bytes EF BB BF', () => {
    const bytes = new TextEncoder().encode(sheetToCsv({ header: ['名称'], rows: [] }));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('sheetToXlsx', () => {
  it('writes a workbook exceljs reads back with the header and every row', async () => {
    const blob = await sheetToXlsx(rowsToSheet(columns, rows), '客户管理');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.getWorksheet('客户管理')!;
    expect(sheet.rowCount).toBe(3);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['公司名称', '负责人', '标签', '预算']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['华北重工', '张三', '重点, 制造', 120000]);
    expect(sheet.getRow(3).getCell(4).value).toBeNull();
  });
});

describe('fetchAllRecords', () => {
  const fakeGetList = (total: number, calls: unknown[]) =>
    (async (params: { pagination?: { currentPage?: number; pageSize?: number }; filters?: unknown }) => {
      calls.push(params);
      const { currentPage = 1, pageSize = 10 } = params.pagination ?? {};
      const from = (currentPage - 1) * pageSize;
      const data = Array.from({ length: Math.max(0, Math.min(pageSize, total - from)) }, (_, i) => ({ id: from + i }));
      return { data, total };
    }) as unknown as DataProvider['getList'];

  it('reads every page with the same filters and stops after the last one', async () => {
    const calls: { pagination: { currentPage: number }; filters: unknown }[] = [];
    const filters = [{ field: 'stage', operator: 'eq' as const, value: 'won' }];
    const records = await fetchAllRecords(fakeGetList(25, calls), { resource: 'customers', filters }, { pageSize: 10, cap: 100 });
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(calls.map((c) => c.pagination.currentPage)).toEqual([1, 2, 3]);
    expect(calls.every((c) => c.filters === filters)).toBe(true);
  });

  it('refuses more records than the cap, after the first page only', async () => {
    const calls: unknown[] = [];
    await expect(fetchAllRecords(fakeGetList(101, calls), { resource: 'customers' }, { pageSize: 10, cap: 100 })).rejects.toEqual(new ExportCapError(101, 100));
    expect(calls).toHaveLength(1);
  });

  it('accepts exactly the cap', async () => {
    const records = await fetchAllRecords(fakeGetList(100, []), { resource: 'customers' }, { pageSize: 10, cap: 100 });
    expect(records).toHaveLength(100);
  });
});
