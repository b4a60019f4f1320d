import { Edit, useForm } from '@refinedev/antd';
import { ProductForm } from './product-form.tsx';

export default function ProductEdit() {
  const { formProps, saveButtonProps, query } = useForm({ resource: 'products', action: 'edit', redirect: 'list' });
  return (
    <Edit breadcrumb={false} saveButtonProps={saveButtonProps} isLoading={query?.isLoading}>
      <ProductForm formProps={formProps} />
    </Edit>
  );
}
