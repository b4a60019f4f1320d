// Admin mail flows: POST /invite (mails an invitation) and POST /admin/generate_link (returns the
// link and code instead of mailing them), for recovery, magiclink, invite and signup.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DbSession } from '../../db/types.ts';
import { adminActor, audit, actorOf } from '../audit.ts';
import { allowedRedirect, bodyOf, objField, requestAud, str, strField, validateEmail, type AuthApi } from '../api.ts';
import { generateOtp, tokenHash } from '../email-flows.ts';
import { badRequest, notFound, unprocessable } from '../errors.ts';
import { inviteMail } from '../mail-templates.ts';
import { sendMail } from '../mailbox.ts';
import { requireAdmin } from '../request-auth.ts';
import { authTx } from '../tx.ts';
import { createUser } from '../user-create.ts';
import { findUserByEmail, findUserById, mergeMetadata, setUserColumns, userJson, type User } from '../users.ts';

type LinkType = 'recovery' | 'magiclink' | 'invite' | 'signup';

interface IssuedLink {
  user: User;
  otp: string;
  hash: string;
  type: LinkType;
  link: string;
  redirectTo: string;
}

/** Creates the user an invitation or signup link is for, when there is none yet. */
async function ensureUser(tx: DbSession, email: string, aud: string, data: Record<string, unknown> | undefined, password?: string): Promise<User> {
  return createUser(tx, { email, password, aud, role: 'authenticated', userMetadata: data, emailConfirmed: false });
}

async function issueLink(
  tx: DbSession,
  api: AuthApi,
  req: FastifyRequest,
  role: string,
  type: LinkType,
  email: string,
  body: Record<string, unknown>,
): Promise<IssuedLink> {
  const aud = requestAud(api, req);
  const redirectTo = allowedRedirect(api.settings, strField(body, 'redirect_to') || str((req.query as Record<string, unknown>).redirect_to));
  const data = objField(body, 'data');
  let user = await findUserByEmail(tx, email, aud);
  const otp = generateOtp();
  const hash = tokenHash(email, otp);
  if (type === 'recovery' || type === 'magiclink') {
    if (!user && type === 'recovery') throw notFound('user_not_found', 'User with this email not found');
    if (!user) {
      type = 'signup';
    } else {
      await audit(tx, actorOf(user), 'user_recovery_requested');
      await setUserColumns(tx, user.row.id, { recovery_token: hash });
      await tx.query(`update auth.users set recovery_sent_at = now() where id = $1`, [user.row.id]);
    }
  }
  if (type === 'invite' || type === 'signup') {
    if (user?.row.email_confirmed_at) throw unprocessable('email_exists', 'A user with this email address has already been registered');
    if (!user) {
      user = await ensureUser(tx, email, aud, data, strField(body, 'password') || undefined);
      if (type === 'signup') await audit(tx, actorOf(user), 'user_signedup', { provider: 'email' });
    } else if (data) {
      await setUserColumns(tx, user.row.id, { raw_user_meta_data: mergeMetadata(user.row.raw_user_meta_data, data) });
    }
    if (type === 'invite') {
      await audit(tx, adminActor(role), 'user_invited', { user_id: user.row.id, user_email: email });
      await tx.query(`update auth.users set invited_at = now() where id = $1`, [user.row.id]);
    }
    await setUserColumns(tx, user.row.id, { confirmation_token: hash });
    await tx.query(`update auth.users set confirmation_sent_at = now() where id = $1`, [user.row.id]);
  }
  const q = new URLSearchParams({ token: hash, type, redirect_to: redirectTo });
  return {
    user: (await findUserById(tx, user!.row.id))!,
    otp,
    hash,
    type,
    link: `${api.settings.issuer()}/verify?${q.toString()}`,
    redirectTo,
  };
}

export function adminLinkRoutes(app: FastifyInstance, api: AuthApi): void {
  app.post('/invite', async (req) =>
    authTx(api.ctx.db, async (tx) => {
      const caller = await requireAdmin(req, tx, api.ac.secret);
      const body = bodyOf(req);
      const email = validateEmail(strField(body, 'email'));
      const issued = await issueLink(tx, api, req, caller.role, 'invite', email, body);
      sendMail(api.ctx.config.mailDir, { to: email, kind: 'invite', ...inviteMail(issued.link, issued.otp, api.settings.siteUrl) });
      return userJson(issued.user);
    }),
  );

  app.post('/admin/generate_link', async (req) =>
    authTx(api.ctx.db, async (tx) => {
      const caller = await requireAdmin(req, tx, api.ac.secret);
      const body = bodyOf(req);
      const type = strField(body, 'type');
      if (!['recovery', 'magiclink', 'invite', 'signup'].includes(type)) {
        throw badRequest('validation_failed', 'Invalid email action link type requested');
      }
      const email = validateEmail(strField(body, 'email'));
      const issued = await issueLink(tx, api, req, caller.role, type as LinkType, email, body);
      return {
        ...userJson(issued.user),
        action_link: issued.link,
        email_otp: issued.otp,
        hashed_token: issued.hash,
        verification_type: issued.type,
        redirect_to: issued.redirectTo,
      };
    }),
  );
}
