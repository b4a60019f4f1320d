// Business group fields: name, type, department, and leader / deputy picked by name (searchable).
import { Form, Input, Select, Switch, type FormProps } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';

export const GROUP_TYPES = ['marketing', 'project_execution', 'customer_service', 'other'] as const;

function usePeopleSelect(current?: string) {
  return useSelect({
    resource: 'profiles',
    optionLabel: 'full_name',
    optionValue: 'id',
    defaultValue: current,
    filters: [{ field: 'status', operator: 'eq', value: 'active' }],
    onSearch: (value) => [{ field: 'full_name', operator: 'contains', value }],
  }).selectProps;
}

export function GroupForm({ formProps, record }: { formProps: FormProps; record?: { leader_id?: string; deputy_id?: string } }) {
  const { t } = useTranslation();
  const leaderProps = usePeopleSelect(record?.leader_id);
  const deputyProps = usePeopleSelect(record?.deputy_id);
  const { selectProps: deptProps } = useSelect({ resource: 'departments', optionLabel: 'name', optionValue: 'id' });
  return (
    <Form {...formProps} layout="vertical" style={{ maxWidth: 520 }}>
      <Form.Item name="name" label={t('business_groups.fields.name')} rules={[{ required: true, max: 100, message: t('errors.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="group_type" label={t('business_groups.fields.group_type')} rules={[{ required: true, message: t('errors.required') }]}>
        <Select options={GROUP_TYPES.map((g) => ({ value: g, label: t(`business_groups.type.${g}`) }))} />
      </Form.Item>
      <Form.Item name="department_id" label={t('business_groups.fields.department_id')} rules={[{ required: true, message: t('errors.required') }]}>
        <Select {...deptProps} />
      </Form.Item>
      <Form.Item name="leader_id" label={t('business_groups.fields.leader_id')}>
        <Select {...leaderProps} showSearch allowClear data-testid="leader-select" />
      </Form.Item>
      <Form.Item name="deputy_id" label={t('business_groups.fields.deputy_id')}>
        <Select {...deputyProps} showSearch allowClear />
      </Form.Item>
      <Form.Item name="active" label={t('business_groups.fields.active')} valuePropName="checked" initialValue>
        <Switch />
      </Form.Item>
    </Form>
  );
}
