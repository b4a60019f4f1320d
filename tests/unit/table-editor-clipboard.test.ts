// Clipboard text of a range as Excel / WPS write it, and where a pasted block lands on the grid.
import { describe, expect, it } from 'vitest';
import { parseClipboard, toClipboard } from '../../src/resources/data/clipboard.ts';
import { planPaste } from '../../src/resources/data/paste-block.ts';
import type { ColumnInfo } from '../../src/providers/table-schema.ts';

describe('clipboard text', () => {
  it('reads tab-separated rows, with CRLF or LF line ends and the trailing line break dropped', () => {
    expect(parseClipboard('a\tb\r\nc\td\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseClipboard('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseClipboard('')).toEqual([]);
    expect(parseClipboard('single')).toEqual([['single']]);
  });

  it('reads quoted cells holding tabs, line breaks and doubled quotes, and keeps empty cells', () => {
    expect(parseClipboard('"x\ty"\t"line 1\nline 2"\t"say ""hi"""\r\n\t\tz\r\n')).toEqual([
      ['x\ty', 'line 1\nline 2', 'say "hi"'],
      ['', '', 'z'],
    ]);
  });

  it('keeps a quote inside an unquoted cell as it is (Excel writes 12" that way)', () => {
    expect(parseClipboard('12" pipe\tok')).toEqual([['12" pipe', 'ok']]);
  });

  it('writes what it reads back', () => {
    const rows = [['a\tb', 'multi\nline', 'q"uote'], ['', '中文', '1,200.50']];
    expect(toClipboard(rows)).toBe('"a\tb"\t"multi\nline"\t"q""uote"\r\n\t中文\t1,200.50');
    expect(parseClipboard(toClipboard(rows))).toEqual(rows);
  });
});

const col = (name: string, over: Partial<ColumnInfo> = {}): ColumnInfo => ({ name, kind: 'text', pgType: 'text', required: false, primaryKey: false, nullable: true, ...over });
const columns = [
  col('id', { kind: 'uuid', pgType: 'uuid', primaryKey: true, nullable: false }),
  col('name'),
  col('qty', { kind: 'integer', pgType: 'integer' }),
  col('price', { kind: 'money', pgType: 'numeric(14,2)', scale: 2, integerDigits: 12 }),
  col('on', { kind: 'date', pgType: 'date' }),
];
const target = (rowIdx: number, colIdx: number, rowCount = 10) => ({ anchor: { rowIdx, colIdx }, columns, rowCount, isReadOnly: (c: ColumnInfo) => c.primaryKey });

describe('planPaste', () => {
  it('maps a 3×4 block from the anchor rightwards and downwards, each cell parsed for its column', () => {
    const plan = planPaste([['a', '1', '¥2.50', '2026/1/2'], ['b', '2', '3', ''], ['c', '3', '4', '2026-01-03']], target(4, 1));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.cells.map((c) => [c.rowIdx, c.column.name, c.value])).toEqual([
      [4, 'name', 'a'], [4, 'qty', 1], [4, 'price', 2.5], [4, 'on', '2026-01-02'],
      [5, 'name', 'b'], [5, 'qty', 2], [5, 'price', 3], [5, 'on', null],
      [6, 'name', 'c'], [6, 'qty', 3], [6, 'price', 4], [6, 'on', '2026-01-03'],
    ]);
  });

  it('fills short rows of a ragged block with empty cells', () => {
    const plan = planPaste([['a', '1'], ['b']], target(0, 1));
    expect(plan.ok && plan.cells.map((c) => c.value)).toEqual(['a', 1, 'b', null]);
  });

  it('refuses the whole block when it does not fit or covers a key column', () => {
    expect(planPaste([['a'], ['b'], ['c']], target(8, 1))).toEqual({ ok: false, reason: 'outOfRows' });
    expect(planPaste([['a', '1', '2', '2026-01-01', 'extra']], target(0, 1))).toEqual({ ok: false, reason: 'outOfColumns' });
    expect(planPaste([['x', 'a']], target(0, 0))).toEqual({ ok: false, reason: 'readOnly' });
  });

  it('refuses the whole block naming every cell that does not parse', () => {
    const plan = planPaste([['a', 'many', '1'], ['b', '2', '1.234']], target(0, 1));
    expect(plan).toEqual({
      ok: false,
      reason: 'invalid',
      refused: [
        { rowIdx: 0, column: 'qty', error: 'cellValue.errors.integer', params: undefined },
        { rowIdx: 1, column: 'price', error: 'cellValue.errors.decimals', params: { max: 2 } },
      ],
    });
  });
});
