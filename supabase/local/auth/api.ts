// What every auth route shares: settings, limiters, request helpers.
import type { FastifyRequest } from 'fastify';
import type { StackContext } from '../context.ts';
import { badRequest } from './errors.ts';
import { clientIp, WindowLimiter } from './rate-limit.ts';
import type { AuthContext, ClientInfo } from './sessions.ts';
import { authSettings, type AuthSettings } from './settings.ts';

const FIVE_MINUTES = 5 * 60 * 1000;

export interface AuthApi {
  ctx: StackContext;
  settings: AuthSettings;
  ac: AuthContext;
  limits: {
    /** GoTrue's Token limiter: every /token request per IP ([auth.rate_limit] token_refresh per 5 min). */
    token: WindowLimiter;
    /**
     * Failed password sign-ins per IP and per email ([auth.rate_limit] sign_in_sign_ups per 5 min);
     * once used up, every attempt is refused until the window moves on.
     */
    signIn: WindowLimiter;
    /** /verify per IP (token_verifications per 5 min). */
    verify: WindowLimiter;
    /** /recover and /signup per IP (GoTrue's OTP limiter, sign_in_sign_ups per 5 min). */
    otp: WindowLimiter;
    /** Mails sent by the whole project per hour (email_sent). */
    email: WindowLimiter;
  };
}

export function makeAuthApi(ctx: StackContext): AuthApi {
  const settings = authSettings(ctx.config);
  const r = settings.rateLimits;
  return {
    ctx,
    settings,
    ac: { settings, secret: ctx.config.jwtSecret },
    limits: {
      token: new WindowLimiter(r.tokenRefresh, FIVE_MINUTES),
      signIn: new WindowLimiter(r.signInSignUps, FIVE_MINUTES),
      verify: new WindowLimiter(r.tokenVerifications, FIVE_MINUTES),
      otp: new WindowLimiter(r.signInSignUps, FIVE_MINUTES),
      email: new WindowLimiter(r.emailSent, 60 * 60 * 1000),
    },
  };
}

export function clientInfo(req: FastifyRequest): ClientInfo {
  const ua = req.headers['user-agent'];
  return { ip: clientIp(req), userAgent: typeof ua === 'string' && ua ? ua : undefined };
}

/** The JSON body as an object (GoTrue decodes into a struct; anything else is bad_json). */
export function bodyOf(req: FastifyRequest): Record<string, unknown> {
  const b = req.body;
  if (b === undefined || b === null || b === '') return {};
  if (typeof b !== 'object' || Array.isArray(b)) {
    throw badRequest('bad_json', 'Could not parse request body as JSON: json: cannot unmarshal into Go value');
  }
  return b as Record<string, unknown>;
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Fields GoTrue reads as strings: a value of another JSON type is a decoding error. */
export function strField(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') {
    throw badRequest('bad_json', `Could not parse request body as JSON: json: cannot unmarshal ${typeof v} into Go struct field .${key} of type string`);
  }
  return v;
}

export function objField(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw badRequest('bad_json', `Could not parse request body as JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go struct field .${key} of type map[string]interface {}`);
  }
  return v as Record<string, unknown>;
}

const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** GoTrue's validateEmail: required, at most 255 characters, a plausible address; lower-cased. */
export function validateEmail(email: string): string {
  if (!email) throw badRequest('validation_failed', 'An email address is required');
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!EMAIL.test(email)) throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  return email.toLowerCase();
}

function globToRegExp(glob: string): RegExp {
  const src = glob
    .split('**')
    .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${src}$`);
}

/** A plain (non-glob) allowed URL also allows the paths below it on the same origin. */
function sameOriginUnder(pattern: string, target: URL): boolean {
  if (pattern.includes('*')) return false;
  try {
    const p = new URL(pattern);
    return p.origin === target.origin && target.pathname.startsWith(p.pathname);
  } catch {
    return false;
  }
}

/**
 * GoTrue's redirect check: redirect_to is used when it is on the site URL's host or matches one of
 * additional_redirect_urls (globs); otherwise the site URL.
 */
export function allowedRedirect(settings: AuthSettings, redirectTo: string | undefined): string {
  if (!redirectTo) return settings.siteUrl;
  let target: URL;
  try {
    target = new URL(redirectTo);
  } catch {
    return settings.siteUrl;
  }
  try {
    if (new URL(settings.siteUrl).hostname === target.hostname) return redirectTo;
  } catch {
    // site_url not a URL: only the list can allow it
  }
  const bare = redirectTo.split('#')[0];
  for (const pattern of settings.additionalRedirectUrls) {
    if (pattern === bare || globToRegExp(pattern).test(bare) || sameOriginUnder(pattern, target)) return redirectTo;
  }
  return settings.siteUrl;
}

export function requestAud(api: AuthApi, req: FastifyRequest): string {
  const h = req.headers['x-jwt-aud'];
  return typeof h === 'string' && h ? h : api.settings.aud;
}
