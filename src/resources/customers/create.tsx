import { Create, useForm } from '@refinedev/antd';
import { CustomerForm } from './customer-form.tsx';

export default function CustomerCreate() {
  const { formProps, saveButtonProps } = useForm({ resource: 'customers', action: 'create', redirect: 'show' });
  return (
    <Create breadcrumb={false} saveButtonProps={saveButtonProps}>
      <CustomerForm formProps={formProps} />
    </Create>
  );
}
