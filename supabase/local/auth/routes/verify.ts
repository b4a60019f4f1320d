// GET /verify (the link in a mail: redirects with the session in the URL fragment) and POST /verify
// ({type, token_hash} or {type, token, email}: answers with a session).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DbSession } from '../../db/types.ts';
import { actorOf, audit } from '../audit.ts';
import { allowedRedirect, bodyOf, clientInfo, strField, validateEmail, type AuthApi } from '../api.ts';
import { tokenHash } from '../email-flows.ts';
import { AuthError, badRequest, forbidden, tooManyRequests, unprocessable } from '../errors.ts';
import { issueSession, type TokenResponse } from '../sessions.ts';
import { authTx } from '../tx.ts';
import { findUserById, findUserByTokenHash, mergeMetadata, refreshProviders, setUserColumns, type User } from '../users.ts';

const SINGLE_CONFIRMATION = 'Confirmation link accepted. Please proceed to confirm link sent to the other email';

type TokenColumn = 'recovery_token' | 'confirmation_token' | 'email_change_token_new' | 'email_change_token_current';
const COLUMNS: Record<string, TokenColumn[]> = {
  recovery: ['recovery_token'],
  magiclink: ['recovery_token'],
  signup: ['confirmation_token'],
  invite: ['confirmation_token'],
  email: ['confirmation_token', 'recovery_token'],
  email_change: ['email_change_token_new', 'email_change_token_current'],
};

type Outcome = { session: TokenResponse } | { message: string };

/** Sorted like Go's url.Values.Encode, which GoTrue uses for its redirect fragments. */
function encodeSorted(values: Record<string, string>): string {
  return Object.keys(values)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(values[k]).replace(/%20/g, '+')}`)
    .join('&');
}

function withFragment(url: string, values: Record<string, string>): string {
  return `${url.split('#')[0]}#${encodeSorted(values)}`;
}

async function confirmEmail(tx: DbSession, user: User): Promise<void> {
  await tx.query(`update auth.users set email_confirmed_at = now(), confirmation_token = '', updated_at = now() where id = $1`, [user.row.id]);
  await setUserColumns(tx, user.row.id, { raw_user_meta_data: mergeMetadata(user.row.raw_user_meta_data, { email_verified: true }) });
}

function sentAtFor(user: User, column: TokenColumn): string | null {
  if (column === 'recovery_token') return user.row.recovery_sent_at;
  if (column === 'confirmation_token') return user.row.confirmation_sent_at;
  return user.row.email_change_sent_at;
}

async function verifyAndSignIn(
  tx: DbSession,
  api: AuthApi,
  req: FastifyRequest,
  type: string,
  hash: string,
  viaCode: { email: string } | undefined,
): Promise<Outcome> {
  const columns = COLUMNS[type];
  if (!columns) throw badRequest('validation_failed', viaCode ? 'Unsupported verification type' : 'Invalid email verification type');
  const invalid = () =>
    forbidden('otp_expired', viaCode ? 'Token has expired or is invalid' : 'Email link is invalid or has expired');
  const user = await findUserByTokenHash(tx, columns, hash);
  if (!user) throw invalid();
  if (viaCode && ![user.row.email, user.row.email_change].includes(viaCode.email)) throw invalid();
  if (user.row.banned) throw forbidden('user_banned', 'User is banned');
  const column = columns.find((c) => user.row[c] === hash)!;
  const sentAt = sentAtFor(user, column);
  if (!sentAt || Date.parse(sentAt) + api.settings.otpExpirySeconds * 1000 < Date.now()) throw invalid();
  const uid = user.row.id;

  if (column === 'recovery_token') {
    await tx.query(`update auth.users set recovery_token = '', updated_at = now() where id = $1`, [uid]);
    if (!user.row.email_confirmed_at) {
      await audit(tx, actorOf(user), 'user_signedup', { provider: 'email' });
      await confirmEmail(tx, user);
    } else {
      await audit(tx, actorOf(user), 'login');
    }
  } else if (column === 'confirmation_token') {
    await audit(tx, actorOf(user), 'user_signedup', { provider: 'email' });
    await confirmEmail(tx, user);
  } else {
    const secure = api.settings.secureEmailChange && (user.row.email_change_confirm_status ?? 0) === 0 && Boolean(user.row.email);
    const otherPending = column === 'email_change_token_new' ? user.row.email_change_token_current : user.row.email_change_token_new;
    if (secure && otherPending) {
      await setUserColumns(tx, uid, { [column]: '', email_change_confirm_status: 1 });
      return { message: SINGLE_CONFIRMATION };
    }
    const newEmail = user.row.email_change ?? '';
    await setUserColumns(tx, uid, {
      email: newEmail,
      email_change: '',
      email_change_token_new: '',
      email_change_token_current: '',
      email_change_confirm_status: 0,
    });
    await tx.query(
      `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text), updated_at = now()
        where user_id = $1 and provider = 'email' and identity_data ? 'email'`,
      [uid, newEmail],
    );
    if (!user.row.email_confirmed_at) await confirmEmail(tx, user);
    await audit(tx, actorOf(user), 'user_modified');
  }
  await refreshProviders(tx, uid);
  const fresh = (await findUserById(tx, uid))!;
  return { session: await issueSession(tx, api.ac, fresh, 'otp', clientInfo(req)) };
}

function limit(api: AuthApi, req: FastifyRequest): void {
  if (!api.limits.verify.take(clientInfo(req).ip)) throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
}

export function verifyRoutes(app: FastifyInstance, api: AuthApi): void {
  app.post('/verify', async (req) => {
    limit(api, req);
    const body = bodyOf(req);
    const type = strField(body, 'type');
    const token = strField(body, 'token');
    const hashIn = strField(body, 'token_hash');
    const email = strField(body, 'email');
    const phone = strField(body, 'phone');
    if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
    if ((!token && !hashIn) || (token && hashIn)) throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
    let hash = hashIn;
    let viaCode: { email: string } | undefined;
    if (token) {
      if (!email || phone) throw badRequest('validation_failed', 'Only an email address or phone number should be provided on verify');
      let valid: string;
      try {
        valid = validateEmail(email);
      } catch {
        throw unprocessable('validation_failed', 'Invalid email format');
      }
      hash = tokenHash(valid, token);
      viaCode = { email: valid };
    } else if (email || phone || body.redirect_to) {
      throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
    }
    const outcome = await authTx(api.ctx.db, (tx) => verifyAndSignIn(tx, api, req, type, hash, viaCode));
    if ('message' in outcome) return { msg: outcome.message, code: '200' };
    return outcome.session;
  });

  app.get('/verify', async (req, reply: FastifyReply) => {
    const q = req.query as Record<string, unknown>;
    const redirectTo = allowedRedirect(api.settings, typeof q.redirect_to === 'string' ? q.redirect_to : undefined);
    const token = typeof q.token === 'string' ? q.token : '';
    const type = typeof q.type === 'string' ? q.type : '';
    limit(api, req);
    if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
    if (!token) throw badRequest('validation_failed', 'Verify requires a token or a token hash');
    let target: string;
    try {
      const outcome = await authTx(api.ctx.db, (tx) => verifyAndSignIn(tx, api, req, type, token, undefined));
      if ('message' in outcome) {
        target = withFragment(redirectTo, { message: outcome.message, sb: '' });
      } else {
        const s = outcome.session;
        target = withFragment(redirectTo, {
          access_token: s.access_token,
          token_type: s.token_type,
          expires_in: String(s.expires_in),
          expires_at: String(s.expires_at),
          refresh_token: s.refresh_token,
          type,
          sb: '',
        });
      }
    } catch (e) {
      if (!(e instanceof AuthError)) throw e;
      const oauth: Record<number, string> = { 400: 'invalid_request', 401: 'unauthorized_client', 403: 'access_denied', 500: 'server_error', 503: 'temporarily_unavailable' };
      const values: Record<string, string> = { error_code: e.errorCode, error_description: e.message, sb: '' };
      if (oauth[e.status]) values.error = oauth[e.status];
      target = withFragment(redirectTo, values);
    }
    return reply.redirect(target, 303);
  });
}
