import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useLogin } from '@refinedev/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthCard } from './auth-card.tsx';
import { takeExpiredNotice } from '../../providers/auth-events.ts';

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [expired] = useState(() => takeExpiredNotice() || params.has('expired'));
  const { mutate: login, isPending, data } = useLogin<{ email: string; password: string }>();
  const failed = data && !data.success ? data.error?.message : undefined;
  return (
    <AuthCard title={t('auth.login.title')}>
      {expired && <Alert type="warning" showIcon message={t('auth.expired')} style={{ marginBottom: 16 }} />}
      {failed && <Alert type="error" showIcon message={failed} data-testid="login-error" style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={(values) => login(values)} requiredMark={false}>
        <Form.Item name="email" label={t('auth.fields.email')} rules={[{ required: true, type: 'email', message: t('auth.errors.emailRequired') }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.fields.password')} rules={[{ required: true, message: t('auth.errors.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={isPending}>
          {t('auth.login.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <Link to="/forgot-password">{t('auth.forgot.link')}</Link>
      </div>
    </AuthCard>
  );
}
