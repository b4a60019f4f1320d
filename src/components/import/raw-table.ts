// What a file reader returns: the header row and the data rows as text cells, blank rows dropped.
import { ImportError } from './import-error.ts';
import { MAX_COLUMNS, MAX_ROWS } from './limits.ts';

export interface RawTable {
  header: string[];
  rows: string[][];
}

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/** Header + rows from a grid of text cells, checked against the row and column bounds. */
export function toRawTable(grid: string[][]): RawTable {
  const lines = grid.filter((row) => !isBlank(row));
  const [header, ...rows] = lines;
  if (!header) throw new ImportError('import.errors.empty');
  if (header.length > MAX_COLUMNS) throw new ImportError('import.errors.tooManyColumns', { max: MAX_COLUMNS });
  if (rows.length === 0) throw new ImportError('import.errors.noRows');
  if (rows.length > MAX_ROWS) throw new ImportError('import.errors.tooManyRows', { count: rows.length, max: MAX_ROWS });
  return { header: header.map((h) => h.trim()), rows };
}
