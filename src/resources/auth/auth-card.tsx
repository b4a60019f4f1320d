// The centred card every sign-in screen sits in, with the language switch.
import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/layout/language-switch.tsx';

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Card style={{ width: 380 }} extra={<LanguageSwitch />} title={t('app.name')}>
        <Typography.Title level={4}>{title}</Typography.Title>
        {children}
      </Card>
    </Flex>
  );
}
