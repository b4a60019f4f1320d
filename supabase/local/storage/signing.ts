// Signed download and upload URLs: HS256 JWTs with the stack's secret carrying the object's
// `bucket/key` as `url` and an expiry, as Storage signs them. Upload tokens also carry owner/upsert.
import { signJwt, verifyJwt, type JwtClaims } from '../jwt.ts';
import { errors } from './errors.ts';

/** Storage's signed upload URLs live two hours. */
export const SIGNED_UPLOAD_EXPIRES_IN = 7200;

type Scope = 'download' | 'upload';

export async function signObjectToken(secret: string, url: string, expiresIn: number, scope: Scope, extra: JwtClaims = {}): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return signJwt({ ...extra, url, scope, iat, exp: iat + expiresIn }, secret);
}

export interface SignedToken {
  url: string;
  exp: number;
  owner?: string;
  upsert?: boolean;
}

/** Checks a token against the object it is used for; refusals are Storage's errors. */
export async function verifyObjectToken(secret: string, token: unknown, url: string, scope: Scope): Promise<SignedToken> {
  if (typeof token !== 'string' || !token) throw errors.invalidJwt('Invalid Compact JWS');
  const check = await verifyJwt(token, secret);
  if (!check.ok) throw errors.invalidJwt(check.reason === 'expired' ? '"exp" claim timestamp check failed' : check.message);
  const claims = check.claims;
  if (claims.scope !== scope) throw errors.invalidSignature(`Token is not scoped for ${scope}`);
  if (claims.url !== url) throw errors.invalidSignature();
  return claims as unknown as SignedToken;
}

/** Storage validates expiresIn as a positive whole number of seconds. */
export function mustBeValidExpiresIn(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw errors.invalidParameter('Invalid Parameter expiresIn');
  }
  return n;
}
