// Quotation header: customer and contact picked by name, validity (after today), delivery date,
// payment terms, currency. Lines are edited on the quotation page.
import { DatePicker, Form, Input, Select, type FormProps } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';

const asDate = {
  getValueProps: (v?: string) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export function QuotationForm({ formProps, customerId, contactId }: { formProps: FormProps; customerId?: string; contactId?: string }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`quotations.fields.${c}`);
  const chosenCustomer = (Form.useWatch('customer_id', formProps.form) as string | undefined) ?? customerId;
  const { selectProps: customerProps } = useSelect({
    resource: 'customers',
    optionLabel: 'name',
    optionValue: 'id',
    defaultValue: customerId,
    filters: [{ field: 'owner_id', operator: 'nnull', value: true }],
    onSearch: (value) => [{ field: 'name', operator: 'contains', value }],
  });
  const { selectProps: contactProps } = useSelect({
    resource: 'contacts',
    optionLabel: 'name',
    optionValue: 'id',
    defaultValue: contactId,
    filters: [{ field: 'customer_id', operator: 'eq', value: chosenCustomer }],
    queryOptions: { enabled: Boolean(chosenCustomer) },
  });
  const required = { required: true, message: t('errors.required') };
  return (
    <Form {...formProps} layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item name="customer_id" label={f('customer_id')} rules={[required]} initialValue={customerId}>
        <Select {...customerProps} showSearch data-testid="quotation-customer" onChange={(v, o) => {
          customerProps.onChange?.(v, o);
          formProps.form?.setFieldValue('contact_id', null);
        }} />
      </Form.Item>
      <Form.Item name="contact_id" label={f('contact_id')}>
        <Select {...contactProps} allowClear />
      </Form.Item>
      <Form.Item name="title" label={f('title')}>
        <Input placeholder={t('quotations.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="valid_until"
        label={f('valid_until')}
        rules={[required, { validator: (_, v?: string) => (v && !dayjs(v).isAfter(dayjs(), 'day') ? Promise.reject(new Error(t('quotations.errors.valid_until_past'))) : Promise.resolve()) }]}
        {...asDate}
      >
        <DatePicker disabledDate={(d) => !d.isAfter(dayjs(), 'day')} data-testid="quotation-valid-until" />
      </Form.Item>
      <Form.Item name="delivery_on" label={f('delivery_on')} {...asDate}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="payment_terms" label={f('payment_terms')}>
        <Input />
      </Form.Item>
      <Form.Item name="currency" label={f('currency')} initialValue="CNY" rules={[{ pattern: /^[A-Z]{3}$/, message: t('customers.errors.currency') }]}>
        <Input maxLength={3} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="notes" label={f('notes')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </Form>
  );
}
