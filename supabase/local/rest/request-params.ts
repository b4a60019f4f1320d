// Sorts a request's query pairs into PostgREST's reserved parameters and filters, per embed path
// (`child.order=...`, `child.col=eq.1` apply inside the embedded resource `child`).
import { parseError } from './errors.ts';
import { parseCondition, parseLogic, parseOrder, type FilterNode, type LogicNode, type OrderTerm } from './filter-grammar.ts';
import { Cursor, readField } from './field-grammar.ts';
import { parseSelect, type SelectItem } from './select-grammar.ts';
import type { QueryPairs } from './query-string.ts';

export interface EmbedParams {
  filters: (FilterNode | LogicNode)[];
  order?: OrderTerm[];
  limit?: number;
  offset?: number;
}

export interface RequestParams {
  select: SelectItem[];
  /** Keyed by embed path ('' for the top level, 'a.b' for a nested embed). */
  levels: Map<string, EmbedParams>;
  onConflict?: string[];
  columns?: string[];
}

// Parameters that are never filters (`apikey` is the gateway's).
const IGNORED = new Set(['apikey']);

function level(map: Map<string, EmbedParams>, path: string): EmbedParams {
  let l = map.get(path);
  if (!l) map.set(path, (l = { filters: [] }));
  return l;
}

function nonNegativeInt(value: string, what: string): number {
  if (!/^[0-9]{1,15}$/.test(value)) throw parseError(what, value, `unexpected "${value.slice(0, 1) || 'end of input'}" expecting digit`);
  return Number(value);
}

function columnList(value: string, what: string): string[] {
  const c = new Cursor(value, what);
  const out: string[] = [];
  do {
    out.push(readField(c).name);
  } while (c.eat(','));
  if (!c.done) throw c.fail('"," or end of input');
  return out;
}

/** `skip` receives the keys an RPC consumes as its arguments. */
export function sortParams(pairs: QueryPairs, skip: Set<string> = new Set()): RequestParams {
  const out: RequestParams = { select: [{ type: 'star' }], levels: new Map([['', { filters: [] }]]) };
  for (const [key, value] of pairs) {
    if (IGNORED.has(key) || skip.has(key)) continue;
    if (key === 'select') {
      out.select = value === '' ? [] : parseSelect(value);
      continue;
    }
    if (key === 'on_conflict') {
      out.onConflict = columnList(value, 'on_conflict parameter');
      continue;
    }
    if (key === 'columns') {
      out.columns = columnList(value, 'columns parameter');
      continue;
    }
    // Split `a.b.last`: `a.b` is the embed path unless the key is a JSON path of a column.
    const arrow = key.indexOf('->');
    const head = arrow < 0 ? key : key.slice(0, arrow);
    const dot = head.lastIndexOf('.');
    let path = dot < 0 ? '' : head.slice(0, dot);
    const last = dot < 0 ? key : key.slice(dot + 1);
    let negateLogic = false;
    if ((last === 'or' || last === 'and') && path.endsWith('not') && (path === 'not' || path.endsWith('.not'))) {
      negateLogic = true;
      path = path === 'not' ? '' : path.slice(0, -4);
    }
    const l = level(out.levels, path);
    if (last === 'order') l.order = parseOrder(value);
    else if (last === 'limit') l.limit = nonNegativeInt(value, 'limit parameter');
    else if (last === 'offset') l.offset = nonNegativeInt(value, 'offset parameter');
    else if (last === 'or' || last === 'and') l.filters.push(parseLogic(last, negateLogic, value));
    else {
      const c = new Cursor(last, 'filter');
      const field = readField(c);
      if (!c.done) throw c.fail('end of input');
      l.filters.push({ type: 'filter', field, cond: parseCondition(value) });
    }
  }
  return out;
}
