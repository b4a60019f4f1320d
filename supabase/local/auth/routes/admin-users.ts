// The admin user API (service_role only): GET/POST /admin/users, GET/PUT/DELETE /admin/users/{id}.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DbSession } from '../../db/types.ts';
import { adminActor, audit } from '../audit.ts';
import { bodyOf, objField, requestAud, strField, validateEmail, type AuthApi } from '../api.ts';
import { parseGoDuration } from '../duration.ts';
import { AuthError, badRequest, notFound, unprocessable } from '../errors.ts';
import { checkPasswordStrength, hashPassword, MAX_PASSWORD_LENGTH } from '../password.ts';
import { requireAdmin } from '../request-auth.ts';
import { logoutAll } from '../sessions.ts';
import { authTx } from '../tx.ts';
import { createUser } from '../user-create.ts';
import {
  createEmailIdentity, findUserByEmail, findUserById, listUsers, mergeMetadata, refreshProviders, setUserColumns, userJson, type User,
} from '../users.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ban_duration: a Go duration, or "none" to lift a ban; returns banned_until (null = not banned). */
function banUntil(body: Record<string, unknown>): Date | null | undefined {
  const raw = strField(body, 'ban_duration');
  if (!raw) return undefined;
  if (raw === 'none') return null;
  const ms = parseGoDuration(raw);
  if (ms === undefined) throw badRequest('validation_failed', `invalid format for ban duration: time: invalid duration "${raw}"`);
  return ms === 0 ? null : new Date(Date.now() + ms);
}

async function loadUser(tx: DbSession, id: string): Promise<User> {
  if (!UUID.test(id)) throw notFound('validation_failed', 'user_id must be an UUID');
  const user = await findUserById(tx, id, true);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

/** GoTrue's Link header: next (when there is one) and last, with the query keys sorted as Go does. */
function paginationLink(req: FastifyRequest, page: number, perPage: number, total: number): string {
  const totalPages = Math.ceil(total / perPage);
  const [path, query = ''] = req.url.split('?');
  const gotruePath = path.replace(/^\/auth\/v1/, '');
  const params = new URLSearchParams(query);
  const at = (p: number) => {
    params.set('page', String(p));
    const sorted = [...params.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `<${gotruePath}?${new URLSearchParams(sorted).toString()}>`;
  };
  let header = '';
  if (totalPages > page) header += `${at(page + 1)}; rel="next", `;
  return `${header}${at(totalPages)}; rel="last"`;
}

function pageParam(q: Record<string, unknown>, key: string, fallback: number): number {
  const raw = q[key];
  if (raw === undefined || raw === '') return fallback;
  const s = String(raw);
  if (!/^\d+$/.test(s)) throw badRequest('validation_failed', `Bad Pagination Parameters: strconv.ParseUint: parsing "${s}": invalid syntax`);
  return Number(s);
}

export function adminUserRoutes(app: FastifyInstance, api: AuthApi): void {
  const admin = (req: FastifyRequest, tx: DbSession) => requireAdmin(req, tx, api.ac.secret);

  app.get('/admin/users', async (req, reply: FastifyReply) => {
    const q = req.query as Record<string, unknown>;
    const page = Math.max(pageParam(q, 'page', 1), 1);
    const perPage = pageParam(q, 'per_page', 50) || 50;
    const aud = requestAud(api, req);
    const { users, total } = await authTx(api.ctx.db, async (tx) => {
      await admin(req, tx);
      return listUsers(tx, aud, { page, perPage, filter: typeof q.filter === 'string' ? q.filter : undefined });
    });
    reply.header('Link', paginationLink(req, page, perPage, total));
    reply.header('X-Total-Count', String(total));
    return { users: users.map(userJson), aud };
  });

  app.post('/admin/users', async (req) =>
    authTx(api.ctx.db, async (tx) => {
      const caller = await admin(req, tx);
      const body = bodyOf(req);
      const aud = strField(body, 'aud') || requestAud(api, req);
      const rawEmail = strField(body, 'email');
      if (!rawEmail && !strField(body, 'phone')) throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
      if (!rawEmail) throw unprocessable('phone_provider_disabled', 'Phone signups are disabled');
      const email = validateEmail(rawEmail);
      if (await findUserByEmail(tx, email, aud)) {
        throw unprocessable('email_exists', 'A user with this email address has already been registered');
      }
      const password = body.password === undefined || body.password === null ? undefined : strField(body, 'password');
      const passwordHash = strField(body, 'password_hash');
      if (password !== undefined && passwordHash) throw badRequest('validation_failed', 'Only a password or a password hash should be provided');
      if (passwordHash && !/^\$2[aby]\$\d\d\$/.test(passwordHash)) throw internalError('Error creating user');
      if (password && Buffer.byteLength(password) > MAX_PASSWORD_LENGTH) throw badRequest('validation_failed', 'bcrypt: password length exceeds 72 bytes');
      const id = strField(body, 'id');
      if (id && !UUID.test(id)) throw badRequest('validation_failed', 'ID must conform to the uuid v4 format');
      if (id === '00000000-0000-0000-0000-000000000000') throw badRequest('validation_failed', 'ID cannot be a nil uuid');
      const bannedUntil = banUntil(body);
      const appMeta = objField(body, 'app_metadata');
      const user = await createUser(tx, {
        id: id || undefined,
        email,
        // Without a password GoTrue sets a long random one nobody knows.
        password: password || (passwordHash ? undefined : randomPassword()),
        passwordHash: passwordHash || undefined,
        aud,
        role: strField(body, 'role') || 'authenticated',
        userMetadata: objField(body, 'user_metadata'),
        appMetadata: appMeta ? mergeMetadata({ provider: 'email', providers: ['email'] }, appMeta) : undefined,
        emailConfirmed: body.email_confirm === true,
        bannedUntil,
      });
      await audit(tx, adminActor(caller.role), 'user_signedup', { user_id: user.row.id, user_email: email, user_phone: '', provider: 'email' });
      return userJson(user);
    }),
  );

  app.get('/admin/users/:id', async (req) =>
    authTx(api.ctx.db, async (tx) => {
      await admin(req, tx);
      return userJson(await loadUser(tx, (req.params as { id: string }).id));
    }),
  );

  app.put('/admin/users/:id', async (req) =>
    authTx(api.ctx.db, async (tx) => {
      const caller = await admin(req, tx);
      const user = await loadUser(tx, (req.params as { id: string }).id);
      const uid = user.row.id;
      const body = bodyOf(req);
      const rawEmail = strField(body, 'email');
      const email = rawEmail ? validateEmail(rawEmail) : '';
      const bannedUntil = banUntil(body);
      const password = body.password === undefined || body.password === null ? undefined : strField(body, 'password');
      if (password !== undefined) checkPasswordStrength(api.settings, password);
      const role = strField(body, 'role');
      const appMeta = objField(body, 'app_metadata');
      const userMeta = objField(body, 'user_metadata');
      if (email && email !== user.row.email) {
        const other = await findUserByEmail(tx, email, user.row.aud ?? api.settings.aud);
        if (other && other.row.id !== uid) throw unprocessable('email_exists', 'A user with this email address has already been registered');
      }
      if (role) await setUserColumns(tx, uid, { role: role.trim() });
      if (body.email_confirm === true) {
        await tx.query(`update auth.users set email_confirmed_at = now(), confirmation_token = '' where id = $1`, [uid]);
        await setUserColumns(tx, uid, { raw_user_meta_data: mergeMetadata((await findUserById(tx, uid))!.row.raw_user_meta_data, { email_verified: true }) });
      }
      if (password !== undefined) {
        await setUserColumns(tx, uid, {
          encrypted_password: password === '' ? null : await hashPassword(password),
          recovery_token: '',
          confirmation_token: '',
          email_change_token_new: '',
          email_change_token_current: '',
          reauthentication_token: '',
        });
        // A password set by an admin signs the user out everywhere, as GoTrue's UpdatePassword(nil).
        await logoutAll(tx, uid);
      }
      if (email) {
        const identity = user.identities.find((i) => i.provider === 'email');
        if (!identity) {
          await createEmailIdentity(tx, uid, email, body.email_confirm === true);
        } else {
          await tx.query(
            `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', $3::boolean), updated_at = now() where id = $1`,
            [identity.id, email, body.email_confirm === true],
          );
        }
        await setUserColumns(tx, uid, { email });
        await refreshProviders(tx, uid);
      }
      if (appMeta) await setUserColumns(tx, uid, { raw_app_meta_data: mergeMetadata((await findUserById(tx, uid))!.row.raw_app_meta_data, appMeta) });
      if (userMeta) await setUserColumns(tx, uid, { raw_user_meta_data: mergeMetadata((await findUserById(tx, uid))!.row.raw_user_meta_data, userMeta) });
      if (bannedUntil !== undefined) await setUserColumns(tx, uid, { banned_until: bannedUntil });
      const fresh = (await findUserById(tx, uid))!;
      await audit(tx, adminActor(caller.role), 'user_modified', { user_id: uid, user_email: fresh.row.email ?? '', user_phone: fresh.row.phone ?? '' });
      return userJson(fresh);
    }),
  );

  app.delete('/admin/users/:id', async (req) =>
    authTx(api.ctx.db, async (tx) => {
      const caller = await admin(req, tx);
      const user = await loadUser(tx, (req.params as { id: string }).id);
      const body = bodyOf(req);
      if (body.should_soft_delete !== undefined && typeof body.should_soft_delete !== 'boolean') {
        throw badRequest('bad_json', 'Could not parse request body as JSON: json: cannot unmarshal into Go struct field .should_soft_delete of type bool');
      }
      const uid = user.row.id;
      await audit(tx, adminActor(caller.role), 'user_deleted', { user_id: uid, user_email: user.row.email ?? '', user_phone: user.row.phone ?? '' });
      if (body.should_soft_delete === true) {
        if (!user.row.deleted_at) {
          // GoTrue obfuscates email, phone and identity ids so the address can be registered again.
          const email = user.row.email ? obfuscate(uid, user.row.email) : user.row.email;
          const phone = user.row.phone ? obfuscate(uid, user.row.phone).slice(0, 15) : null;
          await tx.query(
            `update auth.users set email = $2, phone = $3, encrypted_password = null, confirmation_token = '', recovery_token = '',
                    email_change = '', email_change_token_new = '', email_change_token_current = '', phone_change = '',
                    deleted_at = now(), updated_at = now()
              where id = $1`,
            [uid, email, phone],
          );
          for (const identity of user.identities) {
            await tx.query(`update auth.identities set identity_data = '{}'::jsonb, provider_id = $2 where id = $1`, [
              identity.id,
              obfuscate(uid, `${identity.provider}:${identity.provider_id}`),
            ]);
          }
          await logoutAll(tx, uid);
        }
      } else {
        await tx.query(`delete from auth.users where id = $1`, [uid]);
      }
      return {};
    }),
  );
}

/** GoTrue's obfuscateValue: base64url SHA-256 of the user id followed by the value. */
function obfuscate(userId: string, value: string): string {
  return createHash('sha256').update(userId + value).digest('base64url');
}

function randomPassword(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(36))).toString('base64');
}

function internalError(msg: string) {
  return new AuthError(500, 'unexpected_failure', msg);
}
