// Object keys and bucket names as Storage validates them, plus the filesystem guard: a key can never
// resolve outside its bucket's directory.
import path from 'node:path';
import { errors } from './errors.ts';

// Storage accepts S3-safe characters only (no control characters, no NUL, no backslash).
const VALID_OBJECT_KEY = /^[A-Za-z0-9_/!.*'() &$=@;:+,?-]*$/;
const VALID_BUCKET_NAME = /^[A-Za-z0-9_!.*'() &$=@;:+,?-]*$/;
/** S3's key limit; each path segment also has to fit a file name (255 bytes). */
const MAX_KEY_BYTES = 1024;
const MAX_SEGMENT_BYTES = 200;

export function mustBeValidKey(key: string | undefined): asserts key is string {
  if (!key || !VALID_OBJECT_KEY.test(key)) throw errors.invalidKey(key ?? '');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw errors.invalidKey(key);
  for (const segment of key.split('/')) {
    // `.` and `..` would walk the directory tree; empty segments (a//b, /a) are not file names.
    if (segment === '.' || segment === '..') throw errors.invalidKey(key);
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) throw errors.invalidKey(key);
  }
  if (key.startsWith('/') || key.includes('//')) throw errors.invalidKey(key);
}

export function mustBeValidBucketName(name: string | undefined): asserts name is string {
  if (!name || name.length > 100 || !VALID_BUCKET_NAME.test(name) || name.trim() !== name) throw errors.invalidBucketName();
  if (name === '.' || name === '..') throw errors.invalidBucketName();
}

/** Joins root and relative parts and refuses anything that lands outside root. */
export function securePath(root: string, ...parts: string[]): string {
  const base = path.resolve(root);
  const rel = parts.join('/');
  if (rel.includes('\0') || path.isAbsolute(rel)) throw errors.invalidKey(rel);
  if (rel.split('/').some((s) => s === '.' || s === '..')) throw errors.invalidKey(rel);
  const resolved = path.resolve(base, rel);
  if (!resolved.startsWith(base + path.sep)) throw errors.invalidKey(rel);
  return resolved;
}

/** Bucket limits like Storage's parseFileSizeToBytes: 20GB / 20MB / 30KB / 3B (decimal units). */
export function parseFileSizeToBytes(value: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)(gb|mb|kb|b)$/i.exec(value);
  if (!m) throw errors.invalidFileSizeLimit();
  const n = Number(Number.parseFloat(m[1]).toPrecision(3));
  const unit = m[2].toUpperCase();
  return n * (unit === 'GB' ? 1e9 : unit === 'MB' ? 1e6 : unit === 'KB' ? 1e3 : 1);
}

/** Sizes in supabase/config.toml as the Supabase CLI reads them ("50MiB", "5MB", 1024): binary units. */
export function parseConfigSize(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return value;
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?)(i?b)?\s*$/i.exec(String(value));
  if (!m) throw new Error(`invalid size in supabase/config.toml: "${value}"`);
  const power = { '': 0, k: 1, m: 2, g: 3, t: 4 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.floor(Number(m[1]) * 1024 ** power);
}
