// The demo department of supabase/seed.sql, signed in through the auth API as real users.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { TestStack } from './stack.ts';

export const DEMO_PASSWORD = 'Bizdesk#2026';

export const DEMO = {
  gm: 'gm@bizdesk.test',
  manager: 'manager@bizdesk.test',
  deputy1: 'deputy1@bizdesk.test', // in charge of marketing and project execution
  deputy2: 'deputy2@bizdesk.test', // in charge of customer service
  leaderMkt: 'leader.mkt@bizdesk.test',
  sales1: 'sales1@bizdesk.test', // marketing
  sales2: 'sales2@bizdesk.test', // marketing
  merch1: 'merch1@bizdesk.test',
  leaderPe: 'leader.pe@bizdesk.test',
  sales3: 'sales3@bizdesk.test', // project execution
  leaderCs: 'leader.cs@bizdesk.test',
  cs1: 'cs1@bizdesk.test', // customer service
  legal: 'legal@bizdesk.test',
  hr: 'hr@bizdesk.test',
  finance: 'finance@bizdesk.test',
  archivist: 'archive@bizdesk.test',
  admin: 'admin@bizdesk.test',
} as const;

export type DemoPerson = keyof typeof DEMO;

export const GROUPS = {
  marketing: '30000000-0000-4000-8000-000000000001',
  projectExecution: '30000000-0000-4000-8000-000000000002',
  customerService: '30000000-0000-4000-8000-000000000003',
} as const;

export interface SignedIn {
  client: SupabaseClient;
  id: string;
  email: string;
}

/** Signs demo people in once per stack and hands out their clients. */
export function demoPeople(t: TestStack) {
  const cache = new Map<DemoPerson, Promise<SignedIn>>();
  return (who: DemoPerson): Promise<SignedIn> => {
    let p = cache.get(who);
    if (!p) {
      p = (async () => {
        const client = t.client();
        const { data, error } = await client.auth.signInWithPassword({ email: DEMO[who], password: DEMO_PASSWORD });
        if (error) throw new Error(`sign-in of ${who} failed: ${error.message}`);
        return { client, id: data.user!.id, email: DEMO[who] };
      })();
      cache.set(who, p);
    }
    return p;
  };
}
