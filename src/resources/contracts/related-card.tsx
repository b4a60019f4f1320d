// What hangs off a contract, in tabs: collection actions (read-only), change/termination requests
// with their approval, and orders with their stages and shipments.
import { Card, Table, Tabs } from 'antd';
import { useList } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { ChangesTab } from './changes-tab.tsx';
import { OrdersTab } from './orders-tab.tsx';

interface Row { id: string; [k: string]: unknown }

function RelatedTable({ resource, contractId, select, columns, filterField = 'contract_id', testId }: {
  resource: string; contractId: string; select: string; columns: { key: string; title: string; render?: (r: Row) => React.ReactNode }[];
  filterField?: string; testId: string;
}) {
  const { result, query } = useList<Row>({
    resource,
    filters: [{ field: filterField, operator: 'eq', value: contractId }],
    sorters: [{ field: 'created_at', order: 'asc' }],
    pagination: { mode: 'off' },
    meta: { select },
  });
  return (
    <Table<Row> size="small" rowKey="id" pagination={false} loading={query.isLoading} dataSource={result.data} data-testid={testId}
      columns={columns.map((c) => ({ key: c.key, title: c.title, render: (_: unknown, r: Row) => (c.render ? c.render(r) : String(r[c.key] ?? '—')) }))} />
  );
}

export function RelatedCard({ contractId, canWork, onChange }: {
  contractId: string;
  /** The scope may place orders and record their progress (a signed or running contract). */
  canWork: boolean;
  /** An approved change altered the contract. */
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const f = (c: string) => t(`contracts.related.fields.${c}`);
  return (
    <Card size="small">
      <Tabs items={[
        {
          key: 'collection', label: t('contracts.related.collection'),
          children: <RelatedTable resource="collection_actions" contractId={contractId} testId="collection-actions"
            select="id, kind, acted_on, result, next_step, next_on, created_at, owner:profiles!collection_actions_owner_id_fkey(full_name)"
            columns={[
              { key: 'acted_on', title: f('acted_on') },
              { key: 'kind', title: f('kind'), render: (r) => t(`contracts.related.collectionKind.${String(r.kind)}`) },
              { key: 'owner', title: f('owner'), render: (r) => (r.owner as { full_name?: string } | null)?.full_name ?? '—' },
              { key: 'result', title: f('result') },
              { key: 'next_step', title: f('next_step') },
            ]} />,
        },
        { key: 'changes', label: t('contracts.related.changes'), children: <ChangesTab contractId={contractId} onChange={onChange} /> },
        { key: 'orders', label: t('contracts.related.orders'), children: <OrdersTab contractId={contractId} canWork={canWork} /> },
      ]} />
    </Card>
  );
}
