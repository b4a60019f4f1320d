// GoTrue-compatible auth API at /auth/v1.
import type { FastifyError, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { StackContext } from '../context.ts';
import { requireApiKey } from '../gateway.ts';
import { makeAuthApi } from './api.ts';
import { AuthError, notFound, OAuthError, sendAuthError } from './errors.ts';
import { adminLinkRoutes } from './routes/admin-links.ts';
import { adminUserRoutes } from './routes/admin-users.ts';
import { logoutRoutes } from './routes/logout.ts';
import { metaRoutes } from './routes/meta.ts';
import { recoverRoutes } from './routes/recover.ts';
import { signupRoutes } from './routes/signup.ts';
import { tokenRoutes } from './routes/token.ts';
import { userRoutes } from './routes/user.ts';
import { verifyRoutes } from './routes/verify.ts';

// Supabase's gateway lets these through without an apikey: links in mails and OAuth redirects.
const OPEN_PATHS = ['/verify', '/callback', '/authorize'];

function gotruePath(req: FastifyRequest): string {
  return req.url.split('?')[0].replace(/^\/auth\/v1/, '').replace(/\/+$/, '') || '/';
}

const authPlugin: FastifyPluginAsync<{ ctx: StackContext }> = async (app, { ctx }) => {
  const api = makeAuthApi(ctx);
  const apiKey = requireApiKey(ctx);
  app.addHook('onRequest', async (req, reply) => {
    if (OPEN_PATHS.includes(gotruePath(req))) return;
    return apiKey(req, reply);
  });

  // GoTrue decodes every body as JSON whatever its content type, and an empty body as no
  // parameters (auth-js posts /logout that way).
  const parseJson = (_req: FastifyRequest, body: string | Buffer, done: (err: Error | null, value?: unknown) => void) => {
    const text = String(body);
    if (!text.trim()) return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (e) {
      done(new AuthError(400, 'bad_json', `Could not parse request body as JSON: ${(e as Error).message}`), undefined);
    }
  };
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  app.addContentTypeParser('*', { parseAs: 'string' }, parseJson);
  // OAuth clients post the token endpoint form-encoded.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if ((err as unknown) instanceof AuthError || (err as unknown) instanceof OAuthError) return sendAuthError(req, reply, err);
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.statusCode === 400) {
      return sendAuthError(req, reply, new AuthError(400, 'bad_json', `Could not parse request body as JSON: ${err.message}`));
    }
    if (err.statusCode === 413) return sendAuthError(req, reply, new AuthError(413, 'request_too_large', 'Request body too large'));
    return sendAuthError(req, reply, err);
  });
  app.setNotFoundHandler((req, reply) => sendAuthError(req, reply, notFound('not_found', 'Not Found')));

  metaRoutes(app, api);
  tokenRoutes(app, api);
  userRoutes(app, api);
  logoutRoutes(app, api);
  recoverRoutes(app, api);
  verifyRoutes(app, api);
  signupRoutes(app, api);
  adminUserRoutes(app, api);
  adminLinkRoutes(app, api);
};

export default authPlugin;
