// The app roles of the database's app_role enum, and reading them from the access token
// (the custom access token hook puts them in app_metadata.app_roles).
export const APP_ROLES = [
  'admin', 'general_manager', 'dept_manager', 'deputy_manager', 'group_leader', 'salesperson', 'merchandiser',
  'researcher', 'cs_specialist', 'planner', 'legal', 'hr', 'finance', 'archivist',
] as const;
export type AppRole = (typeof APP_ROLES)[number];

export function rolesFromAccessToken(token: string | undefined): AppRole[] {
  if (!token) return [];
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(decodeURIComponent(escape(atob(payload)))) as {
      app_metadata?: { app_roles?: unknown };
    };
    const roles = claims.app_metadata?.app_roles;
    return Array.isArray(roles) ? roles.filter((r): r is AppRole => (APP_ROLES as readonly string[]).includes(r)) : [];
  } catch {
    return [];
  }
}
