// Transactions for auth requests. Some refusals must still commit what was done before them
// (GoTrue's storage.NewCommitWithError), e.g. revoking a token family on refresh token reuse.
import type { Db, DbSession } from '../db/types.ts';

export function commitWithError<E extends Error>(e: E): E {
  return Object.assign(e, { commit: true });
}

export async function authTx<T>(db: Db, fn: (tx: DbSession) => Promise<T>): Promise<T> {
  let committedError: unknown;
  const result = await db.transaction(async (tx) => {
    try {
      return await fn(tx);
    } catch (e) {
      if (e && typeof e === 'object' && (e as { commit?: boolean }).commit) {
        committedError = e;
        return undefined as T;
      }
      throw e;
    }
  });
  if (committedError) throw committedError;
  return result;
}
