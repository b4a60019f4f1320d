// Read-only lists of what hangs off a contract: collection actions, change/termination requests,
// orders (with their stage) and shipments. Each row links nowhere yet: their editors come later.
import { Card, Table, Tabs } from 'antd';
import { useList } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../components/status-tag.tsx';

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

export function RelatedCard({ contractId }: { contractId: string }) {
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
        {
          key: 'changes', label: t('contracts.related.changes'),
          children: <RelatedTable resource="contract_changes" contractId={contractId} testId="contract-changes"
            select="id, kind, title, reason, status, applied_at, created_at"
            columns={[
              { key: 'kind', title: f('kind'), render: (r) => t(`contracts.related.changeKind.${String(r.kind)}`) },
              { key: 'title', title: f('title') },
              { key: 'reason', title: f('reason') },
              { key: 'status', title: f('status'), render: (r) => <StatusTag value={String(r.status)} namespace="contracts.status" /> },
            ]} />,
        },
        {
          key: 'orders', label: t('contracts.related.orders'),
          children: <RelatedTable resource="orders" contractId={contractId} testId="contract-orders"
            select="id, order_no, ordered_on, stage, created_at, shipments(mode, carrier, tracking_no, shipped_on, delivered_on)"
            columns={[
              { key: 'order_no', title: f('order_no') },
              { key: 'ordered_on', title: f('ordered_on') },
              { key: 'stage', title: f('stage'), render: (r) => (r.stage ? t(`contracts.related.stage.${String(r.stage)}`) : '—') },
              {
                key: 'shipments', title: f('shipments'),
                render: (r) => ((r.shipments as { mode: string; carrier: string | null; tracking_no: string | null }[] | null) ?? [])
                  .map((s) => `${t(`contracts.related.mode.${s.mode}`)} ${s.carrier ?? ''} ${s.tracking_no ?? ''}`).join('; ') || '—',
              },
            ]} />,
        },
      ]} />
    </Card>
  );
}
