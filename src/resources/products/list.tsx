// The price list: search and sort on the server; export of the current view, import (CSV / XLSX)
// and create for those who keep it.
import { Input, Space, Table, Tag } from 'antd';
import { CreateButton, EditButton, List, useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { ListExportButton, type ExportColumn } from '../../components/export/index.ts';
import { ImportButton } from '../../components/import/index.ts';

interface ProductRow { id: string; code: string | null; name: string; spec: string | null; unit: string; list_price: number; currency: string; active: boolean }

export default function ProductList() {
  const { t } = useTranslation();
  const f = (c: string) => t(`products.fields.${c}`);
  const { tableProps, setFilters, filters, sorters } = useTable<ProductRow>({ resource: 'products', sorters: { initial: [{ field: 'name', order: 'asc' }] } });
  const exportColumns: ExportColumn<ProductRow>[] = [
    ...(['code', 'name', 'spec', 'unit', 'list_price', 'currency'] as const).map((key) => ({ key, title: f(key), value: (r: ProductRow) => r[key] })),
    { key: 'active', title: f('active'), value: (r) => t(r.active ? 'common.yes' : 'common.no') },
  ];
  return (
    <List breadcrumb={false} title={t('products.title')} headerButtons={
      <Space>
        <ListExportButton columns={exportColumns} fileName={t('products.title')} resource="products" filters={filters} sorters={sorters} />
        <ImportButton resource="products" title={t('products.title')} />
        <CreateButton />
      </Space>
    }>
      <Input.Search allowClear placeholder={t('products.search')} style={{ maxWidth: 280, marginBottom: 16 }}
        onSearch={(value) => setFilters([{ field: 'name', operator: 'contains', value: value || undefined }], 'replace')} />
      <Table<ProductRow> {...tableProps} rowKey="id">
        <Table.Column<ProductRow> dataIndex="code" title={f('code')} sorter />
        <Table.Column<ProductRow> dataIndex="name" title={f('name')} sorter />
        <Table.Column<ProductRow> dataIndex="spec" title={f('spec')} />
        <Table.Column<ProductRow> dataIndex="unit" title={f('unit')} />
        <Table.Column<ProductRow> dataIndex="list_price" title={f('list_price')} sorter render={(v: number, r) => `${r.currency} ${v}`} />
        <Table.Column<ProductRow> dataIndex="active" title={f('active')} render={(v: boolean) => <Tag color={v ? 'green' : 'default'}>{t(v ? 'common.yes' : 'common.no')}</Tag>} />
        <Table.Column<ProductRow> title={t('table.actions')} render={(_, r) => <EditButton hideText size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
}
