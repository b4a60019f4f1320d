// The Supabase data provider, with every error's message translated and column errors handed to
// forms as field errors (Refine's HttpError.errors).
import type { DataProvider, HttpError } from '@refinedev/core';
import { dataProvider as supabaseDataProvider } from '@refinedev/supabase';
import { supabase } from './supabase-client.ts';
import { columnOf, translateError } from './error-messages.ts';

function toHttpError(error: unknown): HttpError {
  const e = error as HttpError & { code?: string; details?: string; status?: number };
  const message = translateError(e);
  const column = e && (e.code === '23505' || e.code === '23514' || e.code === '23502') ? columnOf(e) : undefined;
  return {
    ...e,
    message,
    statusCode: e?.code === '42501' ? 403 : Number(e?.status ?? e?.statusCode) || 400,
    errors: column ? { [column]: [message] } : undefined,
  };
}

const base = supabaseDataProvider(supabase);

export const dataProvider: DataProvider = Object.fromEntries(
  Object.entries(base).map(([name, fn]) => [
    name,
    typeof fn === 'function'
      ? async (...args: unknown[]) => {
          try {
            return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
          } catch (error) {
            throw toHttpError(error);
          }
        }
      : fn,
  ]),
) as unknown as DataProvider;
