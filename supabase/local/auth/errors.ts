// GoTrue's error responses. Since API version 2024-01-01 (which auth-js always asks for with the
// X-Supabase-Api-Version header) errors are `{code: <error_code>, message}`; older callers get
// `{code: <http status>, error_code, msg}`. Both carry the `x-sb-error-code` header.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isPgError } from '../db/types.ts';

export const API_VERSION_HEADER = 'x-supabase-api-version';

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    /** Extra fields (weak_password reasons). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** An OAuth2-style error (`{error, error_description}`), always 400, as GoTrue's OAuthError. */
export class OAuthError extends Error {
  constructor(readonly error: string, readonly description: string) {
    super(`${error}: ${description}`);
  }
}

export const badRequest = (code: string, msg: string) => new AuthError(400, code, msg);
export const forbidden = (code: string, msg: string) => new AuthError(403, code, msg);
export const notFound = (code: string, msg: string) => new AuthError(404, code, msg);
export const unprocessable = (code: string, msg: string) => new AuthError(422, code, msg);
export const tooManyRequests = (code: string, msg: string) => new AuthError(429, code, msg);
export const internal = (msg: string) => new AuthError(500, 'unexpected_failure', msg);

export function weakPassword(message: string, reasons: string[]): AuthError {
  return new AuthError(422, 'weak_password', message, { weak_password: { reasons } });
}

/** The API version the request asks for: '2024-01-01' for any date from then on, else none. */
export function requestApiVersion(req: FastifyRequest): string | undefined {
  const raw = req.headers[API_VERSION_HEADER];
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const t = Date.parse(`${raw}T00:00:00Z`);
  if (Number.isNaN(t)) return undefined;
  return t >= Date.parse('2024-01-01T00:00:00Z') ? '2024-01-01' : undefined;
}

export function sendAuthError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const version = requestApiVersion(req);
  if (version) reply.header('X-Supabase-Api-Version', version);
  if (err instanceof OAuthError) {
    return reply.code(400).send({ error: err.error, error_description: err.description });
  }
  let e: AuthError;
  if (err instanceof AuthError) {
    e = err;
  } else if (isPgError(err) && err.code === '22021') {
    // A NUL or invalid UTF-8 in a field the database was asked about: bad input, not a failure.
    e = badRequest('validation_failed', 'Invalid input: the request contains characters that are not allowed');
  } else {
    req.log.error({ err }, 'auth: unexpected failure');
    e = internal('Unexpected failure, please check server logs for more information');
  }
  reply.code(e.status);
  if (e.errorCode && e.errorCode !== 'weak_password') reply.header('x-sb-error-code', e.errorCode);
  if (version) return reply.send({ code: e.errorCode || 'unknown', message: e.message, ...e.extra });
  if (e.errorCode === 'weak_password') reply.header('x-sb-error-code', e.errorCode);
  return reply.send({ code: e.status, error_code: e.errorCode || 'unknown', msg: e.message, ...e.extra });
}
