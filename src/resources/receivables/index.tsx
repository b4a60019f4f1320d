// Receivables: open instalments of signed/running contracts with overdue flags, and the ageing
// buckets per customer, owner or group (the receivables / receivables_ageing_*today views; RLS of
// the reader applies).
import { useState } from 'react';
import { Card, Input, Segmented, Space, Switch, Table, Tag } from 'antd';
import { List, useTable } from '@refinedev/antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

interface ReceivableRow {
  instalment_id: string; contract_id: string; contract_no: string; seq: number; due_on: string;
  amount: number; paid: number; outstanding: number; overdue: boolean; days_overdue: number; bucket: string;
}
/** One ageing row; per customer the name is customer_name, per owner or group it is label. */
interface AgeingRow {
  customer_id?: string; customer_name?: string; owner_id?: string; group_id?: string | null; key_id?: string; label?: string | null;
  not_due: number; d0_30: number; d31_60: number; d61_90: number; d90_plus: number; total_outstanding: number;
}
type Dimension = 'customer' | 'owner' | 'group';
const AGEING_VIEWS: Record<Dimension, string> = {
  customer: 'receivables_ageing_today', owner: 'receivables_ageing_owners_today', group: 'receivables_ageing_groups_today',
};

/** Ageing for one grouping; remounted per grouping so each view pages and sorts on its own. */
function AgeingTable({ dimension }: { dimension: Dimension }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`receivables.fields.${c}`);
  const { tableProps, setFilters } = useTable<AgeingRow>({
    resource: AGEING_VIEWS[dimension],
    sorters: { initial: [{ field: 'total_outstanding', order: 'desc' }] },
    syncWithLocation: false,
  });
  const nameField = dimension === 'customer' ? 'customer_name' : 'label';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search allowClear placeholder={t('receivables.searchName')} style={{ maxWidth: 320 }} data-testid="ageing-search"
        onSearch={(v) => setFilters([{ field: nameField, operator: 'contains', value: v.trim() || undefined }])} />
      <Table<AgeingRow> {...tableProps} rowKey={(r) => (dimension === 'customer' ? `${r.customer_id}-${r.owner_id}-${r.group_id}` : r.key_id ?? 'none')}
        size="small" data-testid="ageing-table">
        <Table.Column<AgeingRow> key="name" title={f(dimension)}
          render={(_: unknown, r) => (dimension === 'customer' ? r.customer_name : r.label ?? t('receivables.noGroup'))} />
        <Table.Column<AgeingRow> dataIndex="not_due" title={f('not_due')} />
        <Table.Column<AgeingRow> dataIndex="d0_30" title={f('d0_30')} />
        <Table.Column<AgeingRow> dataIndex="d31_60" title={f('d31_60')} />
        <Table.Column<AgeingRow> dataIndex="d61_90" title={f('d61_90')} />
        <Table.Column<AgeingRow> dataIndex="d90_plus" title={f('d90_plus')} />
        <Table.Column<AgeingRow> dataIndex="total_outstanding" title={f('total_outstanding')} sorter />
      </Table>
    </Space>
  );
}

export default function ReceivablesPage() {
  const { t } = useTranslation();
  const f = (c: string) => t(`receivables.fields.${c}`);
  const [dimension, setDimension] = useState<Dimension>('customer');
  const { tableProps: open, setFilters } = useTable<ReceivableRow>({
    resource: 'receivables',
    sorters: { initial: [{ field: 'due_on', order: 'asc' }] },
    syncWithLocation: false,
  });
  return (
    <List breadcrumb={false} title={t('receivables.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Card size="small" title={t('receivables.ageing')} extra={
          <Segmented<Dimension> value={dimension} onChange={setDimension} data-testid="ageing-by"
            options={(['customer', 'owner', 'group'] as const).map((d) => ({ value: d, label: t(`receivables.ageingBy.${d}`) }))} />
        }>
          <AgeingTable key={dimension} dimension={dimension} />
        </Card>
        <Card size="small" title={t('receivables.instalments')} extra={
          <Space>
            <Input.Search allowClear placeholder={t('receivables.searchContract')} style={{ width: 240 }} data-testid="receivables-search"
              onSearch={(v) => setFilters([{ field: 'contract_no', operator: 'contains', value: v.trim() || undefined }])} />
            <Switch checkedChildren={t('receivables.overdueOnly')} unCheckedChildren={t('receivables.overdueOnly')} data-testid="overdue-only"
              onChange={(on) => setFilters([{ field: 'overdue', operator: 'eq', value: on || undefined }])} />
          </Space>
        }>
          <Table<ReceivableRow> {...open} rowKey="instalment_id" size="small" data-testid="receivables-table">
            <Table.Column<ReceivableRow> dataIndex="contract_no" title={f('contract_no')}
              render={(v: string, r) => <Link to={`/contracts/show/${r.contract_id}`}>{v}</Link>} />
            <Table.Column<ReceivableRow> dataIndex="seq" title="#" />
            <Table.Column<ReceivableRow> dataIndex="due_on" title={f('due_on')} sorter />
            <Table.Column<ReceivableRow> dataIndex="amount" title={f('amount')} />
            <Table.Column<ReceivableRow> dataIndex="paid" title={f('paid')} />
            <Table.Column<ReceivableRow> dataIndex="outstanding" title={f('outstanding')} />
            <Table.Column<ReceivableRow> dataIndex="days_overdue" title={f('days_overdue')} sorter
              render={(v: number, r) => (r.overdue ? <Tag color="red">{t('receivables.overdueDays', { days: v })}</Tag> : '—')} />
            <Table.Column<ReceivableRow> dataIndex="bucket" title={f('bucket')} render={(v: string) => t(`receivables.bucket.${v}`)} />
          </Table>
        </Card>
      </Space>
    </List>
  );
}
