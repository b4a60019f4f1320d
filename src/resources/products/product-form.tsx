// Product / price list fields.
import { Form, Input, InputNumber, Switch, type FormProps } from 'antd';
import { useTranslation } from 'react-i18next';

export function ProductForm({ formProps }: { formProps: FormProps }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`products.fields.${c}`);
  return (
    <Form {...formProps} layout="vertical" style={{ maxWidth: 520 }}>
      <Form.Item name="code" label={f('code')} rules={[{ pattern: /^[A-Za-z0-9_.-]{1,40}$/, message: t('products.errors.code') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true, message: t('errors.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="spec" label={f('spec')}>
        <Input />
      </Form.Item>
      <Form.Item name="unit" label={f('unit')} initialValue="件" rules={[{ required: true, message: t('errors.required') }]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="list_price" label={f('list_price')} rules={[{ required: true, message: t('errors.required') }, { type: 'number', min: 0, message: t('customers.errors.non_negative') }]}>
        <InputNumber precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="currency" label={f('currency')} initialValue="CNY" rules={[{ pattern: /^[A-Z]{3}$/, message: t('customers.errors.currency') }]}>
        <Input maxLength={3} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="active" label={f('active')} valuePropName="checked" initialValue>
        <Switch />
      </Form.Item>
      <Form.Item name="description" label={f('description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </Form>
  );
}
