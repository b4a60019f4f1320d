import { Edit, useForm } from '@refinedev/antd';
import { DefinitionForm } from './definition-form.tsx';
import { StepsEditor } from './steps-editor.tsx';

export default function WorkflowEdit() {
  const { formProps, saveButtonProps, id, query } = useForm({ resource: 'workflow_definitions', action: 'edit', redirect: false });
  return (
    <Edit breadcrumb={false} saveButtonProps={saveButtonProps} isLoading={query?.isLoading}>
      <DefinitionForm formProps={formProps} />
      {id && <StepsEditor workflowId={String(id)} />}
    </Edit>
  );
}
