// Request bodies as PostgREST reads them: JSON (object or array of objects) or CSV, kept raw by
// the plugin's content-type parsers so that parse errors are PostgREST's, not Fastify's.
import { invalidBody, RestError } from './errors.ts';
import { parseCsv } from './csv.ts';

export type Payload = Record<string, unknown>[];

export interface ParsedBody {
  rows: Payload;
  /** Whether the body was a single object (not an array). */
  single: boolean;
  /** The body text (PostgREST sends the JSON on as one parameter). */
  json: string;
}

export function contentTypeOf(header: string | undefined): string {
  return (header ?? 'application/json').split(';')[0].trim().toLowerCase();
}

export function parseBody(raw: unknown, contentType: string | undefined): ParsedBody {
  const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  const type = contentTypeOf(contentType);
  if (type === 'text/csv') {
    const rows = parseCsv(text);
    return { rows, single: false, json: JSON.stringify(rows) };
  }
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded' && !type.endsWith('+json')) {
    throw new RestError(415, 'PGRST107', `None of these media types are available: ${type}`);
  }
  let value: unknown;
  try {
    value = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw invalidBody();
  }
  if (value === undefined) throw invalidBody();
  if (Array.isArray(value)) {
    if (!value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) throw invalidBody();
    return { rows: value as Payload, single: false, json: text };
  }
  if (value === null || typeof value !== 'object') throw invalidBody();
  return { rows: [value as Record<string, unknown>], single: true, json: text };
}

/** The columns a payload writes: `columns=` if given, else the keys, which must match in every row. */
export function payloadColumns(rows: Payload, columns: string[] | undefined): string[] {
  if (columns) return columns;
  if (!rows.length) return [];
  const keys = Object.keys(rows[0]);
  for (const r of rows) {
    const k = Object.keys(r);
    if (k.length !== keys.length || !k.every((x) => keys.includes(x))) throw invalidBody('All object keys must match');
  }
  return keys;
}
