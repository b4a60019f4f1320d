// XLSX bytes → RawTable: the first worksheet, every cell as the text a user sees (dates as
// YYYY-MM-DD, formulas as their result). exceljs is large, so it is loaded only when needed.
import type { CellValue } from 'exceljs';
import { ImportError } from './import-error.ts';
import { MAX_ROWS } from './limits.ts';
import { toRawTable, type RawTable } from './raw-table.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell as the calendar day (or instant) typed into the sheet: exceljs reads them as UTC. */
function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() ? ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : '';
  return day + time;
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
    if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? value.hyperlink);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new ImportError('import.errors.malformed');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportError('import.errors.empty');
  if (sheet.actualRowCount > MAX_ROWS + 1) throw new ImportError('import.errors.tooManyRows', { count: sheet.actualRowCount - 1, max: MAX_ROWS });
  const width = sheet.columnCount;
  const grid: string[][] = [];
  const numbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    grid.push(cells);
    numbers.push(row.number);
  });
  return toRawTable(grid, numbers);
}
