// Where a pasted block lands: from the anchor cell rightwards and downwards over the visible
// columns, each cell parsed for its column. Pure, so the rules are unit-tested.
import { parseCell } from '../../components/cell-value/parse.ts';
import type { ColumnInfo } from '../../providers/table-schema.ts';

export interface PastedCell {
  rowIdx: number;
  column: ColumnInfo;
  text: string;
  value: unknown;
}
export interface RefusedCell {
  rowIdx: number;
  column: string;
  error: string;
  params?: Record<string, unknown>;
}
export type PastePlan =
  | { ok: true; cells: PastedCell[] }
  | { ok: false; reason: 'outOfRows' | 'outOfColumns' | 'readOnly'; cells?: undefined }
  | { ok: false; reason: 'invalid'; refused: RefusedCell[] };

export interface PasteTarget {
  anchor: { rowIdx: number; colIdx: number };
  /** The grid's columns in display order. */
  columns: readonly ColumnInfo[];
  rowCount: number;
  /** Columns that may not be written (primary keys, generated columns). */
  isReadOnly?: (column: ColumnInfo) => boolean;
  enumLabels?: (column: ColumnInfo) => Record<string, string> | undefined;
}

/**
 * Maps `block` onto the grid. A block that does not fit (more rows or columns than the grid has
 * from the anchor), touches a read-only column, or holds an unparsable cell is refused whole.
 * A single cell pasted onto the anchor is the common case of the same rule.
 */
export function planPaste(block: readonly (readonly string[])[], target: PasteTarget): PastePlan {
  const { anchor, columns, rowCount } = target;
  const width = Math.max(0, ...block.map((r) => r.length));
  if (anchor.rowIdx + block.length > rowCount) return { ok: false, reason: 'outOfRows' };
  if (anchor.colIdx + width > columns.length) return { ok: false, reason: 'outOfColumns' };
  const cells: PastedCell[] = [];
  const refused: RefusedCell[] = [];
  for (let r = 0; r < block.length; r++) {
    for (let c = 0; c < width; c++) {
      const column = columns[anchor.colIdx + c];
      if (target.isReadOnly?.(column)) return { ok: false, reason: 'readOnly' };
      const text = block[r][c] ?? '';
      const rowIdx = anchor.rowIdx + r;
      const parsed = parseCell(text, column, { enumLabels: target.enumLabels?.(column) });
      if (parsed.ok) cells.push({ rowIdx, column, text, value: parsed.value });
      else refused.push({ rowIdx, column: column.name, error: parsed.error, params: parsed.params });
    }
  }
  return refused.length ? { ok: false, reason: 'invalid', refused } : { ok: true, cells };
}
