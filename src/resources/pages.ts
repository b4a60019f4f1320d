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
export const NotFoundPage = lazy(() => import('./errors/not-found.tsx'));
