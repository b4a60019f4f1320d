// Reached from the reset mail: supabase-js reads the recovery session from the URL, then the user
// picks a new password.
import { Alert, Button, Form } from 'antd';
import { useUpdatePassword } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { AuthCard } from './auth-card.tsx';
import { PasswordFields } from '../../components/password-fields.tsx';

export default function UpdatePasswordPage() {
  const { t } = useTranslation();
  const { mutate, isPending, data } = useUpdatePassword<{ password: string }>();
  return (
    <AuthCard title={t('auth.update.title')}>
      {data && !data.success && <Alert type="error" showIcon message={data.error?.message} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={(values: { password: string }) => mutate({ password: values.password })}>
        <PasswordFields />
        <Button type="primary" htmlType="submit" block loading={isPending}>
          {t('auth.update.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
