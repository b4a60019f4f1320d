// Every routed page, loaded lazily so the sign-in page downloads only what it needs.
import { lazy } from 'react';

// The signed-in frame (sider, header, bell) is not needed by the sign-in page either.
export const AppLayout = lazy(() => import('../components/layout/app-layout.tsx').then((m) => ({ default: m.AppLayout })));
export const LoginPage = lazy(() => import('./auth/login.tsx'));
export const ForgotPasswordPage = lazy(() => import('./auth/forgot-password.tsx'));
export const UpdatePasswordPage = lazy(() => import('./auth/update-password.tsx'));
export const HomePage = lazy(() => import('./home/index.tsx'));
export const InboxPage = lazy(() => import('./inbox/index.tsx'));
export const NotificationsPage = lazy(() => import('./notifications/index.tsx'));
export const ProfilePage = lazy(() => import('./profile/index.tsx'));
export const UserList = lazy(() => import('./admin/users/list.tsx'));
export const UserCreate = lazy(() => import('./admin/users/create.tsx'));
export const UserEdit = lazy(() => import('./admin/users/edit.tsx'));
export const GroupList = lazy(() => import('./admin/groups/list.tsx'));
export const GroupCreate = lazy(() => import('./admin/groups/create.tsx'));
export const GroupEdit = lazy(() => import('./admin/groups/edit.tsx'));
export const WorkflowList = lazy(() => import('./admin/workflows/list.tsx'));
export const WorkflowCreate = lazy(() => import('./admin/workflows/create.tsx'));
export const WorkflowEdit = lazy(() => import('./admin/workflows/edit.tsx'));
export const CustomerList = lazy(() => import('./customers/list.tsx'));
export const CustomerCreate = lazy(() => import('./customers/create.tsx'));
export const CustomerEdit = lazy(() => import('./customers/edit.tsx'));
export const CustomerShow = lazy(() => import('./customers/show.tsx'));
export const QuotationList = lazy(() => import('./quotations/list.tsx'));
export const QuotationCreate = lazy(() => import('./quotations/create.tsx'));
export const QuotationEdit = lazy(() => import('./quotations/edit.tsx'));
export const QuotationShow = lazy(() => import('./quotations/show.tsx'));
export const ProductList = lazy(() => import('./products/list.tsx'));
export const ProductCreate = lazy(() => import('./products/create.tsx'));
export const ProductEdit = lazy(() => import('./products/edit.tsx'));
export const ContractList = lazy(() => import('./contracts/list.tsx'));
export const ContractCreate = lazy(() => import('./contracts/create.tsx'));
export const ContractEdit = lazy(() => import('./contracts/edit.tsx'));
export const ContractShow = lazy(() => import('./contracts/show.tsx'));
export const ReceivablesPage = lazy(() => import('./receivables/index.tsx'));
export const NotFoundPage = lazy(() => import('./errors/not-found.tsx'));
