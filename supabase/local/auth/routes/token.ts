// POST /token: grant_type=password and grant_type=refresh_token.
import type { FastifyInstance } from 'fastify';
import { actorOf, audit } from '../audit.ts';
import { bodyOf, clientInfo, requestAud, strField, type AuthApi } from '../api.ts';
import { badRequest, tooManyRequests } from '../errors.ts';
import { passwordProblem, verifyPassword } from '../password.ts';
import { issueSession, refreshSession } from '../sessions.ts';
import { authTx, commitWithError } from '../tx.ts';
import { findUserByEmail, findUserByPhone, NIL_UUID } from '../users.ts';

const INVALID_LOGIN = 'Invalid login credentials';
const rateLimited = () => tooManyRequests('over_request_rate_limit', 'Request rate limit reached');

export function tokenRoutes(app: FastifyInstance, api: AuthApi): void {
  app.post('/token', async (req) => {
    const grantType = String((req.query as Record<string, unknown>).grant_type ?? bodyOf(req).grant_type ?? '');
    if (grantType !== 'password' && grantType !== 'refresh_token') {
      throw badRequest('invalid_credentials', 'unsupported_grant_type');
    }
    const client = clientInfo(req);
    if (!api.limits.token.take(client.ip)) throw rateLimited();
    const body = bodyOf(req);
    if (grantType === 'refresh_token') {
      return authTx(api.ctx.db, (tx) => refreshSession(tx, api.ac, strField(body, 'refresh_token'), client));
    }
    return passwordGrant(api, body, client, requestAud(api, req));
  });
}

async function passwordGrant(
  api: AuthApi,
  body: Record<string, unknown>,
  client: ReturnType<typeof clientInfo>,
  aud: string,
) {
  const email = strField(body, 'email');
  const phone = strField(body, 'phone');
  const password = strField(body, 'password');
  if (email && phone) throw badRequest('validation_failed', 'Only an email address or phone number should be provided on login.');
  if (!email && !phone) throw badRequest('validation_failed', 'missing email or phone');
  // Failed attempts per IP and per account: once too many, even the right password waits, so
  // guessing is throttled; successful sign-ins do not count.
  const keys = [`ip:${client.ip}`, `id:${(email || phone).toLowerCase()}`];
  if (keys.some((k) => api.limits.signIn.exhausted(k))) throw rateLimited();

  return authTx(api.ctx.db, async (tx) => {
    const user = email ? await findUserByEmail(tx, email, aud) : await findUserByPhone(tx, phone.replace(/[^0-9]/g, ''), aud);
    const fail = async (reason: string, error = badRequest('invalid_credentials', INVALID_LOGIN)) => {
      for (const k of keys) api.limits.signIn.take(k);
      // Not a GoTrue action: failed sign-ins are recorded too, so an admin can see guessing.
      await audit(tx, user ? actorOf(user) : { id: NIL_UUID, username: email || phone }, 'login_failed', {
        provider: email ? 'email' : 'phone',
        reason,
        ip: client.ip,
      });
      return error;
    };
    const ok = await verifyPassword(password, user?.row.encrypted_password);
    if (!user || !user.row.encrypted_password) throw commitWithError(await fail('invalid_credentials'));
    if (user.row.banned) throw commitWithError(await fail('user_banned', badRequest('user_banned', 'User is banned')));
    if (!ok) throw commitWithError(await fail('invalid_credentials'));
    if (email && !user.row.email_confirmed_at) {
      throw commitWithError(await fail('email_not_confirmed', badRequest('email_not_confirmed', 'Email not confirmed')));
    }
    if (phone && !user.row.phone_confirmed_at) {
      throw commitWithError(await fail('phone_not_confirmed', badRequest('phone_not_confirmed', 'Phone not confirmed')));
    }
    await audit(tx, actorOf(user), 'login', { provider: email ? 'email' : 'phone' });
    const session = await issueSession(tx, api.ac, user, 'password', client);
    const weak = passwordProblem(api.settings, password);
    if (weak && weak.errorCode === 'weak_password') {
      session.weak_password = { message: weak.message, reasons: (weak.extra.weak_password as { reasons: string[] }).reasons };
    }
    return session;
  });
}
