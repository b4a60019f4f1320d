// Undo / redo of edit batches, the batch -> RPC edits grouping, the refused cell read from the
// RPC's error, and column filters.
import { describe, expect, it } from 'vitest';
import {
  afterRedo, afterUndo, EMPTY_UNDO, recordBatch, redoChanges, toEdits, undoChanges, type ChangeBatch,
} from '../../src/resources/data/undo-stack.ts';
import { cellKey, editErrorCell } from '../../src/resources/data/edit-error.ts';
import { toCrudFilters } from '../../src/resources/data/column-filters.ts';
import { inRange, rangeOf } from '../../src/resources/data/cell-range.ts';
import type { ColumnInfo } from '../../src/providers/table-schema.ts';

const a: ChangeBatch = [
  { pk: { id: '1' }, column: 'name', before: 'old', after: 'new' },
  { pk: { id: '1' }, column: 'qty', before: 1, after: 2 },
  { pk: { id: '2' }, column: 'name', before: null, after: 'x' },
];
const b: ChangeBatch = [{ pk: { id: '2' }, column: 'qty', before: 5, after: 6 }];

describe('undo stack', () => {
  it('undoes the last batch by writing its old values, then redoes it with the new ones', () => {
    let s = recordBatch(recordBatch(EMPTY_UNDO, a), b);
    expect(undoChanges(s)).toEqual([{ pk: { id: '2' }, column: 'qty', before: 6, after: 5 }]);
    s = afterUndo(s);
    expect(undoChanges(s)).toEqual(a.map((c) => ({ ...c, before: c.after, after: c.before })));
    expect(redoChanges(s)).toEqual(b);
    s = afterRedo(s);
    expect(s).toEqual({ done: [a, b], undone: [] });
  });

  it('forgets what was undone once a new batch is applied, and ignores empty batches', () => {
    let s = afterUndo(recordBatch(recordBatch(EMPTY_UNDO, a), b));
    s = recordBatch(s, []);
    expect(s.undone).toEqual([b]);
    s = recordBatch(s, b);
    expect(s.undone).toEqual([]);
    expect(redoChanges(s)).toBeUndefined();
  });

  it('has nothing to undo or redo when empty, and keeps the last 50 batches', () => {
    expect(undoChanges(EMPTY_UNDO)).toBeUndefined();
    expect(afterUndo(EMPTY_UNDO)).toBe(EMPTY_UNDO);
    let s = EMPTY_UNDO;
    for (let i = 0; i < 60; i++) s = recordBatch(s, [{ pk: { id: String(i) }, column: 'n', before: i, after: i + 1 }]);
    expect(s.done).toHaveLength(50);
    expect(s.done[0][0].pk).toEqual({ id: '10' });
  });

  it('groups a batch into one edit per row for apply_table_edits', () => {
    expect(toEdits(a)).toEqual([
      { pk: { id: '1' }, set: { name: 'new', qty: 2 } },
      { pk: { id: '2' }, set: { name: 'x' } },
    ]);
  });
});

describe('the refused cell of an apply_table_edits error', () => {
  it('reads row, key and column from the details', () => {
    expect(editErrorCell({ details: '{"row": 1, "pk": {"id": "x"}, "column": "price", "detail": null}' })).toEqual({ row: 1, pk: { id: 'x' }, column: 'price' });
    expect(editErrorCell({ details: '{"row": 0, "pk": {"id": "x"}, "column": null}' }).column).toBeNull();
    expect(editErrorCell({ details: 'Failing row contains (…)' })).toEqual({});
    expect(editErrorCell(null)).toEqual({});
    expect(cellKey({ id: 'x' }, 'price')).toBe('{"id":"x"}|price');
  });
});

describe('column filters and ranges', () => {
  const col = (name: string, over: Partial<ColumnInfo>): ColumnInfo => ({ name, kind: 'text', pgType: 'text', required: false, primaryKey: false, nullable: false, ...over });
  it('matches text by part and other kinds by their parsed value, skipping what does not parse', () => {
    const cols = [col('name', {}), col('qty', { kind: 'integer', pgType: 'integer' }), col('on', { kind: 'date', pgType: 'date' }), col('ok', { kind: 'boolean', pgType: 'boolean' })];
    expect(toCrudFilters({ name: ' 轴承 ', qty: '1,000', on: 'soon', ok: '是' }, cols)).toEqual([
      { field: 'name', operator: 'contains', value: '轴承' },
      { field: 'qty', operator: 'eq', value: 1000 },
      { field: 'ok', operator: 'eq', value: true },
    ]);
  });
  it('spans a range from anchor to focus in any direction', () => {
    const r = rangeOf({ rowIdx: 5, colIdx: 3 }, { rowIdx: 2, colIdx: 1 });
    expect(r).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
    expect(inRange(r, 2, 1) && inRange(r, 5, 3)).toBe(true);
    expect(inRange(r, 6, 3) || inRange(r, 4, 0) || inRange(undefined, 0, 0)).toBe(false);
  });
});

describe('titles and enum labels', () => {
  it('use the module labels where they exist and the database names otherwise', async () => {
    const { createInstance } = await import('i18next');
    const i18n = createInstance();
    await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { contracts: { title: '合同', fields: { amount: '金额' }, status: { draft: '草稿' } } } } } });
    const { columnTitle, enumLabel, enumLabels, tableTitle } = await import('../../src/resources/data/table-title.ts');
    expect(tableTitle(i18n, 'contracts')).toBe('合同');
    expect(tableTitle(i18n, 'audit_log')).toBe('audit_log');
    expect(columnTitle(i18n, 'contracts', 'amount')).toBe('金额');
    expect(columnTitle(i18n, 'contracts', 'specs')).toBe('specs');
    expect(enumLabel(i18n, 'contracts', 'status', 'draft')).toBe('草稿');
    expect(enumLabel(i18n, 'contracts', 'status', 'signed')).toBeUndefined();
    expect(enumLabels(i18n, 'contracts', { name: 'status', enumValues: ['draft', 'signed'] })).toEqual({ draft: '草稿' });
  });
});
