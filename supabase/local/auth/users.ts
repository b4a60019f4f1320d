// auth.users and auth.identities rows, and the user object GoTrue returns for them.
import type { DbSession } from '../db/types.ts';

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Timestamps as Go's RFC 3339 (UTC, microseconds, trailing zeros trimmed), like GoTrue's JSON. */
const ts = (col: string, alias = col) =>
  `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as ${alias}`;

export function goTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return value.replace(/\.(\d*?)0*Z$/, (_m, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}

const USER_COLUMNS = [
  'id', 'aud', 'role', 'email', 'phone', 'encrypted_password', 'recovery_token', 'confirmation_token',
  'email_change', 'email_change_token_new', 'email_change_token_current', 'email_change_confirm_status',
  'phone_change', 'raw_app_meta_data', 'raw_user_meta_data', 'is_anonymous', 'is_sso_user',
  ts('email_confirmed_at'), ts('invited_at'), ts('phone_confirmed_at'), ts('confirmation_sent_at'),
  ts('confirmed_at'), ts('recovery_sent_at'), ts('email_change_sent_at'), ts('phone_change_sent_at'),
  ts('reauthentication_sent_at'), ts('last_sign_in_at'), ts('created_at'), ts('updated_at'),
  ts('banned_until'), ts('deleted_at'),
  'coalesce(banned_until > now(), false) as banned',
].join(', ');

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  encrypted_password: string | null;
  recovery_token: string | null;
  confirmation_token: string | null;
  email_change: string | null;
  email_change_token_new: string | null;
  email_change_token_current: string | null;
  email_change_confirm_status: number | null;
  phone_change: string | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  is_anonymous: boolean;
  is_sso_user: boolean;
  email_confirmed_at: string | null;
  invited_at: string | null;
  phone_confirmed_at: string | null;
  confirmation_sent_at: string | null;
  confirmed_at: string | null;
  recovery_sent_at: string | null;
  email_change_sent_at: string | null;
  phone_change_sent_at: string | null;
  reauthentication_sent_at: string | null;
  last_sign_in_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  banned_until: string | null;
  deleted_at: string | null;
  banned: boolean;
}

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  email: string | null;
  last_sign_in_at: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export interface User {
  row: UserRow;
  identities: IdentityRow[];
}

async function loadIdentities(tx: DbSession, userIds: string[]): Promise<Map<string, IdentityRow[]>> {
  const out = new Map<string, IdentityRow[]>();
  if (!userIds.length) return out;
  const { rows } = await tx.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, email,
            ${ts('last_sign_in_at')}, ${ts('created_at')}, ${ts('updated_at')}
       from auth.identities where user_id = any($1::uuid[]) order by created_at, id`,
    [userIds],
  );
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push(r);
    out.set(r.user_id, list);
  }
  return out;
}

async function withIdentities(tx: DbSession, rows: UserRow[]): Promise<User[]> {
  const identities = await loadIdentities(tx, rows.map((r) => r.id));
  return rows.map((row) => ({ row, identities: identities.get(row.id) ?? [] }));
}

export async function findUserById(tx: DbSession, id: string, forUpdate = false): Promise<User | undefined> {
  const { rows } = await tx.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0] ? (await withIdentities(tx, rows))[0] : undefined;
}

export async function findUserByEmail(tx: DbSession, email: string, aud: string): Promise<User | undefined> {
  const { rows } = await tx.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users
      where instance_id = $1 and lower(email) = lower($2) and aud = $3 and is_sso_user = false limit 1`,
    [NIL_UUID, email, aud],
  );
  return rows[0] ? (await withIdentities(tx, rows))[0] : undefined;
}

export async function findUserByPhone(tx: DbSession, phone: string, aud: string): Promise<User | undefined> {
  const { rows } = await tx.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where instance_id = $1 and phone = $2 and aud = $3 limit 1`,
    [NIL_UUID, phone, aud],
  );
  return rows[0] ? (await withIdentities(tx, rows))[0] : undefined;
}

/** The user a mailed token hash belongs to; `column` is one of the fixed token columns. */
export async function findUserByTokenHash(
  tx: DbSession,
  columns: ('recovery_token' | 'confirmation_token' | 'email_change_token_new' | 'email_change_token_current')[],
  tokenHash: string,
): Promise<User | undefined> {
  const where = columns.map((c) => `${c} = $1`).join(' or ');
  const { rows } = await tx.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where $1 <> '' and (${where}) limit 1 for update`,
    [tokenHash],
  );
  return rows[0] ? (await withIdentities(tx, rows))[0] : undefined;
}

export async function listUsers(
  tx: DbSession,
  aud: string,
  opts: { page: number; perPage: number; filter?: string },
): Promise<{ users: User[]; total: number }> {
  const params: unknown[] = [NIL_UUID, aud];
  let where = 'instance_id = $1 and aud = $2';
  if (opts.filter) {
    params.push(`%${opts.filter}%`);
    where += ` and (email like $3 or raw_user_meta_data ->> 'full_name' ilike $3)`;
  }
  const total = (await tx.query<{ n: number }>(`select count(*)::int as n from auth.users where ${where}`, params)).rows[0].n;
  params.push(opts.perPage, (opts.page - 1) * opts.perPage);
  const { rows } = await tx.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where ${where}
      order by created_at desc, id limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { users: await withIdentities(tx, rows), total };
}

export function hasPassword(u: User): boolean {
  return Boolean(u.row.encrypted_password);
}

/** The user object exactly as GoTrue serialises models.User (field order, omitempty, "" for null). */
export function userJson(u: User): Record<string, unknown> {
  const r = u.row;
  const out: Record<string, unknown> = { id: r.id, aud: r.aud ?? '', role: r.role ?? '', email: r.email ?? '' };
  const opt = (key: string, value: string | null | undefined) => {
    const v = goTime(value);
    if (v) out[key] = v;
  };
  opt('email_confirmed_at', r.email_confirmed_at);
  opt('invited_at', r.invited_at);
  out.phone = r.phone ?? '';
  opt('phone_confirmed_at', r.phone_confirmed_at);
  opt('confirmation_sent_at', r.confirmation_sent_at);
  opt('confirmed_at', r.confirmed_at);
  opt('recovery_sent_at', r.recovery_sent_at);
  if (r.email_change) out.new_email = r.email_change;
  opt('email_change_sent_at', r.email_change_sent_at);
  if (r.phone_change) out.new_phone = r.phone_change;
  opt('phone_change_sent_at', r.phone_change_sent_at);
  opt('reauthentication_sent_at', r.reauthentication_sent_at);
  opt('last_sign_in_at', r.last_sign_in_at);
  out.app_metadata = r.raw_app_meta_data ?? null;
  out.user_metadata = r.raw_user_meta_data ?? null;
  out.identities = u.identities.map(identityJson);
  out.created_at = goTime(r.created_at) ?? '0001-01-01T00:00:00Z';
  out.updated_at = goTime(r.updated_at) ?? '0001-01-01T00:00:00Z';
  opt('banned_until', r.banned_until);
  opt('deleted_at', r.deleted_at);
  out.is_anonymous = r.is_anonymous;
  return out;
}

export function identityJson(i: IdentityRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    identity_id: i.id,
    id: i.provider_id,
    user_id: i.user_id,
  };
  if (i.identity_data && Object.keys(i.identity_data).length) out.identity_data = i.identity_data;
  out.provider = i.provider;
  const last = goTime(i.last_sign_in_at);
  if (last) out.last_sign_in_at = last;
  out.created_at = goTime(i.created_at) ?? '0001-01-01T00:00:00Z';
  out.updated_at = goTime(i.updated_at) ?? '0001-01-01T00:00:00Z';
  if (i.email) out.email = i.email;
  return out;
}

/** Merges metadata the way GoTrue does: a null value removes the key. */
export function mergeMetadata(current: Record<string, unknown> | null, updates: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(updates)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}

export async function setUserColumns(tx: DbSession, id: string, values: Record<string, unknown>): Promise<void> {
  // Keys are fixed column names chosen by the caller's code, never request input.
  const keys = Object.keys(values);
  if (!keys.length) return;
  for (const k of keys) if (!/^[a-z_]+$/.test(k)) throw new Error(`bad column ${k}`);
  const sets = keys.map((k, i) => `${k} = $${i + 2}`).join(', ');
  await tx.query(`update auth.users set ${sets}, updated_at = now() where id = $1`, [
    id,
    ...keys.map((k) => {
      const v = values[k];
      return v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;
    }),
  ]);
}

/** app_metadata.provider / providers from the user's identities, as UpdateAppMetaDataProviders. */
export async function refreshProviders(tx: DbSession, userId: string): Promise<void> {
  await tx.query(
    `update auth.users u set raw_app_meta_data = coalesce(u.raw_app_meta_data, '{}'::jsonb)
        || jsonb_build_object('providers', p.providers)
        || case when jsonb_array_length(p.providers) > 0 then jsonb_build_object('provider', p.providers -> 0) else '{}'::jsonb end
       from (select coalesce(jsonb_agg(provider order by first_created), '[]'::jsonb) as providers
               from (select provider, min(created_at) as first_created from auth.identities
                      where user_id = $1 group by provider) s) p
      where u.id = $1`,
    [userId],
  );
}

export async function createEmailIdentity(tx: DbSession, userId: string, email: string, emailVerified: boolean): Promise<void> {
  await tx.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1::text, $1::uuid, $2::jsonb, 'email', now(), now(), now())`,
    [userId, JSON.stringify({ sub: userId, email, email_verified: emailVerified, phone_verified: false })],
  );
}
