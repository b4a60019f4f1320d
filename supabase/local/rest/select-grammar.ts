// The `select` parameter: columns, aliases, casts, JSON paths, `*`, embedded resources
// (`alias:rel!hint!inner(...)`, `...rel(...)` spreads) and `count()`.
import { Cursor, readField, readName, type Field } from './field-grammar.ts';

export type SelectItem =
  | { type: 'star' }
  | { type: 'column'; field: Field; alias?: string; cast?: string }
  | { type: 'count'; alias?: string }
  | {
      type: 'embed';
      name: string;
      alias?: string;
      hint?: string;
      joinType?: 'inner' | 'left';
      spread: boolean;
      children: SelectItem[];
    };

const MAX_DEPTH = 20;

export function parseSelect(text: string): SelectItem[] {
  const c = new Cursor(text, 'select parameter');
  const items = readItems(c, 0);
  if (!c.done) throw c.fail('"," or end of input');
  return items;
}

function readItems(c: Cursor, depth: number): SelectItem[] {
  if (depth > MAX_DEPTH) throw c.fail('less nesting');
  const items: SelectItem[] = [];
  do {
    skipSpaces(c);
    if (c.peek() === ')' && depth > 0 && items.length === 0) return items; // `rel()` selects nothing
    items.push(readItem(c, depth));
    skipSpaces(c);
  } while (c.eat(','));
  return items;
}

function skipSpaces(c: Cursor): void {
  while (c.peek() === ' ' || c.peek() === '\n' || c.peek() === '\t') c.pos++;
}

function readItem(c: Cursor, depth: number): SelectItem {
  if (c.eat('*')) return { type: 'star' };
  if (c.eat('...')) {
    const name = readName(c);
    const { hint, joinType } = readEmbedModifiers(c);
    c.expect('(', '"("');
    const children = readItems(c, depth + 1);
    c.expect(')', '")"');
    return { type: 'embed', name, hint, joinType, spread: true, children };
  }
  let alias: string | undefined;
  const start = c.pos;
  let first = readName(c);
  if (c.peek() === ':' && c.peek(2) !== '::') {
    c.pos++;
    alias = first;
    first = readName(c);
  } else {
    c.pos = start;
    first = readName(c);
  }
  if (first === 'count' && c.eat('()')) return { type: 'count', alias };
  if (c.peek() === '!' || c.peek() === '(') {
    const { hint, joinType } = readEmbedModifiers(c);
    c.expect('(', '"("');
    const children = readItems(c, depth + 1);
    c.expect(')', '")"');
    return { type: 'embed', name: first, alias, hint, joinType, spread: false, children };
  }
  c.pos = start;
  if (alias !== undefined) {
    readName(c);
    c.pos++;
  }
  const field: Field = readField(c);
  let cast: string | undefined;
  if (c.eat('::')) cast = readName(c);
  return { type: 'column', field, alias, cast };
}

function readEmbedModifiers(c: Cursor): { hint?: string; joinType?: 'inner' | 'left' } {
  let hint: string | undefined;
  let joinType: 'inner' | 'left' | undefined;
  while (c.eat('!')) {
    const word = readName(c);
    if (word === 'inner' || word === 'left') joinType = word;
    else if (hint === undefined) hint = word;
    else throw c.fail('"inner" or "left"');
  }
  return { hint, joinType };
}
