// The rectangle of cells between an anchor and the cell Shift+click / Shift+arrow moved to.
export interface CellPos {
  rowIdx: number;
  colIdx: number;
}
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rangeOf(anchor: CellPos, focus: CellPos): CellRange {
  return {
    top: Math.min(anchor.rowIdx, focus.rowIdx),
    bottom: Math.max(anchor.rowIdx, focus.rowIdx),
    left: Math.min(anchor.colIdx, focus.colIdx),
    right: Math.max(anchor.colIdx, focus.colIdx),
  };
}

export function inRange(range: CellRange | undefined, rowIdx: number, colIdx: number): boolean {
  return !!range && rowIdx >= range.top && rowIdx <= range.bottom && colIdx >= range.left && colIdx <= range.right;
}
