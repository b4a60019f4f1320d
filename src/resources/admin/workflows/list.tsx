import { Table, Tag } from 'antd';
import { CreateButton, EditButton, List, useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';

interface WorkflowRow {
  id: string;
  record_type: string;
  name: string;
  description: string | null;
  active: boolean;
  steps: { count: number }[];
}

export default function WorkflowList() {
  const { t } = useTranslation();
  const { tableProps } = useTable<WorkflowRow>({
    resource: 'workflow_definitions',
    sorters: { initial: [{ field: 'record_type', order: 'asc' }] },
    meta: { select: 'id, record_type, name, description, active, steps:workflow_steps(count)' },
  });
  return (
    <List breadcrumb={false} title={t('workflow_definitions.title')} headerButtons={<CreateButton />}>
      <Table<WorkflowRow> {...tableProps} rowKey="id">
        <Table.Column<WorkflowRow> dataIndex="name" title={t('workflow_definitions.fields.name')} sorter />
        <Table.Column<WorkflowRow> dataIndex="record_type" title={t('workflow_definitions.fields.record_type')} sorter render={(v: string) => t(`recordTypes.${v}`, { defaultValue: v })} />
        <Table.Column<WorkflowRow> dataIndex="description" title={t('workflow_definitions.fields.description')} />
        <Table.Column<WorkflowRow> title={t('workflow_definitions.fields.steps')} render={(_, r) => r.steps?.[0]?.count ?? 0} />
        <Table.Column<WorkflowRow> dataIndex="active" title={t('workflow_definitions.fields.active')} render={(v: boolean) => <Tag color={v ? 'green' : 'default'}>{t(v ? 'common.yes' : 'common.no')}</Tag>} />
        <Table.Column<WorkflowRow> title={t('table.actions')} render={(_, r) => <EditButton hideText size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
}
