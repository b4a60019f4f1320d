// Supabase clients for functions: the user client acts as the caller (their Authorization header is
// forwarded, so RLS applies); the admin client uses the service role and bypasses RLS — use it only
// after checking what the caller may do.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';

const url = () => Deno.env.get('SUPABASE_URL')!;
const noSession = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };

export function userClient(req: Request): SupabaseClient {
  const authorization = req.headers.get('Authorization') ?? '';
  return createClient(url(), Deno.env.get('SUPABASE_ANON_KEY')!, {
    auth: noSession,
    global: { headers: { Authorization: authorization } },
  });
}

export function adminClient(): SupabaseClient {
  return createClient(url(), Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!, { auth: noSession });
}

/** The caller's bearer token, as sent. */
export function bearerToken(req: Request): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.get('Authorization') ?? '');
  return m?.[1];
}
