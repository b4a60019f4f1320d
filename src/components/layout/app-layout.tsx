// The signed-in frame: our sider and header around the routed page, which is checked by can().
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Layout, Spin } from 'antd';
import { CanAccess } from '@refinedev/core';
import { Forbidden } from '../forbidden.tsx';
import { Header } from './header.tsx';
import { Sider } from './sider.tsx';

export function AppLayout() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider />
      <Layout>
        <Header />
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin />}>
            {/* Route-level access control: the current route's resource and action. */}
            <CanAccess fallback={<Forbidden />}>
              <Outlet />
            </CanAccess>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
