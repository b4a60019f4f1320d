// The sider menu: resources grouped by meta.parent, labels translated from their meta.label keys,
// and only what the user's roles may list (the same permission table as can()).
import { useState } from 'react';
import { Layout, Menu, type MenuProps } from 'antd';
import { useMenu, type TreeMenuItem } from '@refinedev/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { isAllowed } from '../../providers/permissions.ts';
import type { AppRole } from '../../providers/roles.ts';
import { Title } from './title.tsx';

type Item = Required<MenuProps>['items'][number];

function toItems(items: TreeMenuItem[], roles: AppRole[], t: (k: string) => string): Item[] {
  return items
    .filter((item) => isAllowed(roles, item.name, 'list'))
    .map((item) => {
      const label = t(String(item.meta?.label ?? item.label ?? item.name));
      if (item.children.length > 0) {
        return { key: item.key, icon: item.meta?.icon, label, children: toItems(item.children, roles, t) };
      }
      return { key: item.key, icon: item.meta?.icon, label: <Link to={item.route ?? '/'}>{label}</Link> };
    })
    .filter((item) => !('children' in item) || (item.children?.length ?? 0) > 0);
}

export function Sider() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { menuItems, selectedKey, defaultOpenKeys } = useMenu();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="light" width={220} style={{ minHeight: '100vh' }}>
      <div style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 16px' }}>
        <Title collapsed={collapsed} />
      </div>
      <Menu
        mode="inline"
        selectedKeys={selectedKey ? [selectedKey] : []}
        defaultOpenKeys={defaultOpenKeys.length ? defaultOpenKeys : ['workspace', 'admin']}
        items={me ? toItems(menuItems, me.roles, t) : []}
        style={{ borderInlineEnd: 0 }}
      />
    </Layout.Sider>
  );
}
