// Media types, Content-Range and statuses of PostgREST responses.
import { RestError } from './errors.ts';

export type MediaType = 'json' | 'object' | 'csv';

export interface Negotiated {
  media: MediaType;
  stripNulls: boolean;
}

const CONTENT_TYPES: Record<MediaType, string> = {
  json: 'application/json; charset=utf-8',
  object: 'application/vnd.pgrst.object+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

export const contentTypeFor = (n: Negotiated) =>
  n.stripNulls ? CONTENT_TYPES[n.media].replace('; charset', ';nulls=stripped; charset') : CONTENT_TYPES[n.media];

/** The first acceptable media type of the Accept header. */
export function negotiate(accept: string | undefined): Negotiated {
  if (!accept || !accept.trim()) return { media: 'json', stripNulls: false };
  for (const raw of accept.split(',')) {
    const [type, ...params] = raw.split(';').map((s) => s.trim().toLowerCase());
    const stripNulls = params.includes('nulls=stripped');
    switch (type) {
      case '*/*':
      case 'application/*':
      case 'application/json':
        return { media: 'json', stripNulls: false };
      case 'application/vnd.pgrst.array+json':
        return { media: 'json', stripNulls };
      case 'application/vnd.pgrst.object+json':
      case 'application/vnd.pgrst.object':
        return { media: 'object', stripNulls };
      case 'text/csv':
        return { media: 'csv', stripNulls: false };
    }
  }
  throw new RestError(406, 'PGRST107', `None of these media types are available: ${accept}`);
}

export function contentRange(offset: number, pageTotal: number, total: number | null): string {
  const t = total === null ? '*' : String(total);
  return pageTotal > 0 ? `${offset}-${offset + pageTotal - 1}/${t}` : `*/${t}`;
}

/** 200, 206 for a partial page of a known total, or 416 past the end. */
export function rangeStatus(offset: number, pageTotal: number, total: number | null): number {
  if (total === null) return 200;
  if (offset > total) {
    throw new RestError(416, 'PGRST103', 'Requested range not satisfiable', `An offset of ${offset} was requested, but there are only ${total} rows.`);
  }
  return pageTotal < total ? 206 : 200;
}

/** `Range: 0-9` (items): the window it asks for. */
export function parseRangeHeader(header: string | undefined): { offset: number; limit?: number } | undefined {
  if (!header) return undefined;
  const m = /^\s*(?:items=)?(\d{1,15})-(\d{0,15})\s*$/.exec(header);
  if (!m) return undefined;
  const from = Number(m[1]);
  if (m[2] === '') return { offset: from };
  const to = Number(m[2]);
  if (to < from) throw new RestError(416, 'PGRST103', 'Requested range not satisfiable', 'The lower boundary must be lower than or equal to the upper boundary in the Range header.');
  return { offset: from, limit: to - from + 1 };
}
