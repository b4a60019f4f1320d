// Every API error becomes a readable, translated sentence: PostgREST / Postgres codes, the approval
// engine's BZxxx errors (by the i18n key in their hint), auth and storage errors, network failures.
import { i18n } from './i18n.ts';

interface ApiErrorLike {
  code?: string;
  hint?: string | null;
  details?: string | null;
  message?: string;
  status?: number;
  statusCode?: number | string;
  name?: string;
}

const PG_CODES: Record<string, string> = {
  '23505': 'errors.unique',
  '42501': 'errors.forbidden',
  '23514': 'errors.check',
  '23502': 'errors.notNull',
  '23503': 'errors.foreignKey',
  '22P02': 'errors.invalidInput',
  PGRST116: 'errors.notFound',
  PGRST301: 'auth.expired',
  PGRST303: 'auth.expired',
};

const AUTH_MESSAGES: Record<string, string> = {
  invalid_credentials: 'auth.errors.invalidCredentials',
  'Invalid login credentials': 'auth.errors.invalidCredentials',
  weak_password: 'auth.errors.weakPassword',
  same_password: 'auth.errors.samePassword',
  over_email_send_rate_limit: 'auth.errors.rateLimited',
  over_request_rate_limit: 'auth.errors.rateLimited',
  user_banned: 'auth.errors.banned',
};

/** The column named in a Postgres error's details, e.g. 'Key (email)=(x) already exists.' */
export function columnOf(error: ApiErrorLike): string | undefined {
  return /Key \(([a-z_]+)\)/.exec(error.details ?? '')?.[1] ?? /column "([a-z_]+)"/.exec(error.message ?? '')?.[1];
}

export function translateError(raw: unknown): string {
  const t = i18n.t.bind(i18n);
  if (!raw) return t('errors.unknown');
  const error = raw as ApiErrorLike;
  if (raw instanceof TypeError || error.name === 'AuthRetryableFetchError' || error.name === 'FunctionsFetchError' || /Failed to fetch|NetworkError/i.test(error.message ?? '')) {
    return t('errors.network');
  }
  if (error.hint && /^[a-z_]+(\.[a-zA-Z_]+)+$/.test(error.hint) && i18n.exists(error.hint)) return t(error.hint);
  if (error.code && error.code.startsWith('BZ')) return t(`approval.errors.${error.code}`);
  const authKey = AUTH_MESSAGES[error.code ?? ''] ?? AUTH_MESSAGES[error.message ?? ''];
  if (authKey) return t(authKey);
  const key = error.code ? PG_CODES[error.code] : undefined;
  if (key) {
    const column = columnOf(error);
    return t(key, { column: column ?? '' });
  }
  const status = Number(error.statusCode ?? error.status);
  if (status === 401) return t('auth.expired');
  if (status === 403) return t('errors.forbidden');
  if (status === 404) return t('errors.notFound');
  if (status === 413) return t('upload.errors.tooLarge');
  if (status === 415) return t('upload.errors.badType');
  if (status >= 500) return t('errors.server');
  return error.message && !error.message.trim().startsWith('{') ? error.message : t('errors.unknown');
}
