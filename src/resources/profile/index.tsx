// My profile: own details, phone change (the database lets people edit their own contact fields
// only), password change, and my files.
import { Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useForm } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { PasswordFields } from '../../components/password-fields.tsx';
import { FileUpload } from '../../components/file-upload/index.tsx';
import { supabase } from '../../providers/supabase-client.ts';

interface ProfileRow {
  id: string;
  full_name: string;
  email: string;
  title: string | null;
  position: string | null;
  phone: string | null;
  group: { name: string } | null;
}

function ChangePassword() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const apiMessage = useApiMessage();
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 360 }}
      onFinish={async ({ password }: { password: string }) => {
        setBusy(true);
        const { error } = await supabase.auth.updateUser({ password });
        setBusy(false);
        if (error) return apiMessage.error(error);
        form.resetFields();
        apiMessage.success(t('auth.update.done'));
      }}
    >
      <PasswordFields />
      <Button htmlType="submit" loading={busy}>{t('profile.actions.changePassword')}</Button>
    </Form>
  );
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { formProps, saveButtonProps, query } = useForm<ProfileRow>({
    resource: 'profiles',
    id: me?.id,
    action: 'edit',
    redirect: false,
    meta: { select: 'id, full_name, email, title, position, phone, group:business_groups!profiles_group_id_fkey(name)' },
    queryOptions: { enabled: Boolean(me) },
    successNotification: () => ({ type: 'success', message: t('profile.saved') }),
  });
  const p = query?.data?.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('profile.title')} loading={!p}>
        {p && (
          <Descriptions column={{ xs: 1, md: 2 }} data-testid="profile-details">
            <Descriptions.Item label={t('profiles.fields.full_name')}>{p.full_name}</Descriptions.Item>
            <Descriptions.Item label={t('profiles.fields.email')}>{p.email}</Descriptions.Item>
            <Descriptions.Item label={t('profiles.fields.title')}>{p.title}</Descriptions.Item>
            <Descriptions.Item label={t('profiles.fields.position')}>{p.position}</Descriptions.Item>
            <Descriptions.Item label={t('profiles.fields.group_id')}>{p.group?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('profiles.fields.roles')}>
              {me?.roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>)}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title={t('profile.contact')}>
        <Form
          {...formProps}
          layout="vertical"
          style={{ maxWidth: 360 }}
          onFinish={(values) => formProps.onFinish?.({ phone: (values as ProfileRow).phone || null })}
        >
          <Form.Item name="phone" label={t('profiles.fields.phone')} rules={[{ pattern: /^\+?[0-9][0-9 -]{5,19}$/, message: t('errors.phone') }]}>
            <Input data-testid="phone-input" />
          </Form.Item>
          <Button type="primary" {...saveButtonProps}>{t('buttons.save')}</Button>
        </Form>
      </Card>
      <Card title={t('profile.password')}>
        <ChangePassword />
      </Card>
      {me && (
        <Card title={t('profile.files')}>
          <FileUpload bucket="attachments" folder={`users/${me.id}`} maxSizeMb={10} canDelete />
        </Card>
      )}
    </Space>
  );
}
