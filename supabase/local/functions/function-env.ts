// The environment a function sees, as on Supabase: the project's URL and keys, the database URL when
// there is one, and supabase/functions/.env. Nothing else from the stack's own environment.
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import type { StackContext } from '../context.ts';

export function functionEnv(ctx: StackContext): Record<string, string> {
  const { config, keys } = ctx;
  const env: Record<string, string> = {
    SUPABASE_URL: config.apiUrl,
    SUPABASE_ANON_KEY: keys.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey,
  };
  if (config.databaseUrl) env.SUPABASE_DB_URL = config.databaseUrl;
  const dotenv = path.join(config.functionsDir, '.env');
  if (fs.existsSync(dotenv)) {
    for (const [k, v] of Object.entries(parseEnv(fs.readFileSync(dotenv, 'utf8')))) {
      if (v !== undefined && !k.startsWith('SUPABASE_')) env[k] = v;
    }
  }
  return env;
}
