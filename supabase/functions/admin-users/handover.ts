// Departure handover (离职交接): HR or the department manager moves everything the leaver owns to a
// receiver (the handover_person RPC, run as the caller so the database checks their role and
// records them on the sheet), then the leaver's sign-in is blocked for good.
import { json } from '../_shared/cors.ts';
import { adminClient, bearerToken, userClient } from '../_shared/clients.ts';

const BANNED_FOREVER = '876000h';

function fail(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, status);
}

export async function handover(
  req: Request,
  action: { leaver_id: string; receiver_id: string; note?: string },
): Promise<Response> {
  const token = bearerToken(req);
  if (!token) return fail(401, 'unauthorized', 'sign in first');
  const { data: auth, error: authError } = await adminClient().auth.getUser(token);
  if (authError || !auth.user) return fail(401, 'unauthorized', 'the session is not valid');
  const { data: sheet, error } = await userClient(req)
    .rpc('handover_person', { leaver: action.leaver_id, receiver: action.receiver_id, note: action.note ?? null })
    .single();
  if (error) {
    const status = error.code === 'DC003' ? 403 : error.code === 'DC004' ? 400 : 500;
    return fail(status, status === 403 ? 'forbidden' : status === 400 ? 'invalid' : 'internal', error.message);
  }
  const { error: banError } = await adminClient().auth.admin.updateUserById(action.leaver_id, { ban_duration: BANNED_FOREVER });
  if (banError) return fail(banError.status ?? 500, banError.code ?? 'auth_error', banError.message);
  return json({ handover: sheet });
}
