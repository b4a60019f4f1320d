// An incident of a shipment (damage, loss, delay) with how it was handled and the result.
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { insertRow } from './contract-api.ts';

interface IncidentValues { kind: string; occurred_on: Dayjs; description?: string; handling?: string; result?: string }

export function IncidentModal({ shipmentId, onClose, onDone }: { shipmentId: string | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`orders.incident.${c}`);
  const [form] = Form.useForm<IncidentValues>();
  const { run: save, running: saving } = useApiAction(async (v: IncidentValues) => {
    await insertRow('shipment_incidents', {
      shipment_id: shipmentId, kind: v.kind, occurred_on: v.occurred_on.format('YYYY-MM-DD'),
      description: v.description?.trim() || null, handling: v.handling?.trim() || null, result: v.result?.trim() || null,
    });
    onDone();
    return t('orders.saved');
  });
  return (
    <Modal open={shipmentId !== null} title={t('orders.addIncident')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving}
      destroyOnHidden okButtonProps={{ id: 'incident-ok' }}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'delay', occurred_on: dayjs() }} onFinish={(v) => void save(v)}>
        <Form.Item name="kind" label={f('kind')}>
          <Select options={(['damage', 'loss', 'delay'] as const).map((k) => ({ value: k, label: t(`orders.incidentKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="occurred_on" label={f('occurred_on')} rules={[{ required: true, message: t('errors.required') }]}><DatePicker /></Form.Item>
        <Form.Item name="description" label={f('description')} rules={[{ max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="handling" label={f('handling')} rules={[{ max: 2000 }]}><Input.TextArea rows={2} data-testid="incident-handling" /></Form.Item>
        <Form.Item name="result" label={f('result')} rules={[{ max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
