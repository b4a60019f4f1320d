// Refine's auth provider over supabase-js auth. A 401 / expired JWT sends the user back to the
// login page with a message; RLS refusals (42501) are errors shown in place, not a logout.
import type { AuthProvider } from '@refinedev/core';
import { supabase } from './supabase-client.ts';
import { rolesFromAccessToken, type AppRole } from './roles.ts';
import { i18n } from './i18n.ts';
import { translateError } from './error-messages.ts';
import { forgetSignedIn, rememberSignedIn, sessionExpired } from './auth-events.ts';

export interface Identity {
  id: string;
  email: string;
  name: string;
  roles: AppRole[];
}

const fail = (error: unknown, name: string) => ({
  success: false as const,
  error: { name: i18n.t(name), message: translateError(error) },
});

export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    const { error } = await supabase.auth.signInWithPassword({ email, password });
    if (error) return fail(error, 'auth.errors.loginFailed');
    rememberSignedIn();
    return { success: true, redirectTo: '/' };
  },
  async logout() {
    forgetSignedIn();
    await supabase.auth.signOut({ scope: 'local' });
    return { success: true, redirectTo: '/login' };
  },
  async forgotPassword({ email }: { email: string }) {
    const { error } = await supabase.auth.resetPasswordForEmail(email, {
      redirectTo: `${window.location.origin}/update-password`,
    });
    if (error) return fail(error, 'auth.errors.forgotFailed');
    return { success: true };
  },
  async updatePassword({ password }: { password: string }) {
    const { error } = await supabase.auth.updateUser({ password });
    if (error) return fail(error, 'auth.errors.updatePasswordFailed');
    return { success: true, redirectTo: '/', successNotification: { message: i18n.t('auth.update.done') } };
  },
  async check() {
    const { data } = await supabase.auth.getSession();
    if (data.session) {
      rememberSignedIn();
      return { authenticated: true };
    }
    sessionExpired();
    return { authenticated: false, redirectTo: '/login' };
  },
  async onError(error: { statusCode?: number; status?: number; code?: string }) {
    const status = error?.statusCode ?? error?.status;
    if (status === 401 || error?.code === 'PGRST301' || error?.code === 'PGRST303') {
      forgetSignedIn();
      await supabase.auth.signOut({ scope: 'local' });
      return { logout: true, redirectTo: '/login?expired=1', error: { name: 'auth', message: i18n.t('auth.expired') } };
    }
    return {};
  },
  async getIdentity(): Promise<Identity | null> {
    const { data } = await supabase.auth.getSession();
    const session = data.session;
    if (!session) return null;
    const { data: profile } = await supabase.from('profiles').select('full_name').eq('id', session.user.id).maybeSingle();
    return {
      id: session.user.id,
      email: session.user.email ?? '',
      name: profile?.full_name ?? session.user.email ?? '',
      roles: rolesFromAccessToken(session.access_token),
    };
  },
  async getPermissions() {
    const { data } = await supabase.auth.getSession();
    return rolesFromAccessToken(data.session?.access_token);
  },
};
