// A shipment of an order: mode, carrier, tracking number, insurance and the dates.
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { insertRow } from './contract-api.ts';

interface ShipmentValues { mode: string; carrier?: string; tracking_no?: string; insured?: boolean; insurance_amount?: number; shipped_on?: Dayjs; delivered_on?: Dayjs }
const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : null);

export function ShipmentModal({ orderId, onClose, onDone }: { orderId: string | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`orders.shipment.${c}`);
  const [form] = Form.useForm<ShipmentValues>();
  const insured = Form.useWatch('insured', form);
  const { run: save, running: saving } = useApiAction(async (v: ShipmentValues) => {
    await insertRow('shipments', {
      order_id: orderId, mode: v.mode, carrier: v.carrier?.trim() || null, tracking_no: v.tracking_no?.trim() || null,
      insured: Boolean(v.insured), insurance_amount: v.insured ? (v.insurance_amount ?? null) : null,
      shipped_on: day(v.shipped_on), delivered_on: day(v.delivered_on),
    });
    onDone();
    return t('orders.saved');
  });
  return (
    <Modal open={orderId !== null} title={t('orders.addShipment')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving}
      destroyOnHidden okButtonProps={{ id: 'shipment-ok' }}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ mode: 'sea' }} onFinish={(v) => void save(v)}>
        <Form.Item name="mode" label={f('mode')}>
          <Select options={(['sea', 'air', 'land'] as const).map((m) => ({ value: m, label: t(`contracts.related.mode.${m}`) }))} />
        </Form.Item>
        <Form.Item name="carrier" label={f('carrier')} rules={[{ max: 200 }]}><Input data-testid="shipment-carrier" /></Form.Item>
        <Form.Item name="tracking_no" label={f('tracking_no')} rules={[{ max: 100 }]}><Input data-testid="shipment-tracking" /></Form.Item>
        <Form.Item name="insured" valuePropName="checked"><Checkbox>{f('insured')}</Checkbox></Form.Item>
        {insured && <Form.Item name="insurance_amount" label={f('insurance_amount')}><InputNumber min={0} precision={2} style={{ width: 200 }} /></Form.Item>}
        <Form.Item name="shipped_on" label={f('shipped_on')}><DatePicker /></Form.Item>
        <Form.Item name="delivered_on" label={f('delivered_on')}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}
