// Who a confidential document is shared with (people or roles); writers add and remove shares.
import { useState } from 'react';
import { Button, Card, List, Popconfirm, Select, Space, Tag, type SelectProps } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useSelect } from '@refinedev/antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { supabase } from '../../providers/supabase-client.ts';
import { APP_ROLES } from '../../providers/roles.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';

interface ShareRow { id: string; user_id: string | null; role: string | null; user?: { full_name: string } | null }

export function SharesCard({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [target, setTarget] = useState<string | undefined>();
  const shares = useQuery({
    queryKey: ['document-shares', documentId],
    queryFn: async () => {
      const { data, error } = await supabase.from('document_shares').select('id, user_id, role, user:profiles(full_name)')
        .eq('document_id', documentId).order('created_at');
      if (error) throw error;
      return data as unknown as ShareRow[];
    },
  });
  const { selectProps } = useSelect({
    resource: 'profiles', optionLabel: 'full_name', optionValue: 'id',
    filters: [{ field: 'status', operator: 'eq', value: 'active' }],
    onSearch: (v) => [{ field: 'full_name', operator: 'contains', value: v }],
  });
  const options = [
    { label: t('documents.shares.people'), options: selectProps.options ?? [] },
    { label: t('documents.shares.roles'), options: APP_ROLES.map((r) => ({ value: `role:${r}`, label: t(`roles.${r}`) })) },
  ];
  const add = async () => {
    if (!target) return;
    const row = target.startsWith('role:') ? { role: target.slice(5) } : { user_id: target };
    const { error } = await supabase.from('document_shares').insert({ document_id: documentId, ...row });
    if (error) return apiMessage.error(error);
    setTarget(undefined);
    void shares.refetch();
  };
  const remove = async (id: string) => {
    const { error } = await supabase.from('document_shares').delete().eq('id', id);
    if (error) return apiMessage.error(error);
    void shares.refetch();
  };
  return (
    <Card size="small" title={t('documents.shares.title')} data-testid="shares-card">
      <Space.Compact style={{ marginBottom: 8 }}>
        <Select {...(selectProps as SelectProps)} options={options} showSearch allowClear style={{ width: 240 }} value={target}
          onChange={(v?: string) => setTarget(v)} placeholder={t('documents.shares.pick')} data-testid="share-target" />
        <Button onClick={() => void add()} disabled={!target} data-testid="share-add">{t('documents.shares.add')}</Button>
      </Space.Compact>
      <List size="small" loading={shares.isLoading} dataSource={shares.data ?? []} locale={{ emptyText: t('documents.shares.none') }}
        renderItem={(s) => (
          <List.Item data-testid="share-item" actions={[
            <Popconfirm key="rm" title={t('documents.shares.confirmRemove')} onConfirm={() => void remove(s.id)}>
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('buttons.delete')} />
            </Popconfirm>,
          ]}>
            {s.role ? <Tag color="purple">{t(`roles.${s.role}`)}</Tag> : s.user?.full_name}
          </List.Item>
        )} />
    </Card>
  );
}
