// Sends a statement's result the way PostgREST does: body by media type, Content-Range, status,
// Preference-Applied; PGRST116 when one object was asked for and the rows are not one.
import type { FastifyReply } from 'fastify';
import { RestError, singularError } from './errors.ts';
import { contentTypeFor, type Negotiated } from './response.ts';
import { toCsv } from './csv.ts';
import type { Preferences } from './prefer.ts';
import type { ReadPlan } from './plan.ts';

export interface StatementResult {
  total: number | null;
  pageTotal: number;
  /** JSON text (array, or the object when singular); '' when nothing is returned. */
  body: string;
}

export function resultOf(row: { total: string | null; page_total: number; body: string } | undefined): StatementResult {
  return { total: row?.total == null ? null : Number(row.total), pageTotal: row?.page_total ?? 0, body: row?.body ?? '' };
}

/** Checks made inside the transaction, so that a refused write is rolled back. */
export function checkResult(r: StatementResult, neg: Negotiated, prefs: Preferences): void {
  if (neg.media === 'object' && r.pageTotal !== 1) throw singularError(r.pageTotal);
  if (prefs.handling === 'strict' && prefs.maxAffected !== undefined && r.pageTotal > prefs.maxAffected) {
    throw new RestError(400, 'PGRST124', 'Query result exceeds max-affected preference constraint', `The query affects ${r.pageTotal} rows`);
  }
}

export function appliedPreferences(prefs: Preferences, keys: (keyof Preferences)[]): string | undefined {
  const out: string[] = [];
  for (const k of keys) {
    const v = prefs[k];
    if (v === undefined) continue;
    out.push(k === 'maxAffected' ? `max-affected=${v}` : `${k}=${v}`);
  }
  return out.length ? out.join(', ') : undefined;
}

export function csvColumns(plan: ReadPlan): string[] {
  return plan.output.map((o) => (o.kind === 'embed' ? o.embed.label : o.label));
}

/** `csvRows`: the body already holds the CSV lines (reads); else it is JSON to convert (writes). */
export function sendBody(reply: FastifyReply, neg: Negotiated, r: StatementResult, plan: ReadPlan | undefined, csvRows = false): FastifyReply {
  reply.header('Content-Type', contentTypeFor(neg));
  if (neg.media === 'csv' && csvRows) {
    // PostgREST: a header line of the column names (none without rows), then one line per row.
    return reply.send(`${r.pageTotal && plan ? csvColumns(plan).join(',') : ''}\n${r.body}`);
  }
  if (neg.media === 'csv') {
    const rows = r.body ? (JSON.parse(r.body) as Record<string, unknown>[]) : [];
    return reply.send(toCsv(rows, plan ? csvColumns(plan) : rows.length ? Object.keys(rows[0]) : []));
  }
  return reply.send(r.body);
}
