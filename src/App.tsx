import { Suspense } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { Authenticated, Refine } from '@refinedev/core';
import { useNotificationProvider } from './providers/notification-provider.ts';
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, NavigateToResource } from '@refinedev/react-router';
import { Spin } from 'antd';
import '@refinedev/antd/dist/reset.css';
import { resources } from './config/resources.tsx';
import { authProvider } from './providers/auth-provider.ts';
import { accessControlProvider } from './providers/access-control.ts';
import { dataProvider } from './providers/data-provider.ts';
import { i18nProvider } from './providers/i18n.ts';
import { AppTheme } from './components/layout/app-theme.tsx';
import * as Page from './resources/pages.ts';

export default function App() {
  return (
    <BrowserRouter>
      <AppTheme>
        <Refine
          dataProvider={dataProvider}
          authProvider={authProvider}
          accessControlProvider={accessControlProvider}
          i18nProvider={i18nProvider}
          routerProvider={routerProvider}
          notificationProvider={useNotificationProvider}
          resources={resources}
          options={{ syncWithLocation: true, warnWhenUnsavedChanges: true, disableTelemetry: true }}
        >
          <Suspense fallback={<Spin fullscreen />}>
            <Routes>
              <Route
                element={
                  <Authenticated key="app" fallback={<CatchAllNavigate to="/login" />}>
                    <Page.AppLayout />
                  </Authenticated>
                }
              >
                <Route index element={<Page.HomePage />} />
                <Route path="/inbox" element={<Page.InboxPage />} />
                <Route path="/notifications" element={<Page.NotificationsPage />} />
                <Route path="/profile" element={<Page.ProfilePage />} />
                <Route path="/admin/users">
                  <Route index element={<Page.UserList />} />
                  <Route path="create" element={<Page.UserCreate />} />
                  <Route path="edit/:id" element={<Page.UserEdit />} />
                </Route>
                <Route path="/admin/groups">
                  <Route index element={<Page.GroupList />} />
                  <Route path="create" element={<Page.GroupCreate />} />
                  <Route path="edit/:id" element={<Page.GroupEdit />} />
                </Route>
                <Route path="/admin/workflows">
                  <Route index element={<Page.WorkflowList />} />
                  <Route path="create" element={<Page.WorkflowCreate />} />
                  <Route path="edit/:id" element={<Page.WorkflowEdit />} />
                </Route>
                <Route path="/admin/data">
                  <Route index element={<Page.TableListPage />} />
                  <Route path=":table" element={<Page.TableEditorPage />} />
                </Route>
                <Route path="/customers">
                  <Route index element={<Page.CustomerList />} />
                  <Route path="create" element={<Page.CustomerCreate />} />
                  <Route path="edit/:id" element={<Page.CustomerEdit />} />
                  <Route path="show/:id" element={<Page.CustomerShow />} />
                </Route>
                <Route path="/quotations">
                  <Route index element={<Page.QuotationList />} />
                  <Route path="create" element={<Page.QuotationCreate />} />
                  <Route path="edit/:id" element={<Page.QuotationEdit />} />
                  <Route path="show/:id" element={<Page.QuotationShow />} />
                </Route>
                <Route path="/products">
                  <Route index element={<Page.ProductList />} />
                  <Route path="create" element={<Page.ProductCreate />} />
                  <Route path="edit/:id" element={<Page.ProductEdit />} />
                </Route>
                <Route path="/contracts">
                  <Route index element={<Page.ContractList />} />
                  <Route path="create" element={<Page.ContractCreate />} />
                  <Route path="edit/:id" element={<Page.ContractEdit />} />
                  <Route path="show/:id" element={<Page.ContractShow />} />
                </Route>
                <Route path="/receivables" element={<Page.ReceivablesPage />} />
                <Route path="/hr/agreements" element={<Page.AgreementsPage />} />
                <Route path="/handovers">
                  <Route index element={<Page.HandoverList />} />
                  <Route path=":id" element={<Page.HandoverShow />} />
                </Route>
                <Route path="/documents">
                  <Route index element={<Page.DocumentList />} />
                  <Route path="show/:id" element={<Page.DocumentShow />} />
                  <Route path="access/:id" element={<Page.DocumentAccessRequestShow />} />
                  <Route path="loans" element={<Page.LoanList />} />
                </Route>
                <Route path="*" element={<Page.NotFoundPage />} />
              </Route>
              <Route
                element={
                  <Authenticated key="guest" fallback={<Outlet />}>
                    <NavigateToResource resource="home" />
                  </Authenticated>
                }
              >
                <Route path="/login" element={<Page.LoginPage />} />
                <Route path="/forgot-password" element={<Page.ForgotPasswordPage />} />
              </Route>
              {/* The reset link signs the user in with a recovery session, so this page is outside both guards. */}
              <Route path="/update-password" element={<Page.UpdatePasswordPage />} />
            </Routes>
          </Suspense>
          <DocumentTitleHandler handler={() => 'BizDesk'} />
        </Refine>
      </AppTheme>
    </BrowserRouter>
  );
}
