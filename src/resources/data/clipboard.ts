// Clipboard text of a rectangular range, as Excel / WPS write and read it: cells separated by
// tabs, rows by line breaks, a cell holding a tab, line break or quote wrapped in quotes.
import Papa from 'papaparse';

/** Tab-separated clipboard text -> rows of cell texts (the trailing line break dropped). */
export function parseClipboard(text: string): string[][] {
  if (text === '') return [];
  const { data } = Papa.parse<string[]>(text.replace(/\r?\n$/, ''), { delimiter: '\t', quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
  return data;
}

function quoteCell(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows of cell texts -> clipboard text Excel pastes as the same block. */
export function toClipboard(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteCell).join('\t')).join('\r\n');
}
