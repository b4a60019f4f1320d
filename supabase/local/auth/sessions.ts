// Sessions and refresh tokens as GoTrue keeps them (auth.sessions, auth.refresh_tokens,
// auth.mfa_amr_claims): issuing a session, rotating refresh tokens with reuse detection, logout.
import { randomBytes } from 'node:crypto';
import type { DbSession } from '../db/types.ts';
import { mintAccessToken } from './access-token.ts';
import { actorOf, audit } from './audit.ts';
import { badRequest, OAuthError } from './errors.ts';
import type { AuthSettings } from './settings.ts';
import { commitWithError } from './tx.ts';
import { findUserById, NIL_UUID, userJson, type User } from './users.ts';

export interface AuthContext {
  settings: AuthSettings;
  secret: string;
}

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Record<string, unknown>;
  weak_password?: { message: string; reasons: string[] };
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** GoTrue's crypto.SecureAlphanumeric(12): random base32, lower case. */
export function newRefreshToken(length = 12): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += BASE32[bytes[i] & 31];
  return out;
}

async function insertRefreshToken(tx: DbSession, userId: string, sessionId: string, parent: string | null): Promise<string> {
  const token = newRefreshToken();
  await tx.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ($1, $2, $3, false, now(), now(), $4, $5)`,
    [NIL_UUID, token, userId, parent, sessionId],
  );
  return token;
}

async function tokenResponse(
  tx: DbSession,
  ac: AuthContext,
  userId: string,
  sessionId: string,
  refreshToken: string,
  method: string,
  client: ClientInfo,
): Promise<TokenResponse> {
  // Reload: a sign-in changed last_sign_in_at (and callers may have changed more).
  const user = (await findUserById(tx, userId))!;
  const { token, expiresAt } = await mintAccessToken(tx, ac.settings, ac.secret, {
    user,
    sessionId,
    authenticationMethod: method,
    ip: client.ip,
  });
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: expiresAt - Math.floor(Date.now() / 1000),
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: userJson(user),
  };
}

/** A new session with its first refresh token and an AMR claim for how the user signed in. */
export async function issueSession(
  tx: DbSession,
  ac: AuthContext,
  user: User,
  method: 'password' | 'otp' | 'recovery',
  client: ClientInfo,
): Promise<TokenResponse> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values (gen_random_uuid(), $1, now(), now(), 'aal1', $2, $3::inet) returning id`,
    [user.row.id, client.userAgent ?? null, client.ip || null],
  );
  const sessionId = rows[0].id;
  const refreshToken = await insertRefreshToken(tx, user.row.id, sessionId, null);
  // A sign-in, not a refresh, moves last_sign_in_at (as GoTrue's IssueRefreshToken).
  await tx.query(`update auth.users set last_sign_in_at = now() where id = $1`, [user.row.id]);
  await tx.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values (gen_random_uuid(), $1, now(), now(), $2)
     on conflict on constraint mfa_amr_claims_session_id_authentication_method_pkey do update set updated_at = now()`,
    [sessionId, method],
  );
  return tokenResponse(tx, ac, user.row.id, sessionId, refreshToken, method, client);
}

interface TokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string | null;
  reusable: boolean;
}

/**
 * POST /token?grant_type=refresh_token. Rotation with GoTrue's reuse rules: the revoked parent of
 * the active token gets the active token back (the client lost the last answer); another revoked
 * token within the reuse interval gets a fresh one; after that, reuse revokes the whole session.
 */
export async function refreshSession(tx: DbSession, ac: AuthContext, refreshToken: string, client: ClientInfo): Promise<TokenResponse> {
  if (!refreshToken) throw new OAuthError('invalid_request', 'refresh_token required');
  const { rows } = await tx.query<TokenRow>(
    `select id::text, token, user_id, revoked, parent, session_id,
            updated_at + make_interval(secs => $2) >= now() as reusable
       from auth.refresh_tokens where token = $1 for update`,
    [refreshToken, ac.settings.refreshTokenReuseInterval],
  );
  const token = rows[0];
  const user = token && /^[0-9a-f-]{36}$/i.test(token.user_id) ? await findUserById(tx, token.user_id) : undefined;
  if (!token || !user) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  if (user.row.banned) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
  const session = token.session_id
    ? (await tx.query<{ id: string }>(`select id from auth.sessions where id = $1 for update`, [token.session_id])).rows[0]
    : undefined;
  if (!session) {
    await tx.query(`delete from auth.refresh_tokens where id = $1`, [token.id]);
    throw badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found');
  }

  let issued: string | undefined;
  if (token.revoked) {
    const active = (
      await tx.query<{ token: string; parent: string | null }>(
        `select token, parent from auth.refresh_tokens where session_id = $1 and revoked is false order by id desc limit 1`,
        [session.id],
      )
    ).rows[0];
    if (active && active.parent === token.token) {
      issued = active.token;
    } else if (!token.reusable) {
      // Reuse of an old token means it leaked: the whole session goes, so neither the thief nor
      // the owner can use any of its tokens (GoTrue's newer refresh-token algorithm does this).
      if (ac.settings.refreshTokenRotation) {
        await tx.query(`delete from auth.sessions where id = $1`, [session.id]);
        await audit(tx, actorOf(user), 'token_revoked', { reason: 'refresh_token_reuse', session_id: session.id });
      }
      // Committed on purpose: the session stays revoked even though the request fails.
      throw commitWithError(badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used'));
    }
  }
  await audit(tx, actorOf(user), 'token_refreshed');
  if (!issued) {
    await audit(tx, actorOf(user), 'token_revoked');
    await tx.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1`, [token.id]);
    issued = await insertRefreshToken(tx, user.row.id, session.id, token.token);
  }
  await tx.query(
    `update auth.sessions set refreshed_at = timezone('UTC', now()), updated_at = now(), user_agent = $2, ip = $3::inet where id = $1`,
    [session.id, client.userAgent ?? null, client.ip || null],
  );
  return tokenResponse(tx, ac, user.row.id, session.id, issued, 'token_refresh', client);
}

export async function logoutAll(tx: DbSession, userId: string): Promise<void> {
  await tx.query(`delete from auth.sessions where user_id = $1`, [userId]);
}

export async function logoutSession(tx: DbSession, sessionId: string): Promise<void> {
  await tx.query(`delete from auth.sessions where id = $1`, [sessionId]);
}

export async function logoutOthers(tx: DbSession, sessionId: string, userId: string): Promise<void> {
  await tx.query(`delete from auth.sessions where id <> $1 and user_id = $2`, [sessionId, userId]);
}
