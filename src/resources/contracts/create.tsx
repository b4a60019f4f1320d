import { Create, useForm } from '@refinedev/antd';
import { ContractForm } from './contract-form.tsx';

export default function ContractCreate() {
  const { formProps, saveButtonProps } = useForm({ resource: 'contracts', action: 'create', redirect: 'show' });
  return (
    <Create breadcrumb={false} saveButtonProps={saveButtonProps}>
      <ContractForm formProps={formProps} />
    </Create>
  );
}
