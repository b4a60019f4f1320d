// Shortcuts on the home page per role: each points at a route and is shown when can() allows it.
export interface QuickLink {
  key: string;
  to: string;
  resource: string;
}

export const QUICK_LINKS: QuickLink[] = [
  { key: 'inbox', to: '/inbox', resource: 'inbox' },
  { key: 'notifications', to: '/notifications', resource: 'notifications' },
  { key: 'profile', to: '/profile', resource: 'profile' },
  { key: 'users', to: '/admin/users', resource: 'profiles' },
  { key: 'groups', to: '/admin/groups', resource: 'business_groups' },
  { key: 'workflows', to: '/admin/workflows', resource: 'workflow_definitions' },
];
