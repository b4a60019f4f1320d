// Everything the local stack is configured by, read once: settings shared with Supabase come from
// supabase/config.toml, machine-specific ones (port, data dir, DATABASE_URL, JWT secret) from env.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The Supabase CLI's well-known local secret: with it the anon / service_role keys are the same
// ones `supabase start` prints, so clients configured for a CLI stack work here unchanged.
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

export type SupabaseToml = Record<string, any>;

export interface StackConfig {
  projectRoot: string;
  host: string;
  port: number;
  /** Public base URL of the API, as clients reach it (filled in once the port is known). */
  apiUrl: string;
  appPort: number;
  /** Root of persistent local data: db/, storage/, mail/. */
  dataDir: string;
  /** 'memory' keeps the embedded database in memory (tests). */
  dbMode: 'pglite' | 'memory' | 'postgres';
  databaseUrl?: string;
  jwtSecret: string;
  toml: SupabaseToml;
  migrationsDir: string;
  seedPaths: string[];
  functionsDir: string;
  storageDir: string;
  mailDir: string;
  /** Run supabase/seed.sql on a new database. */
  seed: boolean;
  /** For dbMode 'memory': a gzipped data directory (PGlite dumpDataDir) to start from. */
  memorySnapshot?: Blob;
  logLevel: string;
  /** Wall-clock limit of one edge-function request (the Supabase CLI's local default: 400 s). */
  functionsTimeoutSec: number;
  /** Deno's module cache, shared by the function processes. */
  denoDir: string;
  /** Run the periodic jobs pg_cron runs on Supabase (off in test stacks: tests run them on purpose). */
  scheduler: boolean;
}

export interface ConfigOverrides extends Partial<Omit<StackConfig, 'toml'>> {
  tomlPath?: string;
}

export function readToml(file: string): SupabaseToml {
  try {
    return parseToml(fs.readFileSync(file, 'utf8')) as SupabaseToml;
  } catch (e) {
    throw new Error(`cannot read ${path.relative(process.cwd(), file)}: ${(e as Error).message}`);
  }
}

function intFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, got "${value}"`);
  return n;
}

function positiveFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): StackConfig {
  const projectRoot = overrides.projectRoot ?? PROJECT_ROOT;
  const supabaseDir = path.join(projectRoot, 'supabase');
  const toml = readToml(overrides.tomlPath ?? path.join(supabaseDir, 'config.toml'));
  const host = overrides.host ?? env.BIZDESK_HOST ?? '127.0.0.1';
  const port = overrides.port ?? intFromEnv(env.BIZDESK_PORT, toml.api?.port ?? 54321, 'BIZDESK_PORT');
  const appPort = overrides.appPort ?? intFromEnv(env.BIZDESK_APP_PORT, 5173, 'BIZDESK_APP_PORT');
  const dataDir = path.resolve(projectRoot, overrides.dataDir ?? env.BIZDESK_DATA_DIR ?? '.data');
  const databaseUrl = overrides.databaseUrl ?? (env.DATABASE_URL || undefined);
  const dbMode = overrides.dbMode ?? (databaseUrl ? 'postgres' : 'pglite');
  const jwtSecret = overrides.jwtSecret ?? env.BIZDESK_JWT_SECRET ?? DEFAULT_JWT_SECRET;
  if (jwtSecret.length < 32) throw new Error('BIZDESK_JWT_SECRET must be at least 32 characters long');
  const seedPaths = ((toml.db?.seed?.sql_paths as string[] | undefined) ?? ['./seed.sql']).map((p) =>
    path.resolve(supabaseDir, p),
  );
  return {
    projectRoot,
    host,
    port,
    apiUrl: overrides.apiUrl ?? `http://${host}:${port}`,
    appPort,
    dataDir,
    dbMode,
    databaseUrl,
    jwtSecret,
    toml,
    migrationsDir: overrides.migrationsDir ?? path.join(supabaseDir, 'migrations'),
    seedPaths: overrides.seedPaths ?? seedPaths,
    functionsDir: overrides.functionsDir ?? path.join(supabaseDir, 'functions'),
    storageDir: overrides.storageDir ?? path.join(dataDir, 'storage'),
    mailDir: overrides.mailDir ?? path.join(dataDir, 'mail'),
    seed: overrides.seed ?? toml.db?.seed?.enabled !== false,
    memorySnapshot: overrides.memorySnapshot,
    logLevel: overrides.logLevel ?? env.BIZDESK_LOG_LEVEL ?? 'warn',
    functionsTimeoutSec: overrides.functionsTimeoutSec ?? positiveFromEnv(env.BIZDESK_FUNCTIONS_TIMEOUT_SEC, 400, 'BIZDESK_FUNCTIONS_TIMEOUT_SEC'),
    denoDir: overrides.denoDir ?? env.DENO_DIR ?? path.join(os.homedir(), '.cache', 'deno'),
    scheduler: overrides.scheduler ?? env.BIZDESK_SCHEDULER !== 'off',
  };
}
