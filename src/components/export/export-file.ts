// The current view as a file: pages are fetched one after another and appended — CSV text parts
// straight into the Blob, XLSX rows into the workbook's sheet — never one giant request.
import type { BaseRecord, DataProvider } from '@refinedev/core';
import { forEachPage, type ExportQuery } from './fetch-all.ts';
import { csvLines, rowsToSheet, UTF8_BOM, type Cell, type ExportColumn } from './sheet.ts';
import { sheetToXlsx } from './xlsx.ts';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportedFile {
  blob: Blob;
  count: number;
}

export async function exportFile<T extends BaseRecord>(
  getList: DataProvider['getList'],
  query: ExportQuery,
  columns: readonly ExportColumn<T>[],
  format: ExportFormat,
  sheetName: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportedFile> {
  const header = columns.map((c) => c.title);
  const csvParts: string[] = [UTF8_BOM + csvLines([header])];
  const rows: Cell[][] = [];
  const count = await forEachPage<T>(getList, query, (records, done, total) => {
    const page = rowsToSheet(columns, records).rows;
    if (format === 'csv') csvParts.push(csvLines(page));
    else rows.push(...page);
    onProgress?.(done, total);
  });
  const blob = format === 'csv' ? new Blob(csvParts, { type: 'text/csv;charset=utf-8' }) : await sheetToXlsx({ header, rows }, sheetName);
  return { blob, count };
}
