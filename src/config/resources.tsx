// Every resource of the app, declared once: name = table (or a page key), menu group (meta.parent),
// menu label (an i18n key), icon and routes. Module resources are added here as modules land.
import type { ResourceProps } from '@refinedev/core';
import {
  ApartmentOutlined, AppstoreOutlined, BellOutlined, BranchesOutlined, CheckSquareOutlined, HomeOutlined,
  SettingOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';

export const resources: ResourceProps[] = [
  { name: 'workspace', meta: { label: 'menu.workspace', icon: <AppstoreOutlined /> } },
  { name: 'home', list: '/', meta: { parent: 'workspace', label: 'home.title', icon: <HomeOutlined /> } },
  { name: 'inbox', list: '/inbox', meta: { parent: 'workspace', label: 'inbox.title', icon: <CheckSquareOutlined /> } },
  {
    name: 'notifications',
    list: '/notifications',
    meta: { parent: 'workspace', label: 'notifications.title', icon: <BellOutlined /> },
  },
  { name: 'profile', list: '/profile', meta: { parent: 'workspace', label: 'profile.title', icon: <UserOutlined /> } },

  { name: 'admin', meta: { label: 'menu.admin', icon: <SettingOutlined /> } },
  {
    name: 'profiles',
    list: '/admin/users',
    create: '/admin/users/create',
    edit: '/admin/users/edit/:id',
    meta: { parent: 'admin', label: 'profiles.title', icon: <TeamOutlined /> },
  },
  {
    name: 'business_groups',
    list: '/admin/groups',
    create: '/admin/groups/create',
    edit: '/admin/groups/edit/:id',
    meta: { parent: 'admin', label: 'business_groups.title', icon: <ApartmentOutlined /> },
  },
  {
    name: 'workflow_definitions',
    list: '/admin/workflows',
    create: '/admin/workflows/create',
    edit: '/admin/workflows/edit/:id',
    meta: { parent: 'admin', label: 'workflow_definitions.title', icon: <BranchesOutlined /> },
  },
];
