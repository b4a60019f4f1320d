// What I submitted, newest first, with its state; the record opens in the same drawer.
import { useState } from 'react';
import { Button, Table } from 'antd';
import { useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { StatusTag } from '../../components/status-tag.tsx';
import { RequestDrawer, type RequestRef } from './request-drawer.tsx';

interface RequestRow extends RequestRef {
  id: string;
  status: string;
  current_step: number | null;
  submitted_at: string;
  decided_at: string | null;
}

export function SubmittedTable({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<RequestRef | null>(null);
  const { tableProps, tableQuery } = useTable<RequestRow>({
    resource: 'approval_requests',
    syncWithLocation: false,
    filters: { permanent: [{ field: 'submitted_by', operator: 'eq', value: userId }] },
    sorters: { initial: [{ field: 'submitted_at', order: 'desc' }] },
  });
  return (
    <>
      <Table<RequestRow> {...tableProps} rowKey="id" data-testid="submitted-table">
        <Table.Column<RequestRow> title={t('inbox.fields.title')} render={(_, r) => (
          <Button type="link" onClick={() => setOpen(r)}>{r.title ?? r.record_id}</Button>
        )} />
        <Table.Column<RequestRow> title={t('inbox.fields.record_type')} render={(_, r) => t(`recordTypes.${r.record_type}`, { defaultValue: r.record_type })} />
        <Table.Column<RequestRow> dataIndex="status" title={t('approval.fields.status')} render={(v: string) => <StatusTag value={v} namespace="approval.status" />} />
        <Table.Column<RequestRow> dataIndex="submitted_at" title={t('inbox.fields.submitted_at')} sorter render={(v: string) => dayjs(v).format('YYYY-MM-DD HH:mm')} />
        <Table.Column<RequestRow> dataIndex="decided_at" title={t('inbox.fields.decided_at')} render={(v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—')} />
      </Table>
      <RequestDrawer request={open} onClose={() => setOpen(null)} onChange={() => void tableQuery.refetch()} />
    </>
  );
}
