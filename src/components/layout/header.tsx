// Top bar: the user's name and role, language and theme switches, the notification bell, sign out.
import { Layout, Space, Switch, Tag, Typography, Button, theme } from 'antd';
import { LogoutOutlined, MoonOutlined, SunOutlined } from '@ant-design/icons';
import { useLogout } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { useThemeMode } from './app-theme.tsx';

export function Header() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { mode, toggle } = useThemeMode();
  const { mutate: logout } = useLogout();
  const { token } = theme.useToken();
  return (
    <Layout.Header
      style={{
        background: token.colorBgElevated,
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'center',
        padding: '0 24px',
        height: 64,
        position: 'sticky',
        top: 0,
        zIndex: 1,
      }}
    >
      <Space size="middle">
        <LanguageSwitch />
        <Switch
          checked={mode === 'dark'}
          onChange={toggle}
          checkedChildren={<MoonOutlined />}
          unCheckedChildren={<SunOutlined />}
          aria-label={t('layout.theme')}
        />
        <NotificationBell />
        {user && (
          <Space size={4} data-testid="current-user">
            <Typography.Text strong>{user.name}</Typography.Text>
            {user.roles.slice(0, 2).map((r) => (
              <Tag key={r} color="blue">
                {t(`roles.${r}`)}
              </Tag>
            ))}
          </Space>
        )}
        <Button type="text" icon={<LogoutOutlined />} onClick={() => logout()} data-testid="logout">
          {t('auth.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
