// admin-users: administrators create people (auth user + profile + roles + group in one step),
// change their roles, group and details, and deactivate or reactivate their sign-in.
// Everyone else is refused. Errors: { error: { code, message } } with an HTTP status.
import { json, preflight } from '../_shared/cors.ts';
import { adminClient, bearerToken } from '../_shared/clients.ts';
import { parseAction, type Action } from './validate.ts';
import { handover } from './handover.ts';

const BANNED_FOREVER = '876000h';

function fail(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, status);
}

async function callerIsAdmin(req: Request): Promise<{ id: string } | Response> {
  const token = bearerToken(req);
  if (!token) return fail(401, 'unauthorized', 'sign in first');
  const admin = adminClient();
  const { data, error } = await admin.auth.getUser(token);
  if (error || !data.user) return fail(401, 'unauthorized', 'the session is not valid');
  const { data: rows, error: roleError } = await admin
    .from('user_roles')
    .select('role, profiles!inner(status)')
    .eq('user_id', data.user.id)
    .eq('role', 'admin')
    .eq('profiles.status', 'active');
  if (roleError) return fail(500, 'internal', roleError.message);
  if (!rows?.length) return fail(403, 'forbidden', 'only administrators can manage users');
  return { id: data.user.id };
}

async function savePerson(fields: Record<string, unknown>, actingUser: string) {
  return adminClient().rpc('admin_save_person', { ...fields, acting_user: actingUser }).single();
}

async function run(action: Action, callerId: string): Promise<Response> {
  const admin = adminClient();
  switch (action.action) {
    case 'create': {
      const { data, error } = await admin.auth.admin.createUser({
        email: action.email,
        password: action.password,
        email_confirm: true,
        user_metadata: { full_name: action.full_name },
      });
      if (error || !data.user) return fail(error?.status ?? 400, error?.code ?? 'auth_error', error?.message ?? 'cannot create user');
      const saved = await savePerson({
        user_id: data.user.id, email: action.email, full_name: action.full_name, roles: action.roles,
        group_id: action.group_id, title: action.title, position: action.position, phone: action.phone,
        manager_id: action.manager_id,
      }, callerId);
      if (saved.error) {
        // Keep it one step: no auth user without a profile.
        await admin.auth.admin.deleteUser(data.user.id);
        return fail(400, saved.error.code ?? 'invalid', saved.error.message);
      }
      return json({ user: saved.data }, 201);
    }
    case 'update': {
      const saved = await savePerson({
        user_id: action.user_id, full_name: action.full_name, roles: action.roles, group_id: action.group_id,
        title: action.title, position: action.position, phone: action.phone, manager_id: action.manager_id,
      }, callerId);
      if (saved.error) return fail(400, saved.error.code ?? 'invalid', saved.error.message);
      return json({ user: saved.data });
    }
    case 'handover':
      return fail(400, 'validation_failed', 'unexpected action');
    case 'deactivate':
    case 'activate': {
      if (action.user_id === callerId) return fail(400, 'self_deactivation', 'administrators cannot deactivate themselves');
      const banned = action.action === 'deactivate';
      const { error } = await admin.auth.admin.updateUserById(action.user_id, { ban_duration: banned ? BANNED_FOREVER : 'none' });
      if (error) return fail(error.status ?? 400, error.code ?? 'auth_error', error.message);
      const saved = await savePerson({ user_id: action.user_id, status: banned ? 'left' : 'active' }, callerId);
      if (saved.error) return fail(400, saved.error.code ?? 'invalid', saved.error.message);
      return json({ user: saved.data });
    }
  }
}

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return preflight();
  if (req.method !== 'POST') return fail(405, 'method_not_allowed', 'use POST');
  let body: unknown;
  try {
    body = await req.clone().json();
  } catch {
    body = undefined;
  }
  // The handover is not admins-only: its RPC checks HR / department manager as the caller.
  if ((body as { action?: unknown } | undefined)?.action === 'handover') {
    const action = parseAction(body);
    if ('error' in action) return fail(400, action.code, action.error);
    if (action.action === 'handover') return handover(req, action);
  }
  const caller = await callerIsAdmin(req);
  if (caller instanceof Response) return caller;
  if (body === undefined) return fail(400, 'invalid_json', 'the request body is not JSON');
  const action = parseAction(body);
  if ('error' in action) return fail(action.code === 'weak_password' ? 422 : 400, action.code, action.error);
  if (action.action === 'handover') return fail(400, 'validation_failed', 'unexpected action');
  return run(action, caller.id);
});
