// Built statements per request shape, kept per schema cache (a reload starts afresh), bounded.
import type { SchemaCache } from './schema-cache.ts';

const MAX_ENTRIES = 500;
const byCache = new WeakMap<SchemaCache, Map<string, unknown>>();

export function cachedPlan<T>(cache: SchemaCache, key: string, build: () => T): T {
  let entries = byCache.get(cache);
  if (!entries) byCache.set(cache, (entries = new Map()));
  const hit = entries.get(key);
  if (hit !== undefined) {
    // Most recently used last, so eviction drops the least recently used.
    entries.delete(key);
    entries.set(key, hit);
    return hit as T;
  }
  const value = build();
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, value);
  return value;
}
