// Contracts list: filters (status, customer, owner, group) and search run on the server; export
// of the current view and import of drafts (CSV / XLSX).
import { Input, Select, Space, Table } from 'antd';
import { CreateButton, List, ShowButton, useSelect, useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../components/status-tag.tsx';
import { ListExportButton, type ExportColumn } from '../../components/export/index.ts';
import { ImportButton } from '../../components/import/index.ts';
import { CONTRACT_STATUSES, type ContractRecord } from './options.ts';

const OWNER = 'owner:profiles!contracts_owner_id_fkey(full_name)';
const SELECT = `id, contract_no, title, status, amount, currency, credit_warning, created_at, customer:customers(name), ${OWNER}`;

export default function ContractList() {
  const { t } = useTranslation();
  const f = (c: string) => t(`contracts.fields.${c}`);
  const { tableProps, setFilters, filters, sorters } = useTable<ContractRecord>({
    resource: 'contracts',
    sorters: { initial: [{ field: 'created_at', order: 'desc' }] },
    syncWithLocation: true,
    meta: { select: SELECT },
  });
  const exportColumns: ExportColumn<ContractRecord>[] = [
    { key: 'contract_no', title: f('contract_no'), value: (r) => r.contract_no },
    { key: 'title', title: f('title'), value: (r) => r.title },
    { key: 'customer_id', title: f('customer_id'), value: (r) => r.customer?.name },
    { key: 'status', title: f('status'), value: (r) => t(`contracts.status.${r.status}`) },
    { key: 'amount', title: f('amount'), value: (r) => r.amount },
    { key: 'currency', title: f('currency'), value: (r) => r.currency },
    { key: 'owner_id', title: f('owner_id'), value: (r) => r.owner?.full_name },
  ];
  const { selectProps: customerProps } = useSelect({
    resource: 'customers', optionLabel: 'name', optionValue: 'id',
    onSearch: (value) => [{ field: 'name', operator: 'contains', value }],
  });
  const { selectProps: ownerProps } = useSelect({ resource: 'profiles', optionLabel: 'full_name', optionValue: 'id' });
  const { selectProps: groupProps } = useSelect({ resource: 'business_groups', optionLabel: 'name', optionValue: 'id' });
  const filter = (field: string, value: unknown) => setFilters([{ field, operator: 'eq', value }], 'merge');
  return (
    <List breadcrumb={false} title={t('contracts.title')} headerButtons={
      <Space>
        <ListExportButton columns={exportColumns} fileName={t('contracts.title')} resource="contracts" filters={filters} sorters={sorters} meta={{ select: SELECT }} />
        <ImportButton resource="contracts" title={t('contracts.title')} />
        <CreateButton />
      </Space>
    }>
      <Space wrap style={{ marginBottom: 16 }}>
        {/* Number or title: one server-side "or" filter. */}
        <Input.Search allowClear placeholder={t('contracts.search')} style={{ width: 240 }} data-testid="contract-search"
          onSearch={(v) => setFilters([{
            operator: 'or',
            key: 'search',
            value: v ? [{ field: 'contract_no', operator: 'contains', value: v }, { field: 'title', operator: 'contains', value: v }] : [],
          }], 'merge')} />
        <Select allowClear style={{ width: 150 }} placeholder={f('status')} data-testid="contract-status-filter"
          options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contracts.status.${s}`) }))}
          onChange={(v) => filter('status', v)} />
        <Select {...customerProps} allowClear showSearch style={{ width: 200 }} placeholder={f('customer_id')} onChange={(v) => filter('customer_id', v)} />
        <Select {...ownerProps} allowClear showSearch style={{ width: 150 }} placeholder={f('owner_id')} onChange={(v) => filter('owner_id', v)} />
        <Select {...groupProps} allowClear style={{ width: 150 }} placeholder={f('group_id')} onChange={(v) => filter('group_id', v)} />
      </Space>
      <Table<ContractRecord> {...tableProps} rowKey="id">
        <Table.Column<ContractRecord> dataIndex="contract_no" title={f('contract_no')} sorter />
        <Table.Column<ContractRecord> dataIndex="title" title={f('title')} />
        <Table.Column<ContractRecord> title={f('customer_id')} render={(_, r) => r.customer?.name ?? '—'} />
        <Table.Column<ContractRecord> dataIndex="status" title={f('status')} render={(v: string) => <StatusTag value={v} namespace="contracts.status" />} />
        <Table.Column<ContractRecord> dataIndex="amount" title={f('amount')} sorter render={(v: number, r) => `${r.currency} ${v}`} />
        <Table.Column<ContractRecord> title={f('owner_id')} render={(_, r) => r.owner?.full_name ?? '—'} />
        <Table.Column<ContractRecord> title={t('table.actions')} render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
}
