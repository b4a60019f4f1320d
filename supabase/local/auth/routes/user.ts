// GET /user and PUT /user: the signed-in user reads and changes their own account.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, audit } from '../audit.ts';
import { allowedRedirect, bodyOf, objField, requestAud, str, strField, validateEmail, type AuthApi } from '../api.ts';
import { sendEmailChange } from '../email-flows.ts';
import { badRequest, forbidden, unprocessable } from '../errors.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../password.ts';
import { requireUser } from '../request-auth.ts';
import { logoutAll, logoutOthers } from '../sessions.ts';
import { authTx } from '../tx.ts';
import { findUserByEmail, findUserById, mergeMetadata, setUserColumns, userJson, createEmailIdentity, refreshProviders } from '../users.ts';

export function userRoutes(app: FastifyInstance, api: AuthApi): void {
  app.get('/user', async (req) =>
    authTx(api.ctx.db, async (tx) => {
      const caller = await requireUser(req, tx, api.ac.secret);
      const aud = requestAud(api, req);
      const tokenAud = Array.isArray(caller.claims.aud) ? caller.claims.aud[0] : caller.claims.aud;
      if (tokenAud !== aud) throw badRequest('validation_failed', "Token audience doesn't match request audience");
      return userJson(caller.user);
    }),
  );

  app.put('/user', async (req) => updateUser(api, req));
}

async function updateUser(api: AuthApi, req: FastifyRequest) {
  const body = bodyOf(req);
  const data = objField(body, 'data');
  const appData = objField(body, 'app_metadata');
  let email = strField(body, 'email');
  const password = body.password === undefined || body.password === null ? undefined : strField(body, 'password');
  const redirectTo = allowedRedirect(api.settings, str((req.query as Record<string, unknown>).redirect_to));
  if (email) email = validateEmail(email);
  if (password !== undefined && password !== '') checkPasswordStrength(api.settings, password);

  return authTx(api.ctx.db, async (tx) => {
    const caller = await requireUser(req, tx, api.ac.secret);
    const user = caller.user;
    const uid = user.row.id;
    if (appData && !['service_role', 'supabase_admin'].includes(user.row.role ?? '')) {
      throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
    }
    if (email && email !== user.row.email) {
      const other = await findUserByEmail(tx, email, requestAud(api, req));
      if (other && other.row.id !== uid) {
        throw unprocessable('email_exists', 'A user with this email address has already been registered');
      }
    }
    if (password !== undefined) {
      if (password !== '' && user.row.encrypted_password && (await verifyPassword(password, user.row.encrypted_password))) {
        throw unprocessable('same_password', 'New password should be different from the old password.');
      }
      const addingFirst = password !== '' && !user.row.encrypted_password;
      await setUserColumns(tx, uid, {
        encrypted_password: password === '' ? null : await hashPassword(password),
        confirmation_token: '',
        recovery_token: '',
        email_change_token_current: '',
        email_change_token_new: '',
        email_change_sent_at: null,
        confirmation_sent_at: null,
        recovery_sent_at: null,
        reauthentication_token: '',
        reauthentication_sent_at: null,
      });
      // A new password ends every other session (this one stays signed in).
      if (caller.sessionId) await logoutOthers(tx, caller.sessionId, uid);
      else await logoutAll(tx, uid);
      await audit(tx, actorOf(user), 'user_updated_password');
      if (addingFirst && user.row.email && !user.identities.some((i) => i.provider === 'email')) {
        await createEmailIdentity(tx, uid, user.row.email, Boolean(user.row.email_confirmed_at));
        await refreshProviders(tx, uid);
      }
    }
    if (data) await setUserColumns(tx, uid, { raw_user_meta_data: mergeMetadata(user.row.raw_user_meta_data, data) });
    if (appData) await setUserColumns(tx, uid, { raw_app_meta_data: mergeMetadata(user.row.raw_app_meta_data, appData) });
    if (email && email !== user.row.email) {
      await sendEmailChange(tx, api, (await findUserById(tx, uid))!, email, redirectTo);
    }
    await audit(tx, actorOf(user), 'user_modified');
    return userJson((await findUserById(tx, uid))!);
  });
}
