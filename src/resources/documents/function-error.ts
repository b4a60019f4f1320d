// Errors of the edge functions ({ error: { code, message } } with an HTTP status) as thrown objects
// the error translator understands: the code picks a translated sentence under `<namespace>.errors`.
import { FunctionsHttpError } from '@supabase/supabase-js';

export interface FunctionError { status: number; code?: string; message?: string; hint?: string }

export async function functionError(error: unknown, namespace: string): Promise<unknown> {
  if (!(error instanceof FunctionsHttpError)) return error;
  const res = error.context as Response;
  const payload = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  const code = payload.error?.code;
  return { status: res.status, code, message: payload.error?.message, hint: code ? `${namespace}.errors.${code}` : undefined } satisfies FunctionError;
}
