// The editor's toolbar: which table, how many rows, undo / redo, add / delete rows, the active
// row's history, columns, import and export.
import { App, Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, HistoryOutlined, PlusOutlined, RedoOutlined, ReloadOutlined, UndoOutlined } from '@ant-design/icons';
import type { CrudFilter, CrudSort } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { ColumnChooser } from '../../components/column-chooser/index.ts';
import { ListExportButton } from '../../components/export/index.ts';
import { ImportButton } from '../../components/import/index.ts';
import { formatCell } from '../../components/cell-value/format.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import type { ColumnInfo, TableInfo } from '../../providers/table-schema.ts';
import { deleteRefusalText, deleteRows } from './delete-rows.ts';
import { TablePicker } from './table-picker.tsx';
import { tableTitle } from './table-title.ts';
import type { useGridEdits } from './use-grid-edits.ts';

interface Props {
  table: TableInfo;
  total: number | undefined;
  canEdit: boolean;
  edits: ReturnType<typeof useGridEdits>;
  columns: readonly ColumnInfo[];
  visibleColumns: readonly ColumnInfo[];
  title: (c: ColumnInfo) => string;
  visibility: { isVisible: (key: string) => boolean; setVisible: (key: string, visible: boolean) => void };
  filters: CrudFilter[];
  sorters: CrudSort[];
  selected: ReadonlySet<string>;
  activeRow: Record<string, unknown> | undefined;
  onAdd: () => void;
  onDeleted: () => void;
  onHistory: () => void;
  onReload: () => void;
}

export function TableToolbar(p: Props) {
  const { t, i18n } = useTranslation();
  const apiMessage = useApiMessage();
  const { message } = App.useApp();
  const remove = async () => {
    try {
      await deleteRows(p.table.name, [...p.selected].map((k) => JSON.parse(k) as Record<string, unknown>));
    } catch (error) {
      // Nothing was deleted: the rows and the selection stay, so the refused row can be unselected.
      void message.error({ content: <span data-testid="delete-refused">{deleteRefusalText(error)}</span>, key: 'delete-refused', duration: 8 });
      return;
    }
    apiMessage.success(t('table_editor.deleted', { count: p.selected.size }));
    p.onDeleted();
  };
  return (
    <Space wrap style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
      <Space wrap>
        <TablePicker current={p.table.name} />
        <Typography.Text data-testid="row-count">{p.total === undefined ? '…' : t('table_editor.rowCount', { count: p.total })}</Typography.Text>
        {!p.canEdit && <Tag color="blue" data-testid="read-only">{t('table_editor.readOnly')}</Tag>}
      </Space>
      <Space wrap>
        {p.canEdit && (
          <>
            <Tooltip title="Ctrl+Z">
              <Button icon={<UndoOutlined />} disabled={!p.edits.canUndo || p.edits.busy} onClick={() => void p.edits.undo()} data-testid="undo">{t('table_editor.undo')}</Button>
            </Tooltip>
            <Tooltip title="Ctrl+Y">
              <Button icon={<RedoOutlined />} disabled={!p.edits.canRedo || p.edits.busy} onClick={() => void p.edits.redo()} data-testid="redo">{t('table_editor.redo')}</Button>
            </Tooltip>
            {p.table.insertable && <Button icon={<PlusOutlined />} onClick={p.onAdd} data-testid="add-row">{t('table_editor.addRow')}</Button>}
            {p.table.deletable && (
              <Popconfirm title={t('table_editor.confirmDelete', { count: p.selected.size })} onConfirm={() => void remove()} disabled={p.selected.size === 0}>
                <Button danger icon={<DeleteOutlined />} disabled={p.selected.size === 0} data-testid="delete-rows">{t('table_editor.deleteRows')}</Button>
              </Popconfirm>
            )}
          </>
        )}
        <Button icon={<HistoryOutlined />} disabled={!p.activeRow || typeof p.activeRow.id !== 'string'} onClick={p.onHistory} data-testid="row-history-button">{t('table_editor.history.title')}</Button>
        <Button icon={<ReloadOutlined />} onClick={p.onReload} data-testid="reload" />
        <ColumnChooser columns={p.columns.map((c) => ({ key: c.name, title: p.title(c) }))} isVisible={p.visibility.isVisible} setVisible={p.visibility.setVisible} />
        <ImportButton resource={p.table.name} title={tableTitle(i18n, p.table.name)} allowed={p.canEdit && p.table.insertable} />
        <ListExportButton<Record<string, unknown>>
          resource={p.table.name}
          filters={p.filters}
          sorters={p.sorters}
          meta={{ select: '*' }}
          uniqueKey={p.table.primaryKey}
          fileName={p.table.name}
          columns={p.visibleColumns.map((c) => ({ key: c.name, title: p.title(c), value: (row) => formatCell(row[c.name], c) }))}
        />
      </Space>
    </Space>
  );
}
