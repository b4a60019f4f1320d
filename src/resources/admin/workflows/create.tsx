import { Create, useForm } from '@refinedev/antd';
import { DefinitionForm } from './definition-form.tsx';

export default function WorkflowCreate() {
  const { formProps, saveButtonProps } = useForm({ resource: 'workflow_definitions', action: 'create', redirect: 'edit' });
  return (
    <Create breadcrumb={false} saveButtonProps={saveButtonProps}>
      <DefinitionForm formProps={formProps} />
    </Create>
  );
}
