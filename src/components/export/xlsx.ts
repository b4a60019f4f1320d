// A sheet as an .xlsx file. exceljs is large, so it is loaded only when someone exports.
import type { Sheet } from './sheet.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function sheetToXlsx(sheet: Sheet, sheetName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Sheet names may not hold []:*?/\ and are at most 31 characters long.
  const worksheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1');
  worksheet.addRow(sheet.header).font = { bold: true };
  worksheet.addRows(sheet.rows);
  worksheet.columns.forEach((column, i) => {
    const widest = Math.max(...[sheet.header[i], ...sheet.rows.map((r) => r[i])].map((v) => String(v ?? '').length));
    column.width = Math.min(Math.max(widest + 2, 8), 50);
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_MIME });
}
