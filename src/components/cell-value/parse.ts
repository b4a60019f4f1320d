// Type-aware parsing of a typed or pasted text (Excel / WPS / CSV cell) into the value a column
// takes through the REST API. Errors are i18n keys under `cellValue.errors` with their params.
import dayjs from 'dayjs';
import type { ColumnInfo } from '../../providers/table-schema.ts';

export type ParseResult = { ok: true; value: unknown } | { ok: false; error: string; params?: Record<string, unknown> };

export interface ParseOptions {
  /** Enum value -> label shown to people (a pasted label is taken for its value). */
  enumLabels?: Record<string, string>;
}

const ok = (value: unknown): ParseResult => ({ ok: true, value });
const fail = (key: string, params?: Record<string, unknown>): ParseResult => ({ ok: false, error: `cellValue.errors.${key}`, params });

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1', 'on', '是', '真', '√', '✓']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0', 'off', '否', '假', '×', '✗']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT_LIMITS: Record<string, bigint> = { smallint: 32767n, int2: 32767n, integer: 2147483647n, int4: 2147483647n };

/** Full-width digits and punctuation (Chinese input methods) to ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** "¥1,234.50" / "1 234.5" / "(12.00)" -> "1234.50" / "1234.5" / "-12.00"; undefined when not a number. */
function numberText(text: string): string | undefined {
  let s = toHalfWidth(text).trim().replace(/^[¥$€£]|^CNY\s*|^RMB\s*/i, '').replace(/[,\s]/g, '');
  if (/^\(.*\)$/.test(s)) s = `-${s.slice(1, -1)}`;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? s.replace(/^\+/, '') : undefined;
}

function parseInteger(text: string, column: ColumnInfo): ParseResult {
  const s = numberText(text);
  if (s === undefined || !/^-?\d+\.?0*$/.test(s)) return fail('integer');
  const n = BigInt(s.replace(/\.0*$/, ''));
  const limit = INT_LIMITS[column.pgType] ?? 9223372036854775807n;
  if (n > limit || n < -limit - 1n) return fail('outOfRange');
  return ok(Number.isSafeInteger(Number(n)) ? Number(n) : n.toString());
}

function parseDecimal(text: string, column: ColumnInfo): ParseResult {
  const s = numberText(text);
  if (s === undefined) return fail(column.kind === 'money' ? 'money' : 'number');
  const [whole, fraction = ''] = s.replace(/^-/, '').split('.');
  if (column.scale !== undefined && fraction.replace(/0+$/, '').length > column.scale) return fail('decimals', { max: column.scale });
  if (column.integerDigits !== undefined && whole.replace(/^0+/, '').length > column.integerDigits) return fail('outOfRange');
  const n = Number(s);
  return Number.isFinite(n) ? ok(n) : fail('number');
}

/** Y-M-D with -, /, . or 年月日 separators -> "YYYY-MM-DD" (undefined when not a real date). */
function dateText(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = dayjs(iso);
  return d.isValid() && d.format('YYYY-MM-DD') === iso ? iso : undefined;
}

function parseDate(text: string): ParseResult {
  const date = dateText(toHalfWidth(text).trim());
  return date ? ok(date) : fail('date');
}

function parseDateTime(text: string): ParseResult {
  const s = toHalfWidth(text).trim();
  const m = /^(.+?)(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s);
  const date = m && dateText(m[1]);
  if (!m || !date) return fail('datetime');
  const [h, min, sec] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return fail('datetime');
  const local = `${date}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}:${String(sec).padStart(2, '0')}${m[5] ?? ''}`;
  // Without an offset the time is the user's local time, sent with its offset.
  if (m[6]) return ok(`${local}${m[6].toUpperCase()}`);
  const d = dayjs(local);
  return d.isValid() ? ok(d.format('YYYY-MM-DDTHH:mm:ss.SSSZ')) : fail('datetime');
}

function parseEnum(text: string, column: ColumnInfo, options: ParseOptions): ParseResult {
  const values = column.enumValues ?? [];
  const s = text.trim();
  const found =
    values.find((v) => v === s) ??
    values.find((v) => v.toLowerCase() === s.toLowerCase()) ??
    values.find((v) => options.enumLabels?.[v] === s);
  return found !== undefined ? ok(found) : fail('enum', { values: values.join(', ') });
}

function parseJson(text: string, column: ColumnInfo): ParseResult {
  try {
    const value: unknown = JSON.parse(text);
    if (column.array && !Array.isArray(value)) return fail('array');
    return ok(value);
  } catch {
    return fail(column.array ? 'array' : 'json');
  }
}

/** The value for `column` of a cell's text; '' is null when the column takes null. */
export function parseCell(text: string, column: ColumnInfo, options: ParseOptions = {}): ParseResult {
  if (text.trim() === '') {
    if (column.nullable) return ok(null);
    // Text columns that must not be null may still be empty strings; other kinds need a value.
    return column.kind === 'text' && !column.required && !column.primaryKey ? ok('') : fail('required');
  }
  switch (column.kind) {
    case 'integer':
      return parseInteger(text, column);
    case 'number':
    case 'money':
      return parseDecimal(text, column);
    case 'date':
      return parseDate(text);
    case 'datetime':
      return parseDateTime(text);
    case 'boolean': {
      const s = toHalfWidth(text).trim().toLowerCase();
      return TRUE_WORDS.has(s) ? ok(true) : FALSE_WORDS.has(s) ? ok(false) : fail('boolean');
    }
    case 'enum':
      return parseEnum(text, column, options);
    case 'uuid': {
      const s = text.trim();
      return UUID.test(s) ? ok(s.toLowerCase()) : fail('uuid');
    }
    case 'json':
      return parseJson(text, column);
    case 'text':
      if (column.maxLength !== undefined && [...text].length > column.maxLength) return fail('tooLong', { max: column.maxLength });
      return ok(text);
  }
}
