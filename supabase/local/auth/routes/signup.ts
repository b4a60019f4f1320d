// POST /signup, obeying enable_signup (BizDesk ships it off: admins create users).
import type { FastifyInstance } from 'fastify';
import { actorOf, audit } from '../audit.ts';
import { allowedRedirect, bodyOf, clientInfo, objField, requestAud, str, strField, validateEmail, type AuthApi } from '../api.ts';
import { sendConfirmation } from '../email-flows.ts';
import { tooManyRequests, unprocessable } from '../errors.ts';
import { checkPasswordStrength } from '../password.ts';
import { issueSession } from '../sessions.ts';
import { authTx } from '../tx.ts';
import { createUser } from '../user-create.ts';
import { findUserByEmail, userJson } from '../users.ts';

export function signupRoutes(app: FastifyInstance, api: AuthApi): void {
  app.post('/signup', async (req) => {
    const body = bodyOf(req);
    const rawEmail = strField(body, 'email');
    const phone = strField(body, 'phone');
    if (!rawEmail && !phone) throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
    if (!api.limits.otp.take(clientInfo(req).ip)) throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
    if (!api.settings.enableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
    if (phone && !rawEmail) throw unprocessable('phone_provider_disabled', 'Phone signups are disabled');
    const email = validateEmail(rawEmail);
    const password = strField(body, 'password');
    checkPasswordStrength(api.settings, password);
    const data = objField(body, 'data');
    const redirectTo = allowedRedirect(api.settings, str((req.query as Record<string, unknown>).redirect_to));
    const aud = requestAud(api, req);
    return authTx(api.ctx.db, async (tx) => {
      const existing = await findUserByEmail(tx, email, aud);
      if (existing && (existing.row.email_confirmed_at || api.settings.mailerAutoconfirm)) {
        throw unprocessable('user_already_exists', 'User already registered');
      }
      const user = existing ?? (await createUser(tx, { email, password, aud, role: 'authenticated', userMetadata: data, emailConfirmed: api.settings.mailerAutoconfirm }));
      await audit(tx, actorOf(user), 'user_signedup', { provider: 'email' });
      if (api.settings.mailerAutoconfirm) {
        await audit(tx, actorOf(user), 'login', { provider: 'email' });
        return issueSession(tx, api.ac, user, 'password', clientInfo(req));
      }
      await sendConfirmation(tx, api, user, redirectTo);
      const fresh = (await findUserByEmail(tx, email, aud))!;
      return userJson(fresh);
    });
  });
}
