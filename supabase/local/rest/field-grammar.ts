// Field names as PostgREST's query grammar writes them: plain or "quoted", with JSON paths
// (`data->a->>b`, integer steps for arrays).
import { parseError } from './errors.ts';

export interface JsonStep {
  arrow: '->' | '->>';
  key: string;
}

export interface Field {
  name: string;
  jsonPath: JsonStep[];
}

/** A cursor over one parameter's text, with PostgREST-style parse errors. */
export class Cursor {
  pos = 0;
  constructor(
    readonly text: string,
    readonly what: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(n = 1): string {
    return this.text.slice(this.pos, this.pos + n);
  }
  eat(s: string): boolean {
    if (this.text.startsWith(s, this.pos)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }
  expect(s: string, expecting = `"${s}"`): void {
    if (!this.eat(s)) throw this.fail(expecting);
  }
  fail(expecting: string): Error {
    const found = this.done ? 'end of input' : `"${this.text[this.pos]}"`;
    return parseError(this.what, this.text, `unexpected ${found} expecting ${expecting}`, this.pos + 1);
  }
}

// Characters that end an unquoted name in select/order/filter keys.
const NAME_STOP = new Set([',', ':', '(', ')', '!', '"', '.', '>']);

/** A plain or double-quoted identifier. Stops before `->` and `::`. */
export function readName(c: Cursor, extraStops = ''): string {
  if (c.eat('"')) {
    let out = '';
    while (!c.done) {
      const ch = c.text[c.pos++];
      if (ch === '\\' && !c.done) out += c.text[c.pos++];
      else if (ch === '"') {
        if (c.peek() === '"') {
          out += '"';
          c.pos++;
        } else return out;
      } else out += ch;
    }
    throw c.fail('closing quote');
  }
  const start = c.pos;
  while (!c.done) {
    const ch = c.text[c.pos];
    if (NAME_STOP.has(ch) || extraStops.includes(ch)) break;
    if (ch === '-' && c.text[c.pos + 1] === '>') break;
    c.pos++;
  }
  const name = c.text.slice(start, c.pos).trim();
  if (!name) throw c.fail('field name');
  return name;
}

export function readJsonPath(c: Cursor): JsonStep[] {
  const path: JsonStep[] = [];
  for (;;) {
    let arrow: JsonStep['arrow'];
    if (c.eat('->>')) arrow = '->>';
    else if (c.eat('->')) arrow = '->';
    else return path;
    path.push({ arrow, key: readName(c, ':') });
  }
}

export function readField(c: Cursor, extraStops = ''): Field {
  const name = readName(c, extraStops);
  return { name, jsonPath: readJsonPath(c) };
}

/** The output name of a field: its last JSON key, or the column name. */
export function fieldLabel(f: Field): string {
  return f.jsonPath.length ? f.jsonPath[f.jsonPath.length - 1].key : f.name;
}
