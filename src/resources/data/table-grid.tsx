// The spreadsheet of one table: virtualised rows over server-side pages, editing, range
// selection (Shift+click / Shift+arrows), copy / paste of ranges, fill (drag handle or Ctrl+D),
// clearing a range (Delete), undo / redo (Ctrl+Z / Ctrl+Y).
import { useMemo, useRef, useState, type UIEvent } from 'react';
import { DataGrid, type CellKeyDownArgs, type CellKeyboardEvent, type SortColumn } from 'react-data-grid';
import { useTranslation } from 'react-i18next';
import { formatCell } from '../../components/cell-value/format.ts';
import type { ColumnInfo, TableInfo } from '../../providers/table-schema.ts';
import type { EditorSlot } from './cell-editors.tsx';
import { parseClipboard, toClipboard } from './clipboard.ts';
import { rangeOf, type CellPos } from './cell-range.ts';
import type { FilterTexts } from './column-filters.ts';
import { batchFromDrafts, batchFromPaste, type BatchResult } from './grid-edit-batches.ts';
import { gridColumns, pkOf } from './grid-columns.tsx';
import type { useGridEdits } from './use-grid-edits.ts';
import type { RowSlot } from './use-table-window.ts';

export const ROW_HEIGHT = 35;

interface Props {
  table: TableInfo;
  columns: readonly ColumnInfo[];
  title: (c: ColumnInfo) => string;
  rows: readonly RowSlot[];
  ensureRange: (first: number, last: number) => void;
  edits: ReturnType<typeof useGridEdits>;
  canEdit: boolean;
  filters: FilterTexts;
  onFilter: (column: string, text: string) => void;
  sortColumns: readonly SortColumn[];
  onSortColumnsChange: (s: SortColumn[]) => void;
  onColumnsReorder: (source: string, target: string) => void;
  selectedRows: ReadonlySet<string>;
  onSelectedRowsChange: (s: Set<string>) => void;
  onActiveRowChange: (data: Record<string, unknown> | undefined) => void;
  displayLabel: (column: ColumnInfo, value: unknown) => string | undefined;
  enumLabels: (column: ColumnInfo) => Record<string, string> | undefined;
}

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function TableGrid(props: Props) {
  const { table, columns, rows, edits, canEdit } = props;
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<CellPos>();
  const [focus, setFocus] = useState<CellPos>();
  const shiftClick = useRef(false);
  const range = anchor && focus ? rangeOf(anchor, focus) : undefined;
  const offset = canEdit && table.deletable ? 1 : 0; // the row-selection column comes first
  const gridCols = useMemo(
    () => gridColumns({ table, columns, title: props.title, canEdit, cellErrors: edits.cellErrors, range, filters: props.filters, onFilter: props.onFilter, displayLabel: props.displayLabel }),
    [table, columns, props.title, canEdit, edits.cellErrors, range, props.filters, props.onFilter, props.displayLabel],
  );

  const run = (result: BatchResult) => {
    if (!result.ok) edits.refuse(result.problems, result.summary);
    else void edits.apply(result.batch);
  };

  /** The selected range (or the active cell) as rows of cell texts. */
  const rangeTexts = (fallback: CellPos) => {
    const r = range ?? rangeOf(fallback, fallback);
    const out: string[][] = [];
    for (let i = r.top; i <= r.bottom; i++) {
      out.push(columns.slice(r.left, r.right + 1).map((c) => formatCell(rows[i]?.data?.[c.name], c)));
    }
    return { r, out };
  };

  const onKeyDown = (args: CellKeyDownArgs<EditorSlot>, event: CellKeyboardEvent) => {
    if (args.mode !== 'ACTIVE' || !args.column) return;
    const pos = { rowIdx: args.rowIdx, colIdx: args.column.idx - offset };
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (mod && (key === 'z' || key === 'y')) {
      event.preventGridDefault();
      event.preventDefault();
      if (key === 'y' || event.shiftKey) void edits.redo();
      else void edits.undo();
      return;
    }
    if (event.shiftKey && ARROWS[event.key] && pos.colIdx >= 0) {
      event.preventGridDefault();
      event.preventDefault();
      const from = focus ?? pos;
      const [dr, dc] = ARROWS[event.key];
      setAnchor(anchor ?? pos);
      setFocus({ rowIdx: Math.max(0, Math.min(rows.length - 1, from.rowIdx + dr)), colIdx: Math.max(0, Math.min(columns.length - 1, from.colIdx + dc)) });
      return;
    }
    if (!canEdit || pos.colIdx < 0) return;
    if (event.key === 'Delete' || (mod && key === 'd')) {
      event.preventGridDefault();
      event.preventDefault();
      const { r, out } = rangeTexts(pos);
      const block = event.key === 'Delete' ? out.map((line) => line.map(() => '')) : out.map(() => out[0]);
      run(batchFromPaste(table, columns, rows, block, { rowIdx: r.top, colIdx: r.left }, t, props.enumLabels));
    }
  };

  return (
    <DataGrid<EditorSlot, unknown, string>
      className="te-grid rdg-light"
      data-testid="table-grid"
      style={{ blockSize: 'calc(100vh - 260px)', minBlockSize: 320 }}
      columns={gridCols}
      rows={rows as EditorSlot[]}
      rowHeight={ROW_HEIGHT}
      rowKeyGetter={(slot) => (slot.data ? JSON.stringify(pkOf(table, slot.data)) : `#${slot.index}`)}
      isRowSelectionDisabled={(slot) => !slot.data}
      selectedRows={props.selectedRows}
      onSelectedRowsChange={props.onSelectedRowsChange}
      sortColumns={props.sortColumns}
      onSortColumnsChange={props.onSortColumnsChange}
      onColumnsReorder={props.onColumnsReorder}
      defaultColumnOptions={{ resizable: true, sortable: true }}
      onScroll={(e: UIEvent<HTMLDivElement>) => {
        const first = Math.floor(e.currentTarget.scrollTop / ROW_HEIGHT);
        props.ensureRange(first - 50, first + Math.ceil(e.currentTarget.clientHeight / ROW_HEIGHT) + 50);
      }}
      onCellMouseDown={(args, event) => {
        shiftClick.current = event.shiftKey;
      }}
      onActivePositionChange={({ rowIdx, column, row }) => {
        props.onActiveRowChange(row?.data);
        if (!column) return;
        const pos = { rowIdx, colIdx: column.idx - offset };
        if (shiftClick.current && anchor) setFocus(pos);
        else {
          setAnchor(pos);
          setFocus(undefined);
        }
        shiftClick.current = false;
      }}
      onCellKeyDown={onKeyDown}
      onRowsChange={(updated, { indexes, column }) => {
        const info = columns.find((c) => c.name === column.key);
        if (info) run(batchFromDrafts(table, info, updated, indexes, t));
      }}
      onFill={({ columnKey, sourceRow, targetRow }) => ({ ...targetRow, draft: { column: columnKey, value: sourceRow.data?.[columnKey] } })}
      onCellCopy={({ row, column }, event) => {
        const pos = { rowIdx: row.index, colIdx: column.idx - offset };
        event.clipboardData.setData('text/plain', toClipboard(rangeTexts(pos).out));
        event.preventDefault();
      }}
      onCellPaste={canEdit ? ({ row, column }, event) => {
        event.preventDefault();
        const block = parseClipboard(event.clipboardData.getData('text/plain'));
        if (block.length) run(batchFromPaste(table, columns, rows, block, { rowIdx: row.index, colIdx: column.idx - offset }, t, props.enumLabels));
        return row;
      } : undefined}
    />
  );
}
