// Quick-add of a follow-up (method, content, feedback, next step and date): two clicks from the
// customer page. The database moves the customer's last / next follow-up dates.
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { useCreate } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { FOLLOW_UP_METHODS } from './options.ts';

export function FollowUpModal({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`follow_ups.fields.${c}`);
  const [form] = Form.useForm();
  const { mutateAsync: create, mutation } = useCreate();
  const save = async () => {
    const values = await form.validateFields();
    const next = values.next_date as Dayjs | undefined;
    await create({ resource: 'follow_ups', values: { ...values, customer_id: customerId, next_date: next ? next.format('YYYY-MM-DD') : null } });
    form.resetFields();
    onClose(true);
  };
  return (
    <Modal open={open} title={t('follow_ups.actions.add')} onOk={() => void save()} okButtonProps={{ loading: mutation.isPending, 'data-testid': 'save-follow-up' } as never} onCancel={() => onClose(false)} destroyOnClose>
      <Form form={form} layout="vertical" initialValues={{ method: 'phone' }}>
        <Form.Item name="method" label={f('method')} rules={[{ required: true, message: t('errors.required') }]}>
          <Select options={FOLLOW_UP_METHODS.map((m) => ({ value: m, label: t(`follow_ups.method.${m}`) }))} />
        </Form.Item>
        <Form.Item name="content" label={f('content')} rules={[{ required: true, whitespace: true, message: t('errors.required') }]}>
          <Input.TextArea rows={3} data-testid="follow-up-content" />
        </Form.Item>
        <Form.Item name="customer_feedback" label={f('customer_feedback')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="next_step" label={f('next_step')}>
          <Input />
        </Form.Item>
        <Form.Item name="next_date" label={f('next_date')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
