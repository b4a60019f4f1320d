// Which functions exist and how each is configured: a directory under the functions dir with an
// index.ts (names starting with _ or . are shared code), and `[functions.<name>]` in config.toml
// (verify_jwt defaults to true, entrypoint defaults to index.ts), as the Supabase CLI reads them.
import fs from 'node:fs';
import path from 'node:path';
import type { StackConfig } from '../config.ts';

export interface FunctionConfig {
  name: string;
  entrypoint: string;
  verifyJwt: boolean;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function functionConfig(config: StackConfig, name: string): FunctionConfig | undefined {
  if (!NAME.test(name)) return undefined;
  const spec = (config.toml.functions?.[name] ?? {}) as Record<string, unknown>;
  if (spec.enabled === false) return undefined;
  // A configured entrypoint is relative to supabase/, as the CLI reads it.
  const entrypoint =
    typeof spec.entrypoint === 'string'
      ? path.resolve(config.projectRoot, 'supabase', spec.entrypoint)
      : path.join(config.functionsDir, name, 'index.ts');
  if (!fs.existsSync(entrypoint)) return undefined;
  return { name, entrypoint, verifyJwt: spec.verify_jwt !== false };
}

/** The deno.json next to the functions (import map, nodeModulesDir), if there is one. */
export function denoConfigPath(config: StackConfig): string | undefined {
  for (const file of ['deno.json', 'deno.jsonc']) {
    const p = path.join(config.functionsDir, file);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}
