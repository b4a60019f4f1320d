// /admin/data/:table — one table of the exposed schema as a spreadsheet. Admins edit; department-
// wide readers see it read-only (the database refuses their writes to most tables anyway).
import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CrudSort } from '@refinedev/core';
import type { SortColumn } from 'react-data-grid';
import 'react-data-grid/lib/styles.css';
import './table-editor.css';
import { useColumnVisibility } from '../../components/column-chooser/index.ts';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { isAllowed } from '../../providers/permissions.ts';
import { translateError } from '../../providers/error-messages.ts';
import type { ColumnInfo, TableInfo } from '../../providers/table-schema.ts';
import { AddRowModal } from './add-row-modal.tsx';
import { toCrudFilters, type FilterTexts } from './column-filters.ts';
import { pkOf } from './grid-columns.tsx';
import { RowHistoryDrawer } from './row-history-drawer.tsx';
import { TableGrid } from './table-grid.tsx';
import { columnTitle, enumLabel, enumLabels } from './table-title.ts';
import { TableToolbar } from './table-toolbar.tsx';
import { useGridEdits } from './use-grid-edits.ts';
import { useTableSchema } from './use-table-schema.ts';
import { useTableWindow } from './use-table-window.ts';
import { useReloadOnInvalidate } from './use-reload-on-invalidate.ts';
import { useFkLabels } from './use-fk-labels.ts';

export default function TableEditorPage() {
  const { table: name = '' } = useParams();
  const { t } = useTranslation();
  const { schema, error } = useTableSchema();
  if (error) return <Alert type="error" message={translateError(error)} />;
  if (!schema) return <Spin />;
  const table = schema.get(name);
  if (!table) return <Result status="404" title={t('table_editor.noSuchTable', { table: name })} data-testid="no-such-table" />;
  return <TableEditor key={table.name} table={table} />;
}

function TableEditor({ table }: { table: TableInfo }) {
  const { i18n } = useTranslation();
  const me = useCurrentUser();
  const canEdit = !!me && isAllowed(me.roles, 'table_data', 'edit') && table.updatable && table.primaryKey.length > 0;
  const [order, setOrder] = useState(() => table.columns.map((c) => c.name));
  const visibility = useColumnVisibility(`table-editor.${table.name}`);
  const [filters, setFilters] = useState<FilterTexts>({});
  const [sortColumns, setSortColumns] = useState<SortColumn[]>([]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [activeRow, setActiveRow] = useState<Record<string, unknown>>();
  const [historyOf, setHistoryOf] = useState<Record<string, unknown>>();
  const [adding, setAdding] = useState(false);

  const title = useCallback((c: ColumnInfo) => columnTitle(i18n, table.name, c.name), [i18n, table.name]);
  const byName = useMemo(() => new Map(table.columns.map((c) => [c.name, c])), [table]);
  const { isVisible } = visibility;
  const visible = useMemo(() => order.map((n) => byName.get(n)!).filter((c) => isVisible(c.name)), [order, byName, isVisible]);
  const crudFilters = useMemo(() => toCrudFilters(filters, table.columns), [filters, table.columns]);
  const crudSorters = useMemo<CrudSort[]>(() => sortColumns.map((s) => ({ field: s.columnKey, order: s.direction === 'ASC' ? 'asc' : 'desc' })), [sortColumns]);
  const rowWindow = useTableWindow(table, crudFilters, crudSorters);
  const edits = useGridEdits(table, rowWindow.rows, rowWindow.replaceRows);
  useReloadOnInvalidate(table.name, rowWindow.reload);
  const fkLabel = useFkLabels(table, rowWindow.rows);
  const displayLabel = useCallback(
    (c: ColumnInfo, value: unknown) => fkLabel(c, value) ?? (c.kind === 'enum' && typeof value === 'string' ? enumLabel(i18n, table.name, c.name, value) : undefined),
    [fkLabel, i18n, table.name],
  );
  const labelsOf = useCallback((c: ColumnInfo) => (c.kind === 'enum' ? enumLabels(i18n, table.name, c) : undefined), [i18n, table.name]);

  const onFilter = useCallback((column: string, text: string) => setFilters((f) => ({ ...f, [column]: text })), []);
  const onColumnsReorder = useCallback((source: string, target: string) => {
    setOrder((o) => {
      const next = o.filter((n) => n !== source);
      next.splice(next.indexOf(target) + (o.indexOf(source) < o.indexOf(target) ? 1 : 0), 0, source);
      return next;
    });
  }, []);

  const restore = async (column: string, value: unknown) => {
    const pk = pkOf(table, historyOf!);
    const current = rowWindow.rows.find((s) => s.data && JSON.stringify(pkOf(table, s.data)) === JSON.stringify(pk))?.data;
    return edits.apply([{ pk, column, before: current?.[column] ?? null, after: value }]);
  };

  return (
    <div className="te-page" data-testid="table-editor" data-readonly={!canEdit}>
      <TableToolbar
        table={table}
        total={rowWindow.total}
        canEdit={canEdit}
        edits={edits}
        columns={table.columns}
        visibleColumns={visible}
        title={title}
        visibility={visibility}
        filters={crudFilters}
        sorters={crudSorters}
        selected={selected}
        activeRow={activeRow}
        onAdd={() => setAdding(true)}
        onDeleted={() => {
          setSelected(new Set());
          rowWindow.reload();
        }}
        onHistory={() => setHistoryOf(activeRow)}
        onReload={rowWindow.reload}
      />
      {edits.lastError && <Alert type="error" showIcon closable onClose={edits.clearErrors} message={edits.lastError} data-testid="edit-error" style={{ marginBottom: 8 }} />}
      {rowWindow.error !== undefined && <Alert type="error" showIcon message={translateError(rowWindow.error)} style={{ marginBottom: 8 }} />}
      <TableGrid
        table={table}
        columns={visible}
        title={title}
        rows={rowWindow.rows}
        ensureRange={rowWindow.ensureRange}
        edits={edits}
        canEdit={canEdit}
        filters={filters}
        onFilter={onFilter}
        sortColumns={sortColumns}
        onSortColumnsChange={setSortColumns}
        onColumnsReorder={onColumnsReorder}
        selectedRows={selected}
        onSelectedRowsChange={setSelected}
        onActiveRowChange={setActiveRow}
        displayLabel={displayLabel}
        enumLabels={labelsOf}
      />
      {canEdit && (
        <AddRowModal
          table={table}
          open={adding}
          title={title}
          onClose={(added) => {
            setAdding(false);
            if (added) rowWindow.reload();
          }}
        />
      )}
      <RowHistoryDrawer
        table={table.name}
        recordId={historyOf?.id as string | undefined}
        onClose={() => setHistoryOf(undefined)}
        onRestore={canEdit ? restore : undefined}
      />
    </div>
  );
}
