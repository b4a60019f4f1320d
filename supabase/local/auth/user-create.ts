// Creating a user the way GoTrue does (signup and admin create): users row, email identity,
// app_metadata.provider(s).
import type { DbSession } from '../db/types.ts';
import { hashPassword } from './password.ts';
import { createEmailIdentity, findUserById, NIL_UUID, type User } from './users.ts';

export interface NewUser {
  id?: string;
  email: string;
  password?: string;
  passwordHash?: string;
  aud: string;
  role: string;
  userMetadata?: Record<string, unknown>;
  appMetadata?: Record<string, unknown>;
  emailConfirmed: boolean;
  bannedUntil?: Date | null;
}

export async function createUser(tx: DbSession, n: NewUser): Promise<User> {
  const hash = n.passwordHash ?? (n.password ? await hashPassword(n.password) : '');
  const userMeta = { ...(n.userMetadata ?? {}) };
  if (n.emailConfirmed) userMeta.email_verified = true;
  const appMeta = { provider: 'email', providers: ['email'], ...(n.appMetadata ?? {}) };
  const { rows } = await tx.query<{ id: string }>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
        raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until,
        confirmation_token, recovery_token, email_change_token_new, email_change)
     values ($1, coalesce($2::uuid, gen_random_uuid()), $3, $4, $5, $6, case when $7 then now() end,
        $8::jsonb, $9::jsonb, now(), now(), $10, '', '', '', '')
     returning id`,
    [NIL_UUID, n.id ?? null, n.aud, n.role, n.email, hash, n.emailConfirmed, JSON.stringify(appMeta), JSON.stringify(userMeta), n.bannedUntil ?? null],
  );
  const id = rows[0].id;
  await createEmailIdentity(tx, id, n.email, false);
  return (await findUserById(tx, id))!;
}
