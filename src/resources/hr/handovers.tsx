// 离职交接: past handovers, and for HR or the department manager a new one.
import { useState } from 'react';
import { Button, Table } from 'antd';
import { List, ShowButton, useTable } from '@refinedev/antd';
import { useNavigation } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { HandoverModal } from './handover-modal.tsx';

// Who runs handovers (private.runs_handovers).
export const HANDOVER_ROLES = ['hr', 'dept_manager', 'admin'];
export const SHEET_SELECT = 'id, note, item_count, created_at, leaver:profiles!handovers_leaver_id_fkey(full_name), '
  + 'receiver:profiles!handovers_receiver_id_fkey(full_name), creator:profiles!handovers_created_by_fkey(full_name)';

export interface HandoverRow {
  id: string; note: string | null; item_count: number; created_at: string;
  leaver?: { full_name: string } | null; receiver?: { full_name: string } | null; creator?: { full_name: string } | null;
}

export default function HandoverList() {
  const { t } = useTranslation();
  const f = (c: string) => t(`handovers.fields.${c}`);
  const me = useCurrentUser();
  const { show } = useNavigation();
  const [open, setOpen] = useState(false);
  const { tableProps } = useTable<HandoverRow>({
    resource: 'handovers',
    syncWithLocation: false,
    sorters: { initial: [{ field: 'created_at', order: 'desc' }] },
    meta: { select: SHEET_SELECT },
  });
  const canRun = me?.roles?.some((r) => HANDOVER_ROLES.includes(r)) ?? false;
  return (
    <List breadcrumb={false} title={t('handovers.title')} headerButtons={canRun && (
      <Button type="primary" onClick={() => setOpen(true)} data-testid="handover-new">{t('handovers.new')}</Button>
    )}>
      <Table<HandoverRow> {...tableProps} rowKey="id" data-testid="handover-table">
        <Table.Column<HandoverRow> dataIndex="created_at" title={f('created_at')} sorter render={(v: string) => dayjs(v).format('YYYY-MM-DD HH:mm')} />
        <Table.Column<HandoverRow> title={f('leaver_id')} render={(_, r) => r.leaver?.full_name} />
        <Table.Column<HandoverRow> title={f('receiver_id')} render={(_, r) => r.receiver?.full_name} />
        <Table.Column<HandoverRow> dataIndex="item_count" title={f('item_count')} />
        <Table.Column<HandoverRow> title={f('created_by')} render={(_, r) => r.creator?.full_name ?? '—'} />
        <Table.Column<HandoverRow> title={t('table.actions')} render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} />} />
      </Table>
      <HandoverModal open={open} onClose={() => setOpen(false)} onDone={(sheet) => { setOpen(false); show('handovers', sheet.id); }} />
    </List>
  );
}
