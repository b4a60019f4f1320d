// Approval tasks waiting for me, with approve / reject / transfer in place and the record in a drawer.
import { useState } from 'react';
import { Button, Space, Table } from 'antd';
import { useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { DecisionModal, type DecisionKind } from '../../components/approval-panel/decision-modal.tsx';
import { RequestDrawer, type RequestRef } from './request-drawer.tsx';

interface TaskRow {
  id: string;
  step_no: number;
  step_name: string;
  created_at: string;
  request: RequestRef & { id: string; submitted_at: string; submitter: { full_name: string } | null };
}

export function WaitingTable({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [modal, setModal] = useState<{ kind: DecisionKind; requestId: string } | null>(null);
  const [open, setOpen] = useState<RequestRef | null>(null);
  const { tableProps, tableQuery } = useTable<TaskRow>({
    resource: 'approval_tasks',
    syncWithLocation: false,
    filters: {
      permanent: [
        { field: 'approver_id', operator: 'eq', value: userId },
        { field: 'status', operator: 'eq', value: 'pending' },
      ],
    },
    sorters: { initial: [{ field: 'created_at', order: 'desc' }] },
    meta: {
      select:
        'id, step_no, step_name, created_at, request:approval_requests(id, title, record_type, record_id, submitted_at, submitter:profiles!approval_requests_submitted_by_fkey(full_name))',
    },
  });
  const refresh = () => {
    void tableQuery.refetch();
    void queryClient.invalidateQueries();
  };
  return (
    <>
      <Table<TaskRow> {...tableProps} rowKey="id" data-testid="waiting-table">
        <Table.Column<TaskRow> title={t('inbox.fields.title')} render={(_, r) => (
          <Button type="link" onClick={() => setOpen(r.request)} data-testid="open-request">{r.request?.title ?? r.request?.record_id}</Button>
        )} />
        <Table.Column<TaskRow> title={t('inbox.fields.record_type')} render={(_, r) => t(`recordTypes.${r.request?.record_type}`, { defaultValue: r.request?.record_type })} />
        <Table.Column<TaskRow> dataIndex="step_name" title={t('inbox.fields.step')} />
        <Table.Column<TaskRow> title={t('inbox.fields.submitter')} render={(_, r) => r.request?.submitter?.full_name} />
        <Table.Column<TaskRow> dataIndex="created_at" title={t('inbox.fields.since')} sorter render={(v: string) => dayjs(v).format('YYYY-MM-DD HH:mm')} />
        <Table.Column<TaskRow>
          title={t('table.actions')}
          render={(_, r) => (
            <Space>
              <Button size="small" type="primary" onClick={() => setModal({ kind: 'approve', requestId: r.request.id })} data-testid="row-approve">
                {t('approval.actions.approve')}
              </Button>
              <Button size="small" danger onClick={() => setModal({ kind: 'reject', requestId: r.request.id })} data-testid="row-reject">
                {t('approval.actions.reject')}
              </Button>
              <Button size="small" onClick={() => setModal({ kind: 'transfer', requestId: r.request.id })}>
                {t('approval.actions.transfer')}
              </Button>
            </Space>
          )}
        />
      </Table>
      <DecisionModal
        kind={modal?.kind ?? null}
        requestId={modal?.requestId ?? ''}
        onClose={() => setModal(null)}
        onDone={() => {
          setModal(null);
          refresh();
        }}
      />
      <RequestDrawer request={open} onClose={() => setOpen(null)} onChange={refresh} />
    </>
  );
}
