// The signed-in user: id, email, full name and app roles (from the auth provider's identity).
import { useGetIdentity } from '@refinedev/core';
import type { Identity } from '../providers/auth-provider.ts';

export function useCurrentUser(): Identity | undefined {
  const { data } = useGetIdentity<Identity>();
  return data ?? undefined;
}
