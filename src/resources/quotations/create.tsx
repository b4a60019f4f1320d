import { Create, useForm } from '@refinedev/antd';
import { useSearchParams } from 'react-router';
import { QuotationForm } from './quotation-form.tsx';

export default function QuotationCreate() {
  const [params] = useSearchParams();
  // Lines are added on the quotation page, so the new quotation opens there.
  const { formProps, saveButtonProps } = useForm({ resource: 'quotations', action: 'create', redirect: 'show' });
  return (
    <Create breadcrumb={false} saveButtonProps={saveButtonProps}>
      <QuotationForm formProps={formProps} customerId={params.get('customer_id') ?? undefined} />
    </Create>
  );
}
