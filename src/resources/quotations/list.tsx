import { Input, Select, Space, Table } from 'antd';
import { CreateButton, List, ShowButton, useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../components/status-tag.tsx';
import { ListExportButton, type ExportColumn } from '../../components/export/index.ts';
import { ImportButton } from '../../components/import/index.ts';
import { QUOTATION_STATUSES, type QuotationRecord } from './options.ts';

const SELECT = 'id, quote_no, title, status, total_amount, currency, valid_until, created_at, customer:customers(name), owner:profiles!quotations_owner_id_fkey(full_name)';

export default function QuotationList() {
  const { t } = useTranslation();
  const f = (c: string) => t(`quotations.fields.${c}`);
  const { tableProps, setFilters, filters, sorters } = useTable<QuotationRecord>({
    resource: 'quotations',
    sorters: { initial: [{ field: 'created_at', order: 'desc' }] },
    syncWithLocation: true,
    meta: { select: SELECT },
  });
  // The export holds the columns the table shows, in its order.
  const exportColumns: ExportColumn<QuotationRecord>[] = [
    { key: 'quote_no', title: f('quote_no'), value: (r) => r.quote_no },
    { key: 'customer_id', title: f('customer_id'), value: (r) => r.customer?.name },
    { key: 'title', title: f('title'), value: (r) => r.title },
    { key: 'status', title: f('status'), value: (r) => t(`quotations.status.${r.status}`) },
    { key: 'total_amount', title: f('total_amount'), value: (r) => r.total_amount },
    { key: 'currency', title: f('currency'), value: (r) => r.currency },
    { key: 'valid_until', title: f('valid_until'), value: (r) => r.valid_until },
    { key: 'owner_id', title: f('owner_id'), value: (r) => r.owner?.full_name },
  ];
  return (
    <List breadcrumb={false} title={t('quotations.title')} headerButtons={
      <Space>
        <ListExportButton columns={exportColumns} fileName={t('quotations.title')} resource="quotations" filters={filters} sorters={sorters} meta={{ select: SELECT }} />
        {/* One file row per line; rows sharing a quotation ref make one draft (import-targets.ts). */}
        <ImportButton resource="quotations" title={t('quotations.title')} />
        <CreateButton />
      </Space>
    }>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('quotations.search')} style={{ width: 240 }}
          onSearch={(v) => setFilters([{ field: 'title', operator: 'contains', value: v || undefined }], 'merge')} />
        <Select allowClear style={{ width: 150 }} placeholder={f('status')}
          options={QUOTATION_STATUSES.map((s) => ({ value: s, label: t(`quotations.status.${s}`) }))}
          onChange={(v) => setFilters([{ field: 'status', operator: 'eq', value: v }], 'merge')} />
      </Space>
      <Table<QuotationRecord> {...tableProps} rowKey="id">
        <Table.Column<QuotationRecord> dataIndex="quote_no" title={f('quote_no')} sorter />
        <Table.Column<QuotationRecord> title={f('customer_id')} render={(_, r) => r.customer?.name ?? '—'} />
        <Table.Column<QuotationRecord> dataIndex="title" title={f('title')} />
        <Table.Column<QuotationRecord> dataIndex="status" title={f('status')} render={(v: string) => <StatusTag value={v} namespace="quotations.status" />} />
        <Table.Column<QuotationRecord> dataIndex="total_amount" title={f('total_amount')} sorter render={(v: number, r) => `${r.currency} ${v}`} />
        <Table.Column<QuotationRecord> dataIndex="valid_until" title={f('valid_until')} sorter />
        <Table.Column<QuotationRecord> title={f('owner_id')} render={(_, r) => r.owner?.full_name ?? '—'} />
        <Table.Column<QuotationRecord> title={t('table.actions')} render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
}
