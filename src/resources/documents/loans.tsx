// 借阅登记: paper documents asked for, approved with a due date, lent and returned; overdue loans
// are flagged. Borrowers see their own; the archivist, managers and document owners decide.
import { useState } from 'react';
import { Button, Select, Space, Switch, Table, Tag } from 'antd';
import { List, useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { supabase } from '../../providers/supabase-client.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { StatusTag } from '../../components/status-tag.tsx';
import { LoanApproveModal, LoanRequestModal } from './loan-modals.tsx';

const STATUSES = ['requested', 'approved', 'lent', 'returned', 'refused'] as const;
// What a decider may do next in each state (document_loan_step checks again).
const NEXT: Record<string, string[]> = { requested: ['approve', 'refuse'], approved: ['lend'], lent: ['return'] };

interface LoanRow {
  id: string; item_name: string | null; purpose: string | null; status: string; borrower_id: string;
  requested_at: string; lent_on: string | null; due_on: string | null; returned_on: string | null;
  document?: { title: string } | null; borrower?: { full_name: string } | null; approver?: { full_name: string } | null;
}

const isOverdue = (r: Pick<LoanRow, 'status' | 'due_on'>) => r.status === 'lent' && r.due_on !== null && dayjs(r.due_on).isBefore(dayjs(), 'day');

export default function LoanList() {
  const { t } = useTranslation();
  const f = (c: string) => t(`document_loans.fields.${c}`);
  const me = useCurrentUser();
  const apiMessage = useApiMessage();
  const [asking, setAsking] = useState(false);
  const [approving, setApproving] = useState<string | null>(null);
  const { tableProps, tableQuery, setFilters } = useTable<LoanRow>({
    resource: 'document_loans',
    syncWithLocation: false,
    sorters: { initial: [{ field: 'requested_at', order: 'desc' }] },
    meta: {
      select: 'id, item_name, purpose, status, borrower_id, requested_at, lent_on, due_on, returned_on, document:documents(title), '
        + 'borrower:profiles!document_loans_borrower_id_fkey(full_name), approver:profiles!document_loans_approved_by_fkey(full_name)',
    },
  });
  const step = async (id: string, action: string, dueOn?: string) => {
    const { error } = await supabase.rpc('document_loan_step', { loan_id: id, action, due_on: dueOn ?? null });
    if (error) return apiMessage.error(error);
    apiMessage.success(t('document_loans.done'));
    setApproving(null);
    void tableQuery.refetch();
  };
  return (
    <List breadcrumb={false} title={t('document_loans.title')} headerButtons={
      <Button type="primary" onClick={() => setAsking(true)} data-testid="loan-new">{t('document_loans.new')}</Button>
    }>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear style={{ width: 140 }} placeholder={f('status')} data-testid="loan-status-filter"
          options={STATUSES.map((s) => ({ value: s, label: t(`document_loans.status.${s}`) }))}
          onChange={(v) => setFilters([{ field: 'status', operator: 'eq', value: v }], 'merge')} />
        <Space>
          <Switch size="small" onChange={(on) => setFilters([{ field: 'borrower_id', operator: 'eq', value: on ? me?.id : undefined }], 'merge')} />
          {t('document_loans.mine')}
        </Space>
      </Space>
      <Table<LoanRow> {...tableProps} rowKey="id" data-testid="loan-table">
        <Table.Column<LoanRow> title={f('item')} render={(_, r) => r.document?.title ?? r.item_name} />
        <Table.Column<LoanRow> title={f('borrower_id')} render={(_, r) => r.borrower?.full_name} />
        <Table.Column<LoanRow> dataIndex="purpose" title={f('purpose')} ellipsis />
        <Table.Column<LoanRow> dataIndex="requested_at" title={f('requested_at')} sorter render={(v: string) => dayjs(v).format('YYYY-MM-DD')} />
        <Table.Column<LoanRow> dataIndex="status" title={f('status')} render={(v: string, r) => (
          <Space size={4}>
            <StatusTag value={v} namespace="document_loans.status" />
            {isOverdue(r) && <Tag color="red" data-testid="loan-overdue">{t('document_loans.overdue')}</Tag>}
          </Space>
        )} />
        <Table.Column<LoanRow> title={f('approved_by')} render={(_, r) => r.approver?.full_name ?? '—'} />
        <Table.Column<LoanRow> dataIndex="lent_on" title={f('lent_on')} render={(v) => v ?? '—'} />
        <Table.Column<LoanRow> dataIndex="due_on" title={f('due_on')} sorter render={(v) => v ?? '—'} />
        <Table.Column<LoanRow> dataIndex="returned_on" title={f('returned_on')} render={(v) => v ?? '—'} />
        <Table.Column<LoanRow> title={t('table.actions')} render={(_, r) => r.borrower_id !== me?.id && (
          <Space>
            {(NEXT[r.status] ?? []).map((a) => (
              <Button key={a} size="small" danger={a === 'refuse'} data-testid={`loan-${a}`}
                onClick={() => (a === 'approve' ? setApproving(r.id) : void step(r.id, a))}>
                {t(`document_loans.actions.${a}`)}
              </Button>
            ))}
          </Space>
        )} />
      </Table>
      <LoanRequestModal open={asking} onClose={() => setAsking(false)} onDone={() => { setAsking(false); void tableQuery.refetch(); }} />
      <LoanApproveModal loanId={approving} onClose={() => setApproving(null)} onApprove={(id, due) => void step(id, 'approve', due)} />
    </List>
  );
}
