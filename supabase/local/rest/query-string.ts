// The raw query string as PostgREST reads it: repeated keys kept in order, `+` as space.
import { parseError } from './errors.ts';

export type QueryPairs = [string, string][];

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw parseError('query string', s.slice(0, 100), 'invalid percent-encoding');
  }
}

export function parseQueryString(rawUrl: string): QueryPairs {
  const q = rawUrl.indexOf('?');
  if (q < 0) return [];
  const out: QueryPairs = [];
  for (const part of rawUrl.slice(q + 1).split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    out.push(eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
  }
  return out;
}

/** The request path without the query string, percent-decoded. */
export function pathOf(rawUrl: string): string {
  const q = rawUrl.indexOf('?');
  return decode(q < 0 ? rawUrl : rawUrl.slice(0, q));
}
