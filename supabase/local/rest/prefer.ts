// The Prefer header(s): PostgREST's preferences, several per header or over several headers.
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
  const prefs: Preferences = { applied: [] };
  const list = (Array.isArray(header) ? header.join(',') : header ?? '').split(',');
  for (const raw of list) {
    const item = raw.trim();
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === 'max-affected' && /^[0-9]{1,9}$/.test(value)) {
      prefs.maxAffected = Number(value);
      continue;
    }
    if (!ALLOWED[key]?.includes(value)) continue;
    (prefs as any)[key] = value;
  }
  return prefs;
}
