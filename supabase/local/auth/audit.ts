// auth.audit_log_entries rows with GoTrue's payload shape.
import type { DbSession } from '../db/types.ts';
import { NIL_UUID, type User } from './users.ts';

const LOG_TYPES: Record<string, string> = {
  login: 'account',
  logout: 'account',
  login_failed: 'account',
  user_signedup: 'team',
  user_invited: 'team',
  user_deleted: 'team',
  token_revoked: 'token',
  token_refreshed: 'token',
  user_modified: 'user',
  user_recovery_requested: 'user',
  user_confirmation_requested: 'user',
  user_repeated_signup: 'user',
  user_updated_password: 'user',
};

export interface AuditActor {
  id: string;
  username: string;
  name?: unknown;
}

export function actorOf(u: User): AuditActor {
  const meta = u.row.raw_user_meta_data ?? {};
  return { id: u.row.id, username: u.row.phone || u.row.email || '', name: meta.full_name };
}

/** The admin "user" GoTrue makes up for a service_role token: nil id, the role as its email. */
export function adminActor(role: string): AuditActor {
  return { id: NIL_UUID, username: role };
}

export async function audit(
  tx: DbSession,
  actor: AuditActor,
  action: keyof typeof LOG_TYPES | string,
  traits?: Record<string, unknown>,
): Promise<void> {
  const payload: Record<string, unknown> = {
    actor_id: actor.id,
    actor_via_sso: false,
    actor_username: actor.username,
    action,
    log_type: LOG_TYPES[action] ?? 'account',
  };
  if (actor.name !== undefined) payload.actor_name = actor.name;
  if (traits) payload.traits = traits;
  await tx.query(
    `insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address)
     values ($1, gen_random_uuid(), $2::json, now(), '')`,
    [NIL_UUID, JSON.stringify(payload)],
  );
}
