// Finance records a received payment against one instalment; over-paying needs the explicit flag.
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useCreate } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { PAYMENT_METHODS, type InstalmentRecord } from './options.ts';

interface PaymentValues { amount: number; received_on: Dayjs; method: string; reference?: string; over_payment?: boolean }

export function PaymentModal({ instalment, onClose, onDone }: { instalment: InstalmentRecord | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`payments.fields.${c}`);
  const [form] = Form.useForm<PaymentValues>();
  const { mutateAsync, mutation } = useCreate();
  const save = async (v: PaymentValues) => {
    await mutateAsync({
      resource: 'payments',
      values: { ...v, instalment_id: instalment!.id, received_on: v.received_on.format('YYYY-MM-DD'), over_payment: Boolean(v.over_payment) },
      successNotification: () => ({ type: 'success', message: t('payments.done') }),
    });
    form.resetFields();
    onDone();
  };
  const due = instalment ? Math.max(Number(instalment.amount) - Number(instalment.paid_amount), 0) : 0;
  return (
    <Modal open={instalment !== null} title={t('payments.record')} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={mutation.isPending} destroyOnHidden okButtonProps={{ id: 'payment-ok' }}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ amount: due, received_on: dayjs(), method: 'bank_transfer' }}
        onFinish={(v) => void save(v).catch(() => undefined)}>
        <Form.Item name="amount" label={f('amount')} rules={[{ required: true, message: t('errors.required') }]}>
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} data-testid="payment-amount" />
        </Form.Item>
        <Form.Item name="received_on" label={f('received_on')} rules={[{ required: true, message: t('errors.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="method" label={f('method')}>
          <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payments.method.${m}`) }))} />
        </Form.Item>
        <Form.Item name="reference" label={f('reference')} rules={[{ max: 200 }]}><Input /></Form.Item>
        <Form.Item name="over_payment" valuePropName="checked"><Checkbox>{f('over_payment')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}
