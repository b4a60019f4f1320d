// Calls the admin-users edge function; its errors ({error: {code, message}}) come back as thrown
// objects the error translator understands.
import { FunctionsHttpError } from '@supabase/supabase-js';
import { supabase } from '../../../providers/supabase-client.ts';
import type { AppRole } from '../../../providers/roles.ts';

export interface UserFields {
  full_name?: string;
  phone?: string | null;
  title?: string | null;
  position?: string | null;
  group_id?: string | null;
  roles?: AppRole[];
}

export type AdminUsersBody =
  | ({ action: 'create'; email: string; password: string } & UserFields)
  | ({ action: 'update'; user_id: string } & UserFields)
  | { action: 'deactivate'; user_id: string };

export async function adminUsers(body: AdminUsersBody): Promise<unknown> {
  const { data, error } = await supabase.functions.invoke('admin-users', { body });
  if (error) {
    if (error instanceof FunctionsHttpError) {
      const res = error.context as Response;
      const payload = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
      throw { status: res.status, code: payload.error?.code, message: payload.error?.message, hint: payload.error?.code ? `profiles.errors.${payload.error.code}` : undefined };
    }
    throw error;
  }
  return (data as { user?: unknown }).user;
}
