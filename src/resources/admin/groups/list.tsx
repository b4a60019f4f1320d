import { Table, Tag } from 'antd';
import { CreateButton, EditButton, List, useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';

interface GroupRow {
  id: string;
  name: string;
  group_type: string;
  active: boolean;
  leader: { full_name: string } | null;
  deputy: { full_name: string } | null;
  members: { count: number }[];
}

export default function GroupList() {
  const { t } = useTranslation();
  const { tableProps } = useTable<GroupRow>({
    resource: 'business_groups',
    sorters: { initial: [{ field: 'name', order: 'asc' }] },
    meta: {
      select:
        'id, name, group_type, active, leader:profiles!business_groups_leader_id_fkey(full_name), deputy:profiles!business_groups_deputy_id_fkey(full_name), members:profiles!profiles_group_id_fkey(count)',
    },
  });
  return (
    <List breadcrumb={false} title={t('business_groups.title')} headerButtons={<CreateButton />}>
      <Table<GroupRow> {...tableProps} rowKey="id">
        <Table.Column<GroupRow> dataIndex="name" title={t('business_groups.fields.name')} sorter />
        <Table.Column<GroupRow> dataIndex="group_type" title={t('business_groups.fields.group_type')} render={(v: string) => t(`business_groups.type.${v}`)} />
        <Table.Column<GroupRow> title={t('business_groups.fields.leader_id')} render={(_, r) => r.leader?.full_name ?? '—'} />
        <Table.Column<GroupRow> title={t('business_groups.fields.deputy_id')} render={(_, r) => r.deputy?.full_name ?? '—'} />
        <Table.Column<GroupRow> title={t('business_groups.fields.members')} render={(_, r) => r.members?.[0]?.count ?? 0} />
        <Table.Column<GroupRow> dataIndex="active" title={t('business_groups.fields.active')} render={(v: boolean) => <Tag color={v ? 'green' : 'default'}>{t(v ? 'common.yes' : 'common.no')}</Tag>} />
        <Table.Column<GroupRow> title={t('table.actions')} render={(_, r) => <EditButton hideText size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
}
