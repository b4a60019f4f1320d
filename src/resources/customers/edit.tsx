import { Edit, useForm } from '@refinedev/antd';
import { CustomerForm } from './customer-form.tsx';

export default function CustomerEdit() {
  const { formProps, saveButtonProps, query, id } = useForm({ resource: 'customers', action: 'edit', redirect: 'show' });
  return (
    <Edit breadcrumb={false} saveButtonProps={saveButtonProps} isLoading={query?.isLoading}>
      <CustomerForm formProps={formProps} recordId={id ? String(id) : undefined} />
    </Edit>
  );
}
