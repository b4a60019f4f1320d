import { Create, useForm } from '@refinedev/antd';
import { ProductForm } from './product-form.tsx';

export default function ProductCreate() {
  const { formProps, saveButtonProps } = useForm({ resource: 'products', action: 'create', redirect: 'list' });
  return (
    <Create breadcrumb={false} saveButtonProps={saveButtonProps}>
      <ProductForm formProps={formProps} />
    </Create>
  );
}
