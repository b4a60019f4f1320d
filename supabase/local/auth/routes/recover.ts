// POST /recover: mails a password-reset link; answers {} whether or not the email exists.
import type { FastifyInstance } from 'fastify';
import { actorOf, audit } from '../audit.ts';
import { allowedRedirect, bodyOf, clientInfo, requestAud, str, strField, validateEmail, type AuthApi } from '../api.ts';
import { sendRecovery } from '../email-flows.ts';
import { badRequest, tooManyRequests } from '../errors.ts';
import { authTx } from '../tx.ts';
import { findUserByEmail } from '../users.ts';

export function recoverRoutes(app: FastifyInstance, api: AuthApi): void {
  app.post('/recover', async (req) => {
    if (!api.limits.otp.take(clientInfo(req).ip)) throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
    const body = bodyOf(req);
    const raw = strField(body, 'email');
    if (!raw) throw badRequest('validation_failed', 'Password recovery requires an email');
    const email = validateEmail(raw);
    const redirectTo = allowedRedirect(api.settings, str((req.query as Record<string, unknown>).redirect_to));
    await authTx(api.ctx.db, async (tx) => {
      const user = await findUserByEmail(tx, email, requestAud(api, req));
      if (!user) return;
      await audit(tx, actorOf(user), 'user_recovery_requested');
      await sendRecovery(tx, api, user, redirectTo);
    });
    return {};
  });
}
