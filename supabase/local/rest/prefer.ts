// The Prefer header(s): PostgREST's preferences, several per header or over several headers.
import { RestError } from './errors.ts';

export interface Preferences {
  return?: 'minimal' | 'representation' | 'headers-only';
  count?: 'exact' | 'planned' | 'estimated';
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  missing?: 'default' | 'null';
  tx?: 'commit' | 'rollback';
  params?: 'single-object';
  handling?: 'strict' | 'lenient';
  maxAffected?: number;
  /** The preferences that were recognised, as they should be echoed in Preference-Applied. */
  applied: string[];
  /** Preferences that were not understood (refused under handling=strict). */
  invalid: string[];
}

const ALLOWED: Record<string, string[]> = {
  return: ['minimal', 'representation', 'headers-only'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  tx: ['commit', 'rollback'],
  params: ['single-object'],
  handling: ['strict', 'lenient'],
};

export function parsePrefer(header: string | string[] | undefined): Preferences {
  const prefs: Preferences = { applied: [], invalid: [] };
  const list = (Array.isArray(header) ? header.join(',') : header ?? '').split(',');
  for (const raw of list) {
    const item = raw.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    if (eq < 0) {
      prefs.invalid.push(item);
      continue;
    }
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === 'max-affected' && /^[0-9]{1,9}$/.test(value)) {
      prefs.maxAffected = Number(value);
      continue;
    }
    if (!ALLOWED[key]?.includes(value)) {
      prefs.invalid.push(item);
      continue;
    }
    (prefs as any)[key] = value;
  }
  return prefs;
}

/** PGRST122: `handling=strict` refuses preferences it does not understand. */
export function checkStrict(prefs: Preferences): void {
  if (prefs.handling === 'strict' && prefs.invalid.length) {
    throw new RestError(400, 'PGRST122', 'Invalid preferences given with handling=strict', `Invalid preferences: ${prefs.invalid.join(', ')}`);
  }
}
