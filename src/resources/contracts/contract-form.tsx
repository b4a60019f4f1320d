// Contract terms of a draft: customer picked by name, title, amount, currency, delivery, payment
// method, rights and duties, specs, breach terms. Lines come from the quotation.
import { DatePicker, Form, Input, InputNumber, Select, type FormProps } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';

const asDate = {
  getValueProps: (v?: string) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export function ContractForm({ formProps, customerId }: { formProps: FormProps; customerId?: string }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`contracts.fields.${c}`);
  const { selectProps: customerProps } = useSelect({
    resource: 'customers',
    optionLabel: 'name',
    optionValue: 'id',
    defaultValue: customerId,
    filters: [{ field: 'owner_id', operator: 'nnull', value: true }],
    onSearch: (value) => [{ field: 'name', operator: 'contains', value }],
  });
  const required = { required: true, message: t('errors.required') };
  return (
    <Form {...formProps} layout="vertical" style={{ maxWidth: 720 }}>
      <Form.Item name="customer_id" label={f('customer_id')} rules={[required]}>
        <Select {...customerProps} showSearch data-testid="contract-customer" />
      </Form.Item>
      <Form.Item name="title" label={f('title')} rules={[required, { max: 200 }]}>
        <Input data-testid="contract-title" />
      </Form.Item>
      <Form.Item name="amount" label={f('amount')} rules={[required, { type: 'number', min: 0.01, message: t('contracts.errors.amount') }]}>
        <InputNumber min={0.01} precision={2} style={{ width: 200 }} data-testid="contract-amount" />
      </Form.Item>
      <Form.Item name="currency" label={f('currency')} initialValue="CNY" rules={[{ pattern: /^[A-Z]{3}$/, message: t('customers.errors.currency') }]}>
        <Input maxLength={3} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="delivery_on" label={f('delivery_on')} {...asDate}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="payment_method" label={f('payment_method')} rules={[{ max: 500 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="rights_duties" label={f('rights_duties')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="specs" label={f('specs')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="breach_terms" label={f('breach_terms')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </Form>
  );
}
