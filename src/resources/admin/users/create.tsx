import { Form, Input } from 'antd';
import { Create } from '@refinedev/antd';
import { useGo } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useApiMessage } from '../../../hooks/use-api-message.ts';
import { adminUsers, type UserFields } from './admin-users-api.ts';
import { UserFormFields } from './user-form-fields.tsx';

export default function UserCreate() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const go = useGo();
  const apiMessage = useApiMessage();
  const [busy, setBusy] = useState(false);
  const onFinish = async (values: UserFields & { email: string; password: string }) => {
    setBusy(true);
    try {
      await adminUsers({ action: 'create', ...values });
      apiMessage.success(t('profiles.created'));
      go({ to: '/admin/users' });
    } catch (error) {
      apiMessage.error(error);
      const code = (error as { code?: string }).code;
      if (code === 'email_exists' || code === '23505') form.setFields([{ name: 'email', errors: [t('profiles.errors.email_exists')] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Create breadcrumb={false} title={t('profiles.actions.create')} saveButtonProps={{ loading: busy, onClick: () => form.submit() }}>
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 520 }}>
        <Form.Item name="email" label={t('profiles.fields.email')} rules={[{ required: true, type: 'email', message: t('auth.errors.emailRequired') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('auth.fields.password')} rules={[{ required: true, min: 8, message: t('auth.errors.passwordMin') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <UserFormFields />
      </Form>
    </Create>
  );
}
