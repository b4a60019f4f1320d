// Access tokens with GoTrue's claims, passed through the custom access token hook when enabled.
import { randomUUID } from 'node:crypto';
import type { DbSession } from '../db/types.ts';
import { signJwt } from '../jwt.ts';
import { AuthError } from './errors.ts';
import type { AuthSettings } from './settings.ts';
import type { User } from './users.ts';

export interface AmrEntry {
  method: string;
  timestamp: number;
}

export interface MintInput {
  user: User;
  sessionId: string;
  /** password, otp, token_refresh, … (GoTrue's AuthenticationMethod), told to the hook. */
  authenticationMethod: string;
  ip: string;
}

export async function sessionAmr(tx: DbSession, sessionId: string): Promise<{ aal: string; amr: AmrEntry[] }> {
  const { rows } = await tx.query<{ method: string; ts: number }>(
    `select authentication_method as method, extract(epoch from updated_at)::bigint as ts
       from auth.mfa_amr_claims where session_id = $1 order by updated_at desc`,
    [sessionId],
  );
  const amr = rows.map((r) => ({ method: r.method, timestamp: Number(r.ts) }));
  const aal = rows.some((r) => ['totp', 'mfa/phone', 'mfa/webauthn'].includes(r.method)) ? 'aal2' : 'aal1';
  return { aal, amr };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const REQUIRED_CLAIMS = ['aud', 'exp', 'iat', 'sub', 'email', 'phone', 'role', 'aal', 'session_id', 'is_anonymous'];

async function runCustomAccessTokenHook(
  tx: DbSession,
  hook: NonNullable<AuthSettings['customAccessTokenHook']>,
  input: MintInput,
  claims: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const event = {
    metadata: { uuid: randomUUID(), time: new Date().toISOString(), name: 'customize-access-token', ip_address: input.ip },
    user_id: input.user.row.id,
    claims,
    authentication_method: input.authenticationMethod,
  };
  // GoTrue connects as supabase_auth_admin, so the function runs with that role's rights: a hook
  // that was not granted to supabase_auth_admin fails here as it does on Supabase.
  await tx.query(`select set_config('role', 'supabase_auth_admin', true), set_config('statement_timeout', '2000', true)`);
  let output: unknown;
  try {
    const { rows } = await tx.query<{ out: unknown }>(
      `select ${quoteIdent(hook.schema)}.${quoteIdent(hook.functionName)}($1::jsonb) as out`,
      [JSON.stringify(event)],
    );
    output = rows[0]?.out;
  } finally {
    await tx.query(`reset role`).catch(() => {});
    await tx.query(`select set_config('statement_timeout', '0', true)`).catch(() => {});
  }
  const out = (typeof output === 'string' ? JSON.parse(output) : output) as Record<string, any> | null;
  if (out && typeof out.error === 'object' && out.error && out.error.message) {
    throw new AuthError(Number(out.error.http_code) || 500, '', String(out.error.message));
  }
  if (!out || !('claims' in out)) throw new AuthError(500, '', 'output claims field is missing');
  const next = out.claims;
  if (!next || typeof next !== 'object' || Array.isArray(next)) {
    throw new AuthError(500, '', 'output claims do not conform to the expected schema');
  }
  const missing = REQUIRED_CLAIMS.filter((k) => !(k in next));
  if (missing.length) {
    throw new AuthError(
      500,
      '',
      `output claims do not conform to the expected schema: \n${missing.map((k) => `- (root): ${k} is required\n`).join('')}`,
    );
  }
  return next as Record<string, unknown>;
}

/** Signs an access token for the user's session; returns it with its expiry (unix seconds). */
export async function mintAccessToken(
  tx: DbSession,
  settings: AuthSettings,
  secret: string,
  input: MintInput,
): Promise<{ token: string; expiresAt: number }> {
  const { aal, amr } = await sessionAmr(tx, input.sessionId);
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + settings.jwtExpiry;
  const u = input.user.row;
  let claims: Record<string, unknown> = {
    iss: settings.issuer(),
    sub: u.id,
    aud: u.aud ?? settings.aud,
    exp,
    iat,
    email: u.email ?? '',
    phone: u.phone ?? '',
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    role: u.role ?? '',
    aal,
    amr,
    session_id: input.sessionId,
    is_anonymous: u.is_anonymous,
  };
  if (settings.customAccessTokenHook) {
    claims = await runCustomAccessTokenHook(tx, settings.customAccessTokenHook, input, claims);
  }
  return { token: await signJwt(claims, secret), expiresAt: exp };
}
