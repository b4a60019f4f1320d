import { Edit, useForm } from '@refinedev/antd';
import { QuotationForm } from './quotation-form.tsx';
import type { QuotationRecord } from './options.ts';

export default function QuotationEdit() {
  const { formProps, saveButtonProps, query } = useForm<QuotationRecord>({ resource: 'quotations', action: 'edit', redirect: 'show' });
  const record = query?.data?.data;
  return (
    <Edit breadcrumb={false} saveButtonProps={saveButtonProps} isLoading={query?.isLoading}>
      {record && <QuotationForm formProps={formProps} customerId={record.customer_id} contactId={record.contact_id ?? undefined} />}
    </Edit>
  );
}
