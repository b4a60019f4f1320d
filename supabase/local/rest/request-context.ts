// Everything a handler needs about one request, gathered once by the plugin.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/types.ts';
import type { RequestInfo } from '../db/as-role.ts';
import type { Caller } from './auth.ts';
import { RestError, tableNotFound } from './errors.ts';
import type { Preferences } from './prefer.ts';
import type { QueryPairs } from './query-string.ts';
import { relKey, type Relation, type SchemaCache } from './schema-cache.ts';

export interface RestRequest {
  req: FastifyRequest;
  reply: FastifyReply;
  db: Db;
  caller: Caller;
  info: RequestInfo;
  pairs: QueryPairs;
  prefs: Preferences;
  cache: SchemaCache;
  schema: string;
  maxRows?: number;
}

export function headerOf(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** The schema a request addresses: Accept-Profile (reads) or Content-Profile (writes). */
export function profileSchema(req: FastifyRequest, exposed: string[]): string {
  const header = req.method === 'GET' || req.method === 'HEAD' ? 'accept-profile' : 'content-profile';
  const asked = headerOf(req, header);
  if (asked === undefined || asked === '') return exposed[0];
  if (!exposed.includes(asked)) {
    throw new RestError(406, 'PGRST106', `Invalid schema: ${asked}`, null, `Only the following schemas are exposed: ${exposed.join(', ')}`);
  }
  return asked;
}

export function findRelation(cache: SchemaCache, schema: string, name: string): Relation {
  const rel = cache.relations.get(relKey(schema, name));
  if (rel) return rel;
  const names = [...cache.relations.values()].filter((r) => r.schema === schema).map((r) => r.name);
  throw tableNotFound(schema, name, closest(name, names));
}

/** The most similar name (small edit distance), as PostgREST's hints suggest. */
export function closest(name: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const n of names) {
    const d = distance(name.toLowerCase(), n.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = n;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}
