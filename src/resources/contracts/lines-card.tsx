// The contract's lines (copied from the quotation), read-only.
import { Card, Table } from 'antd';
import { useList } from '@refinedev/core';
import { useTranslation } from 'react-i18next';

interface LineRecord { id: string; line_no: number; product_name: string; spec: string | null; unit: string | null; quantity: number; unit_price: number; discount: number; line_total: number }

export function ContractLinesCard({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`quotation_lines.fields.${c}`);
  const { result, query } = useList<LineRecord>({
    resource: 'contract_lines',
    filters: [{ field: 'contract_id', operator: 'eq', value: contractId }],
    sorters: [{ field: 'line_no', order: 'asc' }],
    pagination: { mode: 'off' },
  });
  return (
    <Card size="small" title={t('contracts.cards.lines')}>
      <Table<LineRecord> size="small" rowKey="id" loading={query.isLoading} dataSource={result.data} pagination={false} data-testid="contract-lines">
        <Table.Column<LineRecord> dataIndex="line_no" title="#" />
        <Table.Column<LineRecord> dataIndex="product_name" title={f('product_name')} />
        <Table.Column<LineRecord> dataIndex="spec" title={f('spec')} />
        <Table.Column<LineRecord> dataIndex="quantity" title={f('quantity')} render={(v: number, r) => `${v} ${r.unit ?? ''}`} />
        <Table.Column<LineRecord> dataIndex="unit_price" title={f('unit_price')} />
        <Table.Column<LineRecord> dataIndex="discount" title={f('discount')} render={(v: number) => `${v}%`} />
        <Table.Column<LineRecord> dataIndex="line_total" title={f('line_total')} />
      </Table>
    </Card>
  );
}
