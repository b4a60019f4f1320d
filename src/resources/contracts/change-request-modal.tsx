// The owner asks to change or terminate an approved/signed/running contract: kind, reason and, for a
// change, the new values of the term fields a change may touch; it is submitted for approval at once.
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { requestContractChange } from './contract-api.ts';

interface ChangeValues {
  kind: 'change' | 'termination'; reason: string; title?: string; amount?: number; currency?: string; delivery_on?: Dayjs;
  payment_method?: string; specs?: string; rights_duties?: string; breach_terms?: string;
}
const TEXT_TERMS = ['title', 'currency', 'payment_method', 'specs', 'rights_duties', 'breach_terms'] as const;

export function ChangeRequestModal({ contractId, open, onClose, onDone }: { contractId: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`contracts.fields.${c}`);
  const [form] = Form.useForm<ChangeValues>();
  const kind = Form.useWatch('kind', form);
  const { run: save, running: saving } = useApiAction(async (v: ChangeValues) => {
    // Only the fields given are proposed; empty ones stay as they are.
    const proposed: Record<string, unknown> = {};
    if (v.kind === 'change') {
      for (const k of TEXT_TERMS) if (v[k]?.trim()) proposed[k] = v[k]!.trim();
      if (v.amount != null) proposed.amount = v.amount;
      if (v.delivery_on) proposed.delivery_on = v.delivery_on.format('YYYY-MM-DD');
    }
    await requestContractChange(contractId, v.kind, v.reason.trim(), proposed);
    form.resetFields();
    onDone();
    return t('contracts.changeRequest.done');
  });
  return (
    <Modal open={open} title={t('contracts.changeRequest.title')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving}
      destroyOnHidden okButtonProps={{ id: 'change-ok' }}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'change' }} onFinish={(v) => void save(v)}>
        <Form.Item name="kind" label={t('contracts.related.fields.kind')}>
          <Select data-testid="change-kind" options={(['change', 'termination'] as const).map((k) => ({ value: k, label: t(`contracts.related.changeKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('contracts.related.fields.reason')} rules={[{ required: true, whitespace: true, message: t('errors.required') }, { max: 2000 }]}>
          <Input.TextArea rows={2} data-testid="change-reason" />
        </Form.Item>
        {kind !== 'termination' && (
          <>
            <Form.Item name="delivery_on" label={f('delivery_on')}><DatePicker data-testid="change-delivery_on" /></Form.Item>
            <Form.Item name="amount" label={f('amount')}><InputNumber min={0} precision={2} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="title" label={f('title')} rules={[{ max: 200 }]}><Input /></Form.Item>
            <Form.Item name="payment_method" label={f('payment_method')}><Input /></Form.Item>
            <Form.Item name="specs" label={f('specs')}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="rights_duties" label={f('rights_duties')}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="breach_terms" label={f('breach_terms')}><Input.TextArea rows={2} /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
