// Type-aware parsing of typed / pasted cell text, and the column kinds read from PostgREST's
// OpenAPI document.
import { describe, expect, it } from 'vitest';
import { formatCell, parseCell } from '../../src/components/cell-value/index.ts';
import { labelColumnOf, tableSchemaFromOpenApi, type ColumnInfo } from '../../src/providers/table-schema.ts';

const col = (over: Partial<ColumnInfo>): ColumnInfo => ({ name: 'c', kind: 'text', pgType: 'text', required: false, primaryKey: false, nullable: true, ...over });
const money = col({ kind: 'money', pgType: 'numeric(14,2)', scale: 2, integerDigits: 12 });

describe('parseCell', () => {
  it('turns an empty cell into null when the column takes null, and refuses it when required', () => {
    expect(parseCell('', col({}))).toEqual({ ok: true, value: null });
    expect(parseCell('  ', money)).toEqual({ ok: true, value: null });
    expect(parseCell('', col({ kind: 'integer', pgType: 'integer', nullable: false, required: true }))).toEqual({ ok: false, error: 'cellValue.errors.required', params: undefined });
  });

  it('reads integers with separators and full-width digits, refusing fractions and overflow', () => {
    const int = col({ kind: 'integer', pgType: 'integer' });
    expect(parseCell('1,234', int)).toEqual({ ok: true, value: 1234 });
    expect(parseCell('１２', int)).toEqual({ ok: true, value: 12 });
    expect(parseCell('3.0', int)).toEqual({ ok: true, value: 3 });
    expect(parseCell('3.5', int)).toMatchObject({ ok: false, error: 'cellValue.errors.integer' });
    expect(parseCell('3000000000', int)).toMatchObject({ ok: false, error: 'cellValue.errors.outOfRange' });
    expect(parseCell('abc', int)).toMatchObject({ ok: false });
  });

  it('reads money as Excel shows it and checks numeric(14,2)', () => {
    expect(parseCell('¥1,234.50', money)).toEqual({ ok: true, value: 1234.5 });
    expect(parseCell('(12.00)', money)).toEqual({ ok: true, value: -12 });
    expect(parseCell('1.005', money)).toEqual({ ok: false, error: 'cellValue.errors.decimals', params: { max: 2 } });
    expect(parseCell('1234567890123', money)).toMatchObject({ ok: false, error: 'cellValue.errors.outOfRange' });
    expect(parseCell('12a', money)).toMatchObject({ ok: false, error: 'cellValue.errors.money' });
  });

  it('reads dates in the usual Chinese and ISO spellings, refusing impossible ones', () => {
    const date = col({ kind: 'date', pgType: 'date' });
    expect(parseCell('2026/3/5', date)).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseCell('2026年3月5日', date)).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseCell('2026-02-30', date)).toMatchObject({ ok: false, error: 'cellValue.errors.date' });
    expect(parseCell('5/3/2026', date)).toMatchObject({ ok: false });
  });

  it('reads date-times, keeping an explicit offset', () => {
    const ts = col({ kind: 'datetime', pgType: 'timestamp with time zone' });
    expect(parseCell('2026-03-05 08:30+08:00', ts)).toEqual({ ok: true, value: '2026-03-05T08:30:00+08:00' });
    const local = parseCell('2026/3/5 8:30', ts);
    expect(local.ok && new Date(local.value as string).getTime()).toBe(new Date(2026, 2, 5, 8, 30).getTime());
    expect(parseCell('2026-03-05 25:00', ts)).toMatchObject({ ok: false, error: 'cellValue.errors.datetime' });
  });

  it('reads booleans in English and Chinese', () => {
    const b = col({ kind: 'boolean', pgType: 'boolean' });
    expect(parseCell('TRUE', b)).toEqual({ ok: true, value: true });
    expect(parseCell('否', b)).toEqual({ ok: true, value: false });
    expect(parseCell('maybe', b)).toMatchObject({ ok: false, error: 'cellValue.errors.boolean' });
  });

  it('matches enum values, case-insensitively or by their label', () => {
    const e = col({ kind: 'enum', pgType: 'customer_level', enumValues: ['a', 'b', 'vip'] });
    expect(parseCell('VIP', e)).toEqual({ ok: true, value: 'vip' });
    expect(parseCell('重要客户', e, { enumLabels: { vip: '重要客户' } })).toEqual({ ok: true, value: 'vip' });
    expect(parseCell('x', e)).toEqual({ ok: false, error: 'cellValue.errors.enum', params: { values: 'a, b, vip' } });
  });

  it('checks uuids, JSON, arrays and text length', () => {
    expect(parseCell('30000000-0000-4000-8000-00000000000A', col({ kind: 'uuid', pgType: 'uuid' }))).toEqual({ ok: true, value: '30000000-0000-4000-8000-00000000000a' });
    expect(parseCell('nope', col({ kind: 'uuid', pgType: 'uuid' }))).toMatchObject({ ok: false, error: 'cellValue.errors.uuid' });
    expect(parseCell('{"a":1}', col({ kind: 'json', pgType: 'jsonb' }))).toEqual({ ok: true, value: { a: 1 } });
    expect(parseCell('{"a":1}', col({ kind: 'json', pgType: 'text[]', array: true }))).toMatchObject({ ok: false, error: 'cellValue.errors.array' });
    expect(parseCell('张三丰', col({ maxLength: 2 }))).toEqual({ ok: false, error: 'cellValue.errors.tooLong', params: { max: 2 } });
    expect(parseCell('', col({ nullable: false }))).toEqual({ ok: true, value: '' });
  });

  it('formats values back to text that parses to the same value', () => {
    const b = col({ kind: 'boolean', pgType: 'boolean' });
    expect(formatCell(true, b)).toBe('TRUE');
    expect(formatCell(null, money)).toBe('');
    expect(formatCell({ a: [1] }, col({ kind: 'json', pgType: 'jsonb' }))).toBe('{"a":[1]}');
    const ts = col({ kind: 'datetime', pgType: 'timestamp with time zone' });
    const text = formatCell('2026-03-05T00:30:00Z', ts);
    const back = parseCell(text, ts);
    expect(back.ok && new Date(back.value as string).toISOString()).toBe('2026-03-05T00:30:00.000Z');
  });
});

describe('tableSchemaFromOpenApi', () => {
  const doc = {
    definitions: {
      contracts: {
        required: ['title', 'amount'],
        properties: {
          id: { type: 'string', format: 'uuid', default: 'gen_random_uuid()', description: 'Note:\nThis is a Primary Key.<pk/>' },
          title: { type: 'string', format: 'text' },
          contract_no: { type: 'string', format: 'character varying(20)', maxLength: 20 },
          amount: { type: 'number', format: 'numeric' },
          currency: { type: 'string', format: 'text', default: "'CNY'::text" },
          ratio: { type: 'number', format: 'numeric(5,2)' },
          customer_id: { type: 'string', format: 'uuid', description: "Note:\nThis is a Foreign Key to `customers.id`.<fk table='customers' column='id'/>" },
          status: { type: 'string', format: 'public.contract_status', enum: ['draft', 'signed'] },
          code: { type: 'string', format: 'character varying', maxLength: 20 },
          tags: { type: 'array', format: 'text[]', items: { type: 'string' } },
          created_at: { type: 'string', format: 'timestamp with time zone' },
          qty: { type: 'integer', format: 'integer' },
        },
      },
    },
    paths: { '/contracts': { get: {}, patch: {} } },
  };

  it('reads kinds, keys, references and privileges', () => {
    const t = tableSchemaFromOpenApi(doc).get('contracts')!;
    const by = Object.fromEntries(t.columns.map((c) => [c.name, c]));
    expect(t.primaryKey).toEqual(['id']);
    expect([t.insertable, t.updatable, t.deletable]).toEqual([false, true, false]);
    expect(by.id).toMatchObject({ kind: 'uuid', primaryKey: true, nullable: false, required: false });
    // PostgREST's format has no precision: money is numeric in a table with a currency column.
    expect(by.amount).toMatchObject({ kind: 'money', scale: 2, integerDigits: 12, required: true, nullable: false });
    expect(by.ratio).toMatchObject({ kind: 'money', scale: 2, integerDigits: 3 });
    expect(by.code).toMatchObject({ kind: 'text', maxLength: 20 });
    const noCurrency = tableSchemaFromOpenApi({ definitions: { t: { properties: { n: { format: 'numeric' }, m: { format: 'numeric(14,2)' } } } } }).get('t')!;
    expect(noCurrency.columns.map((c) => c.kind)).toEqual(['number', 'number']);
    expect(by.customer_id.references).toEqual({ table: 'customers', column: 'id' });
    expect(by.status).toMatchObject({ kind: 'enum', enumValues: ['draft', 'signed'] });
    expect(by.tags).toMatchObject({ kind: 'json', array: true });
    expect(by.contract_no).toMatchObject({ kind: 'text', maxLength: 20 });
    expect(by.created_at.kind).toBe('datetime');
    expect(by.qty.kind).toBe('integer');
    expect(labelColumnOf(t)).toBe('title');
  });
});
