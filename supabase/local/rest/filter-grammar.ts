// Filters (`col=op.value`, `not.`, `(any|all)` modifiers, fts configs), logic trees
// (`or=(a.eq.1,and(b.gt.2,c.is.null))`) and `order` as PostgREST's grammar writes them.
import { parseError } from './errors.ts';
import { Cursor, readField, readName, type Field } from './field-grammar.ts';

export const OPERATORS = [
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch', 'in', 'is', 'isdistinct',
  'fts', 'plfts', 'phfts', 'wfts', 'cs', 'cd', 'ov', 'sl', 'sr', 'nxl', 'nxr', 'adj',
] as const;
export type Operator = (typeof OPERATORS)[number];
const OPERATOR_SET = new Set<string>(OPERATORS);
const QUANTIFIABLE = new Set(['eq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch']);
const FTS = new Set(['fts', 'plfts', 'phfts', 'wfts']);
export const IS_VALUES = ['null', 'not_null', 'true', 'false', 'unknown'] as const;

export interface Condition {
  negate: boolean;
  op: Operator;
  quantifier?: 'any' | 'all';
  ftsConfig?: string;
  /** A list for `in`; the text for everything else. */
  value: string | string[];
}

export interface FilterNode {
  type: 'filter';
  field: Field;
  cond: Condition;
}

export interface LogicNode {
  type: 'logic';
  op: 'and' | 'or';
  negate: boolean;
  children: (FilterNode | LogicNode)[];
}

const OPERATOR_LIST = `operator (${OPERATORS.join(', ')})`;

/** `[not.]op[(any|all)][(config)].value` — the value of a `col=...` parameter. */
export function parseCondition(text: string, inLogic = false): Condition {
  const what = 'filter';
  let rest = text;
  let negate = false;
  if (rest.startsWith('not.')) {
    negate = true;
    rest = rest.slice(4);
  }
  const m = /^([a-z]+)(?:\((any|all)\))?(?:\(([^)]*)\))?\./.exec(rest);
  if (!m || !OPERATOR_SET.has(m[1])) {
    throw parseError(what, text, `unexpected "${rest.slice(0, 1) || 'end of input'}" expecting "not" or ${OPERATOR_LIST}`);
  }
  const op = m[1] as Operator;
  const quantifier = m[2] as Condition['quantifier'];
  const ftsConfig = m[3];
  if (quantifier && !QUANTIFIABLE.has(op)) throw parseError(what, text, `unexpected "(" expecting "."`);
  if (ftsConfig !== undefined && !FTS.has(op)) throw parseError(what, text, `unexpected "(" expecting "."`);
  let raw = rest.slice(m[0].length);
  if (inLogic) raw = unquote(raw);
  if (op === 'in') return { negate, op, value: parseList(raw, text) };
  if (op === 'is' && !(IS_VALUES as readonly string[]).includes(raw.toLowerCase())) {
    throw parseError(what, text, `unexpected "${raw.slice(0, 1) || 'end of input'}" expecting null or trilean value (unknown, true, false)`);
  }
  if (quantifier && !(raw.startsWith('{') && raw.endsWith('}'))) {
    throw parseError(what, text, `unexpected "${raw.slice(0, 1) || 'end of input'}" expecting "{"`);
  }
  return { negate, op, quantifier, ftsConfig, value: op === 'is' ? raw.toLowerCase() : raw };
}

function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) return s.slice(1, -1).replace(/\\(.)/g, '$1');
  return s;
}

/** `(a,"b,c",d)` -> ['a', 'b,c', 'd']. */
export function parseList(raw: string, whole: string): string[] {
  if (!raw.startsWith('(') || !raw.endsWith(')')) {
    throw parseError('filter', whole, `unexpected "${raw.slice(0, 1) || 'end of input'}" expecting "("`);
  }
  const inner = raw.slice(1, -1);
  if (inner.trim() === '') return [];
  return splitTopLevel(inner, whole).map((s) => unquote(s.trim()));
}

/** Splits on commas outside quotes, parentheses and braces. */
export function splitTopLevel(s: string, whole: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      depth--;
      if (depth < 0) throw parseError('logic tree', whole, `unexpected "${ch}"`);
    } else if (ch === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  if (quoted || depth !== 0) throw parseError('logic tree', whole, 'unexpected end of input expecting ")"');
  parts.push(s.slice(start));
  return parts;
}

const MAX_LOGIC_DEPTH = 30;

/** The value of an `or=`/`and=` parameter (`op` and negation come from its key). */
export function parseLogic(op: 'and' | 'or', negate: boolean, value: string, depth = 0, whole = value): LogicNode {
  if (depth > MAX_LOGIC_DEPTH) throw parseError('logic tree', whole, 'too deeply nested');
  if (!value.startsWith('(')) {
    throw parseError('logic tree', whole, `unexpected "${value.slice(0, 1) || 'end of input'}" expecting "("`);
  }
  if (!value.endsWith(')')) throw parseError('logic tree', whole, 'unexpected end of input expecting ")"', whole.length + 1);
  const items = splitTopLevel(value.slice(1, -1), whole);
  const children: LogicNode['children'] = [];
  for (const raw of items) {
    const item = raw.trim();
    const logic = /^(not\.)?(and|or)(\(.*\))$/s.exec(item);
    if (logic) {
      children.push(parseLogic(logic[2] as 'and' | 'or', Boolean(logic[1]), logic[3], depth + 1, whole));
      continue;
    }
    const c = new Cursor(item, 'logic tree');
    const field = readField(c);
    if (!c.eat('.')) throw parseError('logic tree', whole, `unexpected "${c.peek() || 'end of input'}" expecting "."`);
    children.push({ type: 'filter', field, cond: parseCondition(item.slice(c.pos), true) });
  }
  return { type: 'logic', op, negate, children };
}

export interface OrderTerm {
  /** Embedded to-one resource the column belongs to (`rel(col)`), if any. */
  relation?: string;
  field: Field;
  direction?: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

export function parseOrder(text: string): OrderTerm[] {
  const terms: OrderTerm[] = [];
  for (const raw of splitTopLevel(text, text)) {
    const c = new Cursor(raw.trim(), 'order');
    let relation: string | undefined;
    let field = readField(c);
    if (c.eat('(')) {
      relation = field.name;
      field = readField(c);
      c.expect(')', '")"');
    }
    const term: OrderTerm = { relation, field };
    while (c.eat('.')) {
      const word = readName(c);
      if (word === 'asc' || word === 'desc') term.direction = word;
      else if (word === 'nullsfirst') term.nulls = 'first';
      else if (word === 'nullslast') term.nulls = 'last';
      else throw parseError('order', text, `unexpected "${word}" expecting "asc", "desc", "nullsfirst" or "nullslast"`);
    }
    if (!c.done) throw c.fail('"." or ","');
    terms.push(term);
  }
  return terms;
}
