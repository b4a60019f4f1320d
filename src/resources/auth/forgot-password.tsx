import { Alert, Button, Form, Input } from 'antd';
import { useForgotPassword } from '@refinedev/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthCard } from './auth-card.tsx';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { mutate, isPending, data } = useForgotPassword<{ email: string }>();
  return (
    <AuthCard title={t('auth.forgot.title')}>
      {data?.success && <Alert type="success" showIcon message={t('auth.forgot.sent')} style={{ marginBottom: 16 }} />}
      {data && !data.success && <Alert type="error" showIcon message={data.error?.message} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={(values) => mutate(values)}>
        <Form.Item name="email" label={t('auth.fields.email')} rules={[{ required: true, type: 'email', message: t('auth.errors.emailRequired') }]}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={isPending}>
          {t('auth.forgot.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <Link to="/login">{t('auth.login.back')}</Link>
      </div>
    </AuthCard>
  );
}
