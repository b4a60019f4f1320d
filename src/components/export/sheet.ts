// Rows → a sheet (header + cells) → CSV text. Pure, so lists and unit tests share one mapping.
export type Cell = string | number | null;

/** One exported column: its translated title and how to read its cell from a record. */
export interface ExportColumn<T> {
  key: string;
  title: string;
  value: (row: T) => Cell | undefined;
}

export interface Sheet {
  header: string[];
  rows: Cell[][];
}

export function rowsToSheet<T>(columns: readonly ExportColumn<T>[], records: readonly T[]): Sheet {
  return {
    header: columns.map((c) => c.title),
    rows: records.map((r) => columns.map((c) => c.value(r) ?? null)),
  };
}

// Byte order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Chinese.
export const UTF8_BOM = '\uFEFF';

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV lines, each ended by CRLF: a part of a file that is built page by page. */
export function csvLines(lines: readonly (readonly Cell[])[]): string {
  return lines.map((line) => line.map(csvCell).join(',') + '\r\n').join('');
}

/** RFC 4180 CSV (CRLF line ends), prefixed with the UTF-8 BOM. */
export function sheetToCsv(sheet: Sheet): string {
  return UTF8_BOM + csvLines([sheet.header, ...sheet.rows]);
}
