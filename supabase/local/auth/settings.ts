// GoTrue's settings as the Supabase CLI derives them from supabase/config.toml [auth].
import type { StackConfig } from '../config.ts';

// The character sets the Supabase CLI passes as GOTRUE_PASSWORD_REQUIRED_CHARACTERS.
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const SYMBOLS = "!@#$%^&*()_+-=[]{};'\\:\"|<>?,./`~";
const REQUIRED_CHARACTERS: Record<string, string[]> = {
  '': [],
  letters_digits: [LOWER + UPPER, DIGITS],
  lower_upper_letters_digits: [LOWER, UPPER, DIGITS],
  lower_upper_letters_digits_symbols: [LOWER, UPPER, DIGITS, SYMBOLS],
};

export interface AuthSettings {
  /** `${apiUrl}/auth/v1`, read when needed because the port is known only after listen. */
  issuer(): string;
  siteUrl: string;
  additionalRedirectUrls: string[];
  jwtExpiry: number;
  aud: string;
  refreshTokenRotation: boolean;
  refreshTokenReuseInterval: number;
  enableSignup: boolean;
  mailerAutoconfirm: boolean;
  secureEmailChange: boolean;
  minPasswordLength: number;
  requiredCharacters: string[];
  /** Seconds between two mails of one kind to one user ([auth.email] max_frequency). */
  maxFrequencySeconds: number;
  otpExpirySeconds: number;
  rateLimits: { signInSignUps: number; tokenRefresh: number; tokenVerifications: number; emailSent: number };
  customAccessTokenHook?: { functionName: string; schema: string; uri: string };
}

function seconds(value: unknown, fallback: number): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return fallback;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value.trim());
  if (!m) return fallback;
  const n = Number(m[1]);
  return { ms: n / 1000, s: n, m: n * 60, h: n * 3600 }[m[2] as 'ms' | 's' | 'm' | 'h'];
}

/** `pg-functions://postgres/<schema>/<function>` as GoTrue parses it. */
export function parseHookUri(uri: string): { schema: string; functionName: string } {
  const url = new URL(uri);
  if (url.protocol !== 'pg-functions:') throw new Error(`auth hook uri must be pg-functions://…, got "${uri}"`);
  const [, schema, functionName] = url.pathname.split('/');
  if (!schema || !functionName) throw new Error(`auth hook uri must name a schema and a function, got "${uri}"`);
  return { schema: decodeURIComponent(schema), functionName: decodeURIComponent(functionName) };
}

export function authSettings(config: StackConfig): AuthSettings {
  const auth = (config.toml.auth ?? {}) as Record<string, any>;
  const email = (auth.email ?? {}) as Record<string, any>;
  const rate = (auth.rate_limit ?? {}) as Record<string, any>;
  const hook = auth.hook?.custom_access_token as Record<string, any> | undefined;
  const requirements = String(auth.password_requirements ?? '');
  if (!(requirements in REQUIRED_CHARACTERS)) {
    throw new Error(`[auth] password_requirements "${requirements}" is not one Supabase knows`);
  }
  let customAccessTokenHook: AuthSettings['customAccessTokenHook'];
  if (hook?.enabled === true) {
    const uri = String(hook.uri ?? '');
    customAccessTokenHook = { uri, ...parseHookUri(uri) };
  }
  return {
    issuer: () => `${config.apiUrl}/auth/v1`,
    siteUrl: String(auth.site_url ?? 'http://127.0.0.1:3000'),
    additionalRedirectUrls: (auth.additional_redirect_urls as string[] | undefined) ?? [],
    jwtExpiry: Number(auth.jwt_expiry ?? 3600),
    aud: 'authenticated',
    refreshTokenRotation: auth.enable_refresh_token_rotation !== false,
    refreshTokenReuseInterval: Number(auth.refresh_token_reuse_interval ?? 10),
    // The CLI turns signups off when either [auth] or [auth.email] says so.
    enableSignup: auth.enable_signup !== false && email.enable_signup !== false,
    mailerAutoconfirm: email.enable_confirmations !== true,
    secureEmailChange: email.double_confirm_changes !== false,
    minPasswordLength: Number(auth.minimum_password_length ?? 6),
    requiredCharacters: REQUIRED_CHARACTERS[requirements],
    maxFrequencySeconds: seconds(email.max_frequency, 1),
    otpExpirySeconds: Number(email.otp_expiry ?? 3600),
    rateLimits: {
      signInSignUps: Number(rate.sign_in_sign_ups ?? 30),
      tokenRefresh: Number(rate.token_refresh ?? 150),
      tokenVerifications: Number(rate.token_verifications ?? 30),
      emailSent: Number(rate.email_sent ?? 2),
    },
    customAccessTokenHook,
  };
}
