// Shared by the storage API suites: user clients with minted JWTs and a direct look at the stack's
// storage directory and table.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import WebSocket from 'ws';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { signJwt } from '../../supabase/local/jwt.ts';
import type { TestStack } from '../helpers/stack.ts';

export interface TestUser {
  id: string;
  jwt: string;
  client: SupabaseClient;
}

export async function makeUser(t: TestStack, expiresIn = 3600): Promise<TestUser> {
  const id = crypto.randomUUID();
  const jwt = await signJwt(
    { sub: id, role: 'authenticated', aud: 'authenticated', email: `${id}@example.com`, exp: Math.floor(Date.now() / 1000) + expiresIn },
    t.stack.ctx.config.jwtSecret,
  );
  const client = createClient(t.url, t.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
    global: { headers: { Authorization: `Bearer ${jwt}` } },
  });
  return { id, jwt, client };
}

/** Every file under the stack's storage directory (temp files included), relative paths. */
export function storedFiles(t: TestStack): string[] {
  const root = t.stack.ctx.config.storageDir;
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}

export async function objectRows(t: TestStack, bucket: string): Promise<{ name: string; owner: string | null; version: string }[]> {
  const { rows } = await t.stack.ctx.db.query<{ name: string; owner: string | null; version: string }>(
    'select name, owner, version from storage.objects where bucket_id = $1 order by name',
    [bucket],
  );
  return rows;
}

/** Owner-folder policies, the pattern the project's own buckets use: `<uid>/...`. */
export const OWNER_FOLDER_POLICIES = `
  create policy "own folder read" on storage.objects for select to authenticated
    using (bucket_id = 'docs' and (storage.foldername(name))[1] = (select auth.uid())::text);
  create policy "own folder insert" on storage.objects for insert to authenticated
    with check (bucket_id = 'docs' and (storage.foldername(name))[1] = (select auth.uid())::text);
  create policy "own folder update" on storage.objects for update to authenticated
    using (bucket_id = 'docs' and (storage.foldername(name))[1] = (select auth.uid())::text);
  create policy "own folder delete" on storage.objects for delete to authenticated
    using (bucket_id = 'docs' and (storage.foldername(name))[1] = (select auth.uid())::text);
`;
