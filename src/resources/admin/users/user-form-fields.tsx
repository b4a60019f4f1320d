// The fields an admin sets on a person: name, contact, title/position, group and roles.
import { Form, Input, Select } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { APP_ROLES } from '../../../providers/roles.ts';

export function UserFormFields() {
  const { t } = useTranslation();
  const { selectProps: groupProps } = useSelect({
    resource: 'business_groups',
    optionLabel: 'name',
    optionValue: 'id',
    onSearch: (value) => [{ field: 'name', operator: 'contains', value }],
  });
  return (
    <>
      <Form.Item name="full_name" label={t('profiles.fields.full_name')} rules={[{ required: true, max: 100, message: t('errors.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('profiles.fields.phone')} rules={[{ pattern: /^\+?[0-9][0-9 -]{5,19}$/, message: t('errors.phone') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="title" label={t('profiles.fields.title')}>
        <Input />
      </Form.Item>
      <Form.Item name="position" label={t('profiles.fields.position')}>
        <Input />
      </Form.Item>
      <Form.Item name="group_id" label={t('profiles.fields.group_id')}>
        <Select {...groupProps} showSearch allowClear data-testid="group-select" />
      </Form.Item>
      <Form.Item name="roles" label={t('profiles.fields.roles')} rules={[{ required: true, message: t('errors.required') }]}>
        <Select mode="multiple" options={APP_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="roles-select" />
      </Form.Item>
    </>
  );
}
