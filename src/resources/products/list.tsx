import { Input, Table, Tag } from 'antd';
import { CreateButton, EditButton, List, useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';

interface ProductRow { id: string; code: string | null; name: string; spec: string | null; unit: string; list_price: number; currency: string; active: boolean }

export default function ProductList() {
  const { t } = useTranslation();
  const f = (c: string) => t(`products.fields.${c}`);
  const { tableProps, setFilters } = useTable<ProductRow>({ resource: 'products', sorters: { initial: [{ field: 'name', order: 'asc' }] } });
  return (
    <List breadcrumb={false} title={t('products.title')} headerButtons={<CreateButton />}>
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
