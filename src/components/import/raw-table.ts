// What a file reader returns: the header row and the data rows as text cells, blank rows dropped,
// each row with its row number in the file (what people look up in Excel).
import { ImportError } from './import-error.ts';
import { MAX_COLUMNS, MAX_ROWS } from './limits.ts';

export interface RawTable {
  header: string[];
  rows: string[][];
  /** The file's row number (1-based, the header's included) of each data row. */
  lines: number[];
}

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/**
 * Header + rows from a grid of text cells (row i at file row `numbers[i]`, else i + 1), checked
 * against the row and column bounds.
 */
export function toRawTable(grid: string[][], numbers?: readonly number[]): RawTable {
  const kept = grid.map((cells, i) => ({ cells, line: numbers?.[i] ?? i + 1 })).filter((r) => !isBlank(r.cells));
  const [header, ...rows] = kept;
  if (!header) throw new ImportError('import.errors.empty');
  if (header.cells.length > MAX_COLUMNS) throw new ImportError('import.errors.tooManyColumns', { max: MAX_COLUMNS });
  if (rows.length === 0) throw new ImportError('import.errors.noRows');
  if (rows.length > MAX_ROWS) throw new ImportError('import.errors.tooManyRows', { count: rows.length, max: MAX_ROWS });
  return { header: header.cells.map((h) => h.trim()), rows: rows.map((r) => r.cells), lines: rows.map((r) => r.line) };
}
