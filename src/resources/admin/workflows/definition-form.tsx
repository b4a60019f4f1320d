import { Form, Input, Switch, type FormProps } from 'antd';
import { useTranslation } from 'react-i18next';

export function DefinitionForm({ formProps }: { formProps: FormProps }) {
  const { t } = useTranslation();
  return (
    <Form {...formProps} layout="vertical" style={{ maxWidth: 520 }}>
      <Form.Item name="name" label={t('workflow_definitions.fields.name')} rules={[{ required: true, max: 100, message: t('errors.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="record_type"
        label={t('workflow_definitions.fields.record_type')}
        rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,62}$/, message: t('workflow_definitions.errors.recordType') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t('workflow_definitions.fields.description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="active" label={t('workflow_definitions.fields.active')} valuePropName="checked" initialValue>
        <Switch />
      </Form.Item>
    </Form>
  );
}
