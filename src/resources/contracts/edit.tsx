import { Edit, useForm } from '@refinedev/antd';
import { ContractForm } from './contract-form.tsx';
import type { ContractRecord } from './options.ts';

export default function ContractEdit() {
  const { formProps, saveButtonProps, query } = useForm<ContractRecord>({ resource: 'contracts', action: 'edit', redirect: 'show' });
  const record = query?.data?.data;
  return (
    <Edit breadcrumb={false} saveButtonProps={saveButtonProps} isLoading={query?.isLoading}>
      {record && <ContractForm formProps={formProps} customerId={record.customer_id} />}
    </Edit>
  );
}
