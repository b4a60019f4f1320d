// Customers in my scope (and the pool): server-side search, filters, sorting and pagination;
// claim from the pool in one click; export of the current filter (CSV / XLSX), import; column choice;
// reassigning the selected customers (managers, deputies, group leaders).
import { useMemo, useState } from 'react';
import { Button, Input, Select, Space, Table } from 'antd';
import { CreateButton, EditButton, List, ShowButton, useSelect, useTable } from '@refinedev/antd';
import { useCan, type CrudFilter } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { ListExportButton } from '../../components/export/index.ts';
import { ImportButton } from '../../components/import/index.ts';
import { ColumnChooser, useColumnVisibility } from '../../components/column-chooser/index.ts';
import { claimCustomer } from './customer-api.ts';
import { customerColumns } from './list-columns.tsx';
import { ReassignModal } from './reassign-modal.tsx';
import { CUSTOMER_LEVELS, CUSTOMER_SOURCES, CUSTOMER_STAGES, type CustomerRecord } from './options.ts';

const SELECT =
  'id, name, industry, city, level, stage, tags, owner_id, last_follow_up_at, next_follow_up_on, ' +
  'owner:profiles!customers_owner_id_fkey(full_name), group:business_groups!customers_group_id_fkey(name)';

type Scope = 'all' | 'pool';

export default function CustomerList() {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const { tableProps, tableQuery, filters, setFilters, sorters } = useTable<CustomerRecord>({
    resource: 'customers',
    sorters: { initial: [{ field: 'created_at', order: 'desc' }] },
    filters: { mode: 'server' },
    syncWithLocation: true,
    meta: { select: SELECT },
  });
  const columns = useMemo(() => customerColumns(t), [t]);
  const { isVisible, setVisible } = useColumnVisibility('customers');
  const visibleColumns = columns.filter((c) => isVisible(c.key));
  const { data: canReassign } = useCan({ resource: 'customers', action: 'reassign' });
  const [selected, setSelected] = useState<string[]>([]);
  const [reassigning, setReassigning] = useState(false);
  // Replace one filter, keep the others.
  const setFilter = (field: string, operator: 'eq' | 'contains' | 'null' | 'lt' | 'ina', value: unknown) =>
    setFilters([{ field, operator, value: value === '' ? undefined : value } as CrudFilter], 'merge');
  const claim = async (id: string) => {
    try {
      await claimCustomer(id);
      apiMessage.success(t('customers.claimed'));
      void tableQuery.refetch();
    } catch (error) {
      apiMessage.error(error);
    }
  };
  const { selectProps: ownerProps } = useSelect({
    resource: 'profiles',
    optionLabel: 'full_name',
    optionValue: 'id',
    filters: [{ field: 'status', operator: 'eq', value: 'active' }],
    onSearch: (value) => [{ field: 'full_name', operator: 'contains', value }],
  });
  const { selectProps: groupProps } = useSelect({ resource: 'business_groups', optionLabel: 'name', optionValue: 'id' });
  const options = (ns: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`customers.${ns}.${v}`) }));
  return (
    <List breadcrumb={false} title={t('customers.title')} headerButtons={
        <Space>
          {canReassign?.can && (
            <Button disabled={selected.length === 0} onClick={() => setReassigning(true)} data-testid="reassign-customers">
              {t('customers.actions.reassign')}{selected.length > 0 ? ` (${selected.length})` : ''}
            </Button>
          )}
          <ColumnChooser columns={columns} isVisible={isVisible} setVisible={setVisible} />
          <ListExportButton columns={visibleColumns} fileName={t('customers.title')} resource="customers" filters={filters} sorters={sorters} meta={{ select: SELECT }} />
          <ImportButton resource="customers" title={t('customers.title')} />
          <CreateButton />
        </Space>
      }>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('customers.search')} style={{ width: 240 }} onSearch={(v) => setFilter('name', 'contains', v)} />
        <Select<Scope>
          style={{ width: 140 }}
          defaultValue="all"
          options={[{ value: 'all', label: t('customers.scope.all') }, { value: 'pool', label: t('customers.scope.pool') }]}
          onChange={(v) => setFilter('owner_id', 'null', v === 'pool' ? true : undefined)}
          data-testid="customer-scope"
        />
        <Select allowClear style={{ width: 150 }} placeholder={t('customers.fields.stage')} options={options('stage', CUSTOMER_STAGES)} onChange={(v) => setFilter('stage', 'eq', v)} />
        <Select allowClear style={{ width: 130 }} placeholder={t('customers.fields.level')} options={options('level', CUSTOMER_LEVELS)} onChange={(v) => setFilter('level', 'eq', v)} />
        <Select {...ownerProps} allowClear showSearch style={{ width: 140 }} placeholder={t('customers.fields.owner_id')} onChange={(v) => setFilter('owner_id', 'eq', v)} />
        <Select {...groupProps} allowClear style={{ width: 140 }} placeholder={t('customers.fields.group_id')} onChange={(v) => setFilter('group_id', 'eq', v)} />
        <Select allowClear style={{ width: 140 }} placeholder={t('customers.fields.source')} options={options('source', CUSTOMER_SOURCES)} onChange={(v) => setFilter('source', 'eq', v)} />
        <Input allowClear style={{ width: 150 }} placeholder={t('customers.fields.industry')} onChange={(e) => setFilter('industry', 'contains', e.target.value)} />
        <Input allowClear style={{ width: 130 }} placeholder={t('customers.fields.tags')} onChange={(e) => setFilter('tags', 'ina', e.target.value ? [e.target.value] : undefined)} />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('customers.idle.placeholder')}
          options={[7, 14, 30, 60].map((d) => ({ value: d, label: t('customers.idle.days', { count: d }) }))}
          onChange={(d?: number) => setFilter('last_follow_up_at', 'lt', d ? dayjs().subtract(d, 'day').toISOString() : undefined)}
        />
      </Space>
      <Table<CustomerRecord>
        {...tableProps}
        rowKey="id"
        rowSelection={canReassign?.can ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true } : undefined}
      >
        {visibleColumns.map((c) => (
          <Table.Column<CustomerRecord> key={c.key} dataIndex={c.sorter ? c.key : undefined} title={c.title} sorter={c.sorter} render={(_, r) => c.render(r)} />
        ))}
        <Table.Column<CustomerRecord>
          title={t('table.actions')}
          render={(_, r) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={r.id} />
              {r.owner_id ? <EditButton hideText size="small" recordItemId={r.id} /> : (
                <Button size="small" type="primary" onClick={() => void claim(r.id)} data-testid="claim-customer">{t('customers.actions.claim')}</Button>
              )}
            </Space>
          )}
        />
      </Table>
      <ReassignModal
        ids={selected}
        open={reassigning}
        onClose={() => setReassigning(false)}
        onDone={() => {
          setReassigning(false);
          setSelected([]);
          void tableQuery.refetch();
        }}
      />
    </List>
  );
}
