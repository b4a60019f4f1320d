// The export of the current view, page by page: a total order for offset paging, pages appended
// to the CSV (byte for byte what one sheet would give) and to the XLSX, and progress per page.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { CrudSort, DataProvider } from '@refinedev/core';
import { stableSorters } from '../../src/components/export/fetch-all.ts';
import { exportFile } from '../../src/components/export/export-file.ts';
import { rowsToSheet, sheetToCsv, type ExportColumn } from '../../src/components/export/sheet.ts';

interface Row { id: number; name: string }
const all: Row[] = Array.from({ length: 2500 }, (_, i) => ({ id: i, name: `客户 ${i}, "${i % 7}"` }));
const columns: ExportColumn<Row>[] = [
  { key: 'id', title: '编号', value: (r) => r.id },
  { key: 'name', title: '名称', value: (r) => r.name },
];

function pagedList(calls: { currentPage: number; sorters: CrudSort[] }[]) {
  return (async (params: { pagination: { currentPage: number; pageSize: number }; sorters: CrudSort[] }) => {
    const { currentPage, pageSize } = params.pagination;
    calls.push({ currentPage, sorters: params.sorters });
    return { data: all.slice((currentPage - 1) * pageSize, currentPage * pageSize), total: all.length };
  }) as unknown as DataProvider['getList'];
}

describe('stableSorters', () => {
  it('adds the unique key (default id) as the last keys unless the sort has them', () => {
    expect(stableSorters([{ field: 'request_id', order: 'desc' }], ['request_id', 'user_id'])).toEqual([
      { field: 'request_id', order: 'desc' },
      { field: 'user_id', order: 'asc' },
    ]);
    expect(stableSorters([{ field: 'name', order: 'desc' }])).toEqual([{ field: 'name', order: 'desc' }, { field: 'id', order: 'asc' }]);
    expect(stableSorters(undefined)).toEqual([{ field: 'id', order: 'asc' }]);
    const withId: CrudSort[] = [{ field: 'id', order: 'desc' }];
    expect(stableSorters(withId)).toBe(withId);
  });
});

describe('exportFile', () => {
  it('CSV: appends pages of 1000 into the same bytes one sheet would give, with progress per page', async () => {
    const calls: { currentPage: number; sorters: CrudSort[] }[] = [];
    const progress: [number, number][] = [];
    const sorters: CrudSort[] = [{ field: 'name', order: 'asc' }];
    const { blob, count } = await exportFile(pagedList(calls), { resource: 'customers', sorters }, columns, 'csv', '客户', (d, t) => progress.push([d, t]));
    expect(count).toBe(2500);
    expect(calls.map((c) => c.currentPage)).toEqual([1, 2, 3]);
    expect(calls[0]!.sorters).toEqual([...sorters, { field: 'id', order: 'asc' }]);
    expect(progress).toEqual([[1000, 2500], [2000, 2500], [2500, 2500]]);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(sheetToCsv(rowsToSheet(columns, all)));
  });

  it('XLSX: every page ends up in the sheet, in order', async () => {
    const { blob } = await exportFile(pagedList([]), { resource: 'customers' }, columns, 'xlsx', '客户');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await blob.arrayBuffer());
    const sheet = wb.getWorksheet('客户')!;
    expect(sheet.rowCount).toBe(2501);
    expect(sheet.getRow(2501).getCell(1).value).toBe(2499);
    expect(sheet.getRow(1002).getCell(2).value).toBe(all[1000]!.name);
  });
});
