import { Create, useForm } from '@refinedev/antd';
import { GroupForm } from './group-form.tsx';

export default function GroupCreate() {
  const { formProps, saveButtonProps } = useForm({ resource: 'business_groups', action: 'create', redirect: 'list' });
  return (
    <Create breadcrumb={false} saveButtonProps={saveButtonProps}>
      <GroupForm formProps={formProps} />
    </Create>
  );
}
