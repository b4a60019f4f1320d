// People of the department with their group and roles; admins create, edit and deactivate them.
import { Button, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { CreateButton, EditButton, List, useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../../components/status-tag.tsx';
import { useApiMessage } from '../../../hooks/use-api-message.ts';
import { adminUsers } from './admin-users-api.ts';

interface UserRow {
  id: string;
  full_name: string;
  email: string;
  title: string | null;
  status: string;
  group: { name: string } | null;
  user_roles: { role: string }[];
}

export default function UserList() {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const { tableProps, tableQuery, setFilters } = useTable<UserRow>({
    resource: 'profiles',
    sorters: { initial: [{ field: 'full_name', order: 'asc' }] },
    meta: { select: 'id, full_name, email, title, status, group:business_groups!profiles_group_id_fkey(name), user_roles(role)' },
  });
  const deactivate = async (id: string) => {
    try {
      await adminUsers({ action: 'deactivate', user_id: id });
      apiMessage.success(t('profiles.deactivated'));
      void tableQuery.refetch();
    } catch (error) {
      apiMessage.error(error);
    }
  };
  return (
    <List breadcrumb={false} title={t('profiles.title')} headerButtons={<CreateButton />}>
      <Input.Search
        allowClear
        placeholder={t('profiles.search')}
        style={{ maxWidth: 280, marginBottom: 16 }}
        onSearch={(value) => setFilters([{ field: 'full_name', operator: 'contains', value: value || undefined }], 'replace')}
      />
      <Table<UserRow> {...tableProps} rowKey="id">
        <Table.Column<UserRow> dataIndex="full_name" title={t('profiles.fields.full_name')} sorter />
        <Table.Column<UserRow> dataIndex="email" title={t('profiles.fields.email')} sorter />
        <Table.Column<UserRow> dataIndex="title" title={t('profiles.fields.title')} />
        <Table.Column<UserRow> title={t('profiles.fields.group_id')} render={(_, r) => r.group?.name ?? '—'} />
        <Table.Column<UserRow>
          title={t('profiles.fields.roles')}
          render={(_, r) => r.user_roles.map((x) => <Tag key={x.role}>{t(`roles.${x.role}`)}</Tag>)}
        />
        <Table.Column<UserRow> dataIndex="status" title={t('profiles.fields.status')} render={(v: string) => <StatusTag value={v} namespace="profiles.status" />} />
        <Table.Column<UserRow>
          title={t('table.actions')}
          render={(_, r) => (
            <Space>
              <EditButton hideText size="small" recordItemId={r.id} />
              {r.status === 'active' && (
                <Popconfirm title={t('profiles.confirmDeactivate')} onConfirm={() => void deactivate(r.id)}>
                  <Button size="small" danger>{t('profiles.actions.deactivate')}</Button>
                </Popconfirm>
              )}
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
