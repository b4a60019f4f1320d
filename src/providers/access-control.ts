// Refine's access control: can() answers from the signed-in user's roles and the permission table.
import type { AccessControlProvider } from '@refinedev/core';
import { supabase } from './supabase-client.ts';
import { rolesFromAccessToken } from './roles.ts';
import { isAllowed } from './permissions.ts';
import { i18n } from './i18n.ts';

export const accessControlProvider: AccessControlProvider = {
  async can({ resource, action }) {
    const { data } = await supabase.auth.getSession();
    const roles = rolesFromAccessToken(data.session?.access_token);
    const can = isAllowed(roles, resource, action);
    return can ? { can } : { can, reason: i18n.t('errors.forbidden') };
  },
  options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
};
