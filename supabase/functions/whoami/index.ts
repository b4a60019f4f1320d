// whoami: who the caller is. The runtime has verified the JWT (verify_jwt = true); the user record
// comes from the auth API through a client that forwards the caller's own Authorization header.
import { json, preflight } from '../_shared/cors.ts';
import { bearerToken, userClient } from '../_shared/clients.ts';

/** The claims of a JWT the runtime already verified (payload only, no signature check here). */
function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return preflight();
  const token = bearerToken(req);
  if (!token) return json({ error: 'missing bearer token' }, 401);
  const claims = claimsOf(token);
  // Only a signed-in user has a user record; anon and service_role keys carry no `sub`.
  const { data, error } = claims.sub ? await userClient(req).auth.getUser() : { data: { user: null }, error: null };
  if (error) return json({ error: error.message }, error.status ?? 500);
  return json({
    id: claims.sub ?? null,
    email: claims.email ?? null,
    role: claims.role ?? null,
    aal: claims.aal ?? null,
    app_metadata: claims.app_metadata ?? null,
    user: data.user,
  });
});
