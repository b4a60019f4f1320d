// Edit a group, and see its members (people are moved between groups on the users page).
import { Card, List as AntList } from 'antd';
import { Edit, useForm } from '@refinedev/antd';
import { useList } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { GroupForm } from './group-form.tsx';

interface GroupRecord {
  id: string;
  leader_id?: string;
  deputy_id?: string;
}

export default function GroupEdit() {
  const { t } = useTranslation();
  const { formProps, saveButtonProps, query, id } = useForm<GroupRecord>({ resource: 'business_groups', action: 'edit', redirect: 'list' });
  const members = useList<{ id: string; full_name: string; position: string | null }>({
    resource: 'profiles',
    filters: [{ field: 'group_id', operator: 'eq', value: id }],
    pagination: { mode: 'off' },
    queryOptions: { enabled: Boolean(id) },
  });
  return (
    <Edit breadcrumb={false} saveButtonProps={saveButtonProps} isLoading={query?.isLoading}>
      <GroupForm formProps={formProps} record={query?.data?.data} />
      <Card size="small" title={t('business_groups.fields.members')} style={{ maxWidth: 520 }}>
        <AntList
          size="small"
          dataSource={members.result?.data ?? []}
          renderItem={(m) => (
            <AntList.Item>
              {m.full_name} <span>{m.position}</span>
            </AntList.Item>
          )}
        />
      </Card>
    </Edit>
  );
}
