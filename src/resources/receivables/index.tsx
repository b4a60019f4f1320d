// Receivables: open instalments of signed/running contracts with overdue flags, and the ageing
// buckets per customer (the receivables / receivables_ageing_today views; RLS of the reader applies).
import { Card, Space, Table, Tag } from 'antd';
import { List, useTable } from '@refinedev/antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

interface ReceivableRow {
  instalment_id: string; contract_id: string; contract_no: string; seq: number; due_on: string;
  amount: number; paid: number; outstanding: number; overdue: boolean; days_overdue: number; bucket: string;
}
interface AgeingRow {
  customer_id: string; customer_name: string; owner_id: string; not_due: number; d0_30: number; d31_60: number;
  d61_90: number; d90_plus: number; total_outstanding: number;
}

export default function ReceivablesPage() {
  const { t } = useTranslation();
  const f = (c: string) => t(`receivables.fields.${c}`);
  const { tableProps: ageing } = useTable<AgeingRow>({
    resource: 'receivables_ageing_today',
    sorters: { initial: [{ field: 'total_outstanding', order: 'desc' }] },
    syncWithLocation: false,
  });
  const { tableProps: open } = useTable<ReceivableRow>({
    resource: 'receivables',
    sorters: { initial: [{ field: 'due_on', order: 'asc' }] },
    syncWithLocation: false,
  });
  return (
    <List breadcrumb={false} title={t('receivables.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Card size="small" title={t('receivables.ageing')}>
          <Table<AgeingRow> {...ageing} rowKey={(r) => `${r.customer_id}-${r.owner_id}`} size="small" data-testid="ageing-table">
            <Table.Column<AgeingRow> dataIndex="customer_name" title={f('customer')} />
            <Table.Column<AgeingRow> dataIndex="not_due" title={f('not_due')} />
            <Table.Column<AgeingRow> dataIndex="d0_30" title={f('d0_30')} />
            <Table.Column<AgeingRow> dataIndex="d31_60" title={f('d31_60')} />
            <Table.Column<AgeingRow> dataIndex="d61_90" title={f('d61_90')} />
            <Table.Column<AgeingRow> dataIndex="d90_plus" title={f('d90_plus')} />
            <Table.Column<AgeingRow> dataIndex="total_outstanding" title={f('total_outstanding')} sorter />
          </Table>
        </Card>
        <Card size="small" title={t('receivables.instalments')}>
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
