// Orders of a contract with their lines, stage history and shipments (with incidents). The scope
// creates orders on a signed/running contract, records stages, shipments and incidents; the
// database re-checks all of it (orders_workable, CT003/CT009/CT010).
import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { useList } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { IncidentModal } from './incident-modal.tsx';
import { OrderModal, type ContractLine } from './order-modal.tsx';
import { ProgressForm } from './progress-form.tsx';
import { ShipmentModal } from './shipment-modal.tsx';

interface Incident { id: string; kind: string; occurred_on: string; handling: string | null; result: string | null }
interface Shipment {
  id: string; mode: string; carrier: string | null; tracking_no: string | null; insured: boolean; insurance_amount: number | null;
  shipped_on: string | null; delivered_on: string | null; shipment_incidents: Incident[];
}
interface Order {
  id: string; order_no: string; ordered_on: string; stage: string | null;
  order_lines: { id: string; quantity: number; contract_line: { product_name: string; unit: string | null } | null }[];
  order_progress: { id: string; stage: string; reached_on: string; note: string | null }[];
  shipments: Shipment[];
}

const SELECT = 'id, order_no, ordered_on, stage, created_at, order_lines(id, quantity, contract_line:contract_lines(product_name, unit)), '
  + 'order_progress(id, stage, reached_on, note), shipments(id, mode, carrier, tracking_no, insured, insurance_amount, shipped_on, delivered_on, '
  + 'shipment_incidents(id, kind, occurred_on, handling, result))';

export function OrdersTab({ contractId, canWork }: { contractId: string; canWork: boolean }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`orders.shipment.${c}`);
  const [creating, setCreating] = useState(false);
  const [shipFor, setShipFor] = useState<string | null>(null);
  const [incidentFor, setIncidentFor] = useState<string | null>(null);
  const orders = useList<Order>({
    resource: 'orders',
    filters: [{ field: 'contract_id', operator: 'eq', value: contractId }],
    sorters: [{ field: 'created_at', order: 'asc' }],
    pagination: { mode: 'off' },
    meta: { select: SELECT },
  });
  const lines = useList<ContractLine>({
    resource: 'contract_lines',
    filters: [{ field: 'contract_id', operator: 'eq', value: contractId }],
    sorters: [{ field: 'line_no', order: 'asc' }],
    pagination: { mode: 'off' },
    queryOptions: { enabled: canWork },
  });
  const refresh = () => void orders.query.refetch();
  const data = orders.result.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="contract-orders">
      {canWork && <Button type="primary" onClick={() => setCreating(true)} data-testid="create-order">{t('orders.create')}</Button>}
      {!orders.query.isLoading && data.length === 0 && <Empty />}
      {data.map((o) => (
        <Card key={o.id} size="small" data-testid="order" title={`${o.order_no} · ${o.ordered_on}`}
          extra={<span data-testid="order-stage">{o.stage ? t(`contracts.related.stage.${o.stage}`) : '—'}</span>}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('orders.lines')}>
              {o.order_lines.map((l) => `${l.contract_line?.product_name ?? ''} × ${l.quantity} ${l.contract_line?.unit ?? ''}`).join('; ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('contracts.related.fields.stage')}>
              <Space wrap>
                {[...o.order_progress].sort((a, b) => a.reached_on.localeCompare(b.reached_on)).map((p) => (
                  <Tag key={p.id} color="blue">{t(`contracts.related.stage.${p.stage}`)} {p.reached_on}{p.note ? ` · ${p.note}` : ''}</Tag>
                ))}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          {canWork && <ProgressForm orderId={o.id} stage={o.stage} onDone={refresh} />}
          <Table<Shipment> size="small" rowKey="id" pagination={false} dataSource={o.shipments} data-testid="shipments" style={{ marginTop: 12 }}
            columns={[
              { key: 'mode', title: f('mode'), render: (_, s) => t(`contracts.related.mode.${s.mode}`) },
              { key: 'carrier', title: f('carrier'), render: (_, s) => s.carrier ?? '—' },
              { key: 'tracking_no', title: f('tracking_no'), render: (_, s) => s.tracking_no ?? '—' },
              { key: 'insured', title: f('insured'), render: (_, s) => (s.insured ? `${t('orders.yes')} ${s.insurance_amount ?? ''}` : t('orders.no')) },
              { key: 'shipped_on', title: f('shipped_on'), render: (_, s) => s.shipped_on ?? '—' },
              { key: 'delivered_on', title: f('delivered_on'), render: (_, s) => s.delivered_on ?? '—' },
              {
                key: 'incidents', title: t('orders.incidents'),
                render: (_, s) => (
                  <Space direction="vertical" size={0}>
                    {s.shipment_incidents.map((i) => (
                      <span key={i.id}>{i.occurred_on} {t(`orders.incidentKind.${i.kind}`)}{i.handling ? ` · ${i.handling}` : ''}{i.result ? ` → ${i.result}` : ''}</span>
                    ))}
                    {canWork && <Button size="small" type="link" onClick={() => setIncidentFor(s.id)} data-testid="add-incident">{t('orders.addIncident')}</Button>}
                  </Space>
                ),
              },
            ]} />
          {canWork && <Button style={{ marginTop: 8 }} onClick={() => setShipFor(o.id)} data-testid="add-shipment">{t('orders.addShipment')}</Button>}
        </Card>
      ))}
      <OrderModal contractId={contractId} lines={lines.result.data} open={creating} onClose={() => setCreating(false)} onDone={refresh} />
      <ShipmentModal orderId={shipFor} onClose={() => setShipFor(null)} onDone={() => { setShipFor(null); refresh(); }} />
      <IncidentModal shipmentId={incidentFor} onClose={() => setIncidentFor(null)} onDone={() => { setIncidentFor(null); refresh(); }} />
    </Space>
  );
}
