// What `npm start` prints once the stack is up, like `supabase status`.
import type { StackContext } from './context.ts';

export interface DemoAccount {
  email: string;
  name: string | null;
  roles: string | null;
}

/** The one password supabase/seed.sql gives every demo user. */
export const DEMO_PASSWORD = 'Bizdesk#2026';

/** Demo users are whoever the seed created; names and roles come from the user metadata. */
export async function demoAccounts(ctx: StackContext): Promise<DemoAccount[]> {
  const { rows } = await ctx.db.query<DemoAccount>(
    `select email, raw_user_meta_data ->> 'full_name' as name, raw_app_meta_data ->> 'demo_roles' as roles
       from auth.users where raw_app_meta_data ? 'demo_roles' order by created_at, email`,
  );
  return rows;
}

export function statusText(ctx: StackContext, extra: { appUrl?: string; mailUrl?: string; accounts: DemoAccount[]; demoPassword?: string }): string {
  const { config, keys } = ctx;
  const lines = [
    '',
    'BizDesk local stack is running.',
    '',
    `         API URL: ${config.apiUrl}`,
    `        REST URL: ${config.apiUrl}/rest/v1`,
    `   Functions URL: ${config.apiUrl}/functions/v1`,
    `     Storage URL: ${config.apiUrl}/storage/v1`,
    `        Database: ${config.dbMode === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}/db`}`,
    `        anon key: ${keys.anonKey}`,
    `service_role key: ${keys.serviceRoleKey}`,
  ];
  if (extra.mailUrl) lines.push(`         Mailbox: ${extra.mailUrl}`);
  if (extra.appUrl) lines.push('', `Open the app: ${extra.appUrl}`);
  if (extra.accounts.length) {
    lines.push('', `Demo accounts (password: ${extra.demoPassword ?? 'see README'}):`);
    for (const a of extra.accounts) lines.push(`  ${a.email.padEnd(28)} ${a.name ?? ''}  ${a.roles ?? ''}`);
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  return lines.join('\n');
}
