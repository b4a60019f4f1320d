// The grid's columns for a table: title, type-aware display and editor, filter header, the first
// column frozen, refused cells marked with the database's message, the selected range shaded.
import { SelectColumn, type Column } from 'react-data-grid';
import { formatCell } from '../../components/cell-value/format.ts';
import type { ColumnInfo, TableInfo } from '../../providers/table-schema.ts';
import { ColumnHeader } from './column-header.tsx';
import { editorFor, type EditorSlot } from './cell-editors.tsx';
import { inRange, type CellRange } from './cell-range.ts';
import { cellKey } from './edit-error.ts';
import type { FilterTexts } from './column-filters.ts';

export interface GridColumnsInput {
  table: TableInfo;
  /** Visible columns in display order. */
  columns: readonly ColumnInfo[];
  title: (column: ColumnInfo) => string;
  canEdit: boolean;
  cellErrors: ReadonlyMap<string, string>;
  range: CellRange | undefined;
  filters: FilterTexts;
  onFilter: (column: string, text: string) => void;
  /** What a cell shows instead of its value: a foreign key's row name, an enum value's label. */
  displayLabel?: (column: ColumnInfo, value: unknown) => string | undefined;
}

const WIDTH: Partial<Record<ColumnInfo['kind'], number>> = { uuid: 300, boolean: 90, integer: 100, money: 130, number: 120, date: 120, datetime: 180 };
// A frozen uuid key shows its start (the whole id is in the cell's title).
const KEY_WIDTH = 120;

export function pkOf(table: TableInfo, data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(table.primaryKey.map((k) => [k, data[k]]));
}

export function gridColumns(input: GridColumnsInput): Column<EditorSlot>[] {
  const { table, columns, canEdit, cellErrors, range, filters } = input;
  const dataColumns = columns.map((info, colIdx): Column<EditorSlot> => ({
    key: info.name,
    name: input.title(info),
    width: info.primaryKey && info.kind === 'uuid' ? KEY_WIDTH : WIDTH[info.kind] ?? 160,
    frozen: colIdx === 0,
    resizable: true,
    sortable: true,
    draggable: colIdx > 0,
    editable: (slot) => canEdit && !!slot.data && !info.primaryKey && table.updatable,
    cellClass: (slot) => {
      const classes = [`te-kind-${info.kind}`];
      if (inRange(range, slot.index, colIdx)) classes.push('te-in-range');
      if (slot.data && cellErrors.has(cellKey(pkOf(table, slot.data), info.name))) classes.push('te-cell-error');
      return classes.join(' ');
    },
    renderHeaderCell: (props) => (
      <ColumnHeader {...props} title={input.title(info)} filter={filters[info.name]} onFilter={(text) => input.onFilter(info.name, text)} />
    ),
    renderCell: ({ row }) => {
      if (!row.data) return <span className="te-loading">…</span>;
      const error = cellErrors.get(cellKey(pkOf(table, row.data), info.name));
      const text = formatCell(row.data[info.name], info);
      const label = input.displayLabel?.(info, row.data[info.name]);
      return (
        <span data-testid={`cell-${row.index}-${info.name}`} data-error={error} title={error ?? text} className={label && info.references ? 'te-fk' : undefined}>
          {label ?? text}
        </span>
      );
    },
    renderEditCell: editorFor(info, table.name),
  }));
  return canEdit && table.deletable ? [SelectColumn, ...dataColumns] : dataColumns;
}
