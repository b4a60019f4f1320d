// Starts a local stack for one test suite: on a fresh in-memory PGlite, or, when DATABASE_URL is
// set, on a fresh database created on that PostgreSQL server (dropped again at the end).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { loadConfig, type ConfigOverrides } from '../../supabase/local/config.ts';
import { createStack, type Stack } from '../../supabase/local/stack.ts';
import { pgliteSnapshot, postgresTemplate } from './snapshot.ts';

export interface TestStack {
  stack: Stack;
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  /** A supabase-js client (anon key unless another key is given), sessions kept in memory. */
  client(key?: string): SupabaseClient;
  /** The service_role client. */
  admin(): SupabaseClient;
  /** Reloads the schema caches after a test changed the schema (what NOTIFY pgrst does). */
  reloadSchema(): Promise<void>;
  close(): Promise<void>;
}

export const onPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

/**
 * Creates a database on the DATABASE_URL server (empty, or a copy of a template); returns its URL
 * and a dropper.
 */
export async function createTempPostgresDb(template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `bizdesk_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${pg.escapeIdentifier(template)}` : ''}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function tempDir(prefix = 'bizdesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function makeClient(url: string, key: string): SupabaseClient {
  return createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
}

export async function startTestStack(overrides: ConfigOverrides = {}): Promise<TestStack> {
  const dataDir = tempDir();
  // Suites start from the migrated, seeded database, copied (see snapshot.ts).
  const pgDb = onPostgres() ? await createTempPostgresDb(await postgresTemplate(process.env.DATABASE_URL!)) : undefined;
  const config = loadConfig(process.env, {
    memorySnapshot: pgDb ? undefined : await pgliteSnapshot(),
    host: '127.0.0.1',
    port: 0,
    dataDir,
    dbMode: pgDb ? 'postgres' : 'memory',
    databaseUrl: pgDb?.url,
    logLevel: 'silent',
    scheduler: false,
    ...overrides,
  });
  let stack: Stack;
  try {
    stack = await createStack(config);
  } catch (e) {
    await pgDb?.drop();
    throw e;
  }
  const url = await stack.listen();
  const { anonKey, serviceRoleKey } = stack.ctx.keys;
  return {
    stack,
    url,
    anonKey,
    serviceRoleKey,
    client: (key = anonKey) => makeClient(url, key),
    admin: () => makeClient(url, serviceRoleKey),
    async reloadSchema() {
      for (const reload of stack.ctx.onSchemaChange) await reload();
    },
    async close() {
      await stack.close();
      await pgDb?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
