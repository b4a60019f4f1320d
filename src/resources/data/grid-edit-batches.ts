// Turning what happened in the grid (an editor committed, a fill, a paste, a cleared range) into
// one batch of cell changes, or the cells refused before anything is sent.
import type { TFunction } from 'i18next';
import { parseCell } from '../../components/cell-value/parse.ts';
import type { ColumnInfo, TableInfo } from '../../providers/table-schema.ts';
import type { EditorSlot } from './cell-editors.tsx';
import { pkOf } from './grid-columns.tsx';
import { planPaste } from './paste-block.ts';
import type { ChangeBatch, CellChange } from './undo-stack.ts';
import type { CellProblem } from './use-grid-edits.ts';
import type { RowSlot } from './use-table-window.ts';

export type BatchResult = { ok: true; batch: ChangeBatch } | { ok: false; problems: CellProblem[]; summary: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Drafts left by editors or the fill handle on the rows at `indexes`. */
export function batchFromDrafts(table: TableInfo, info: ColumnInfo, updated: readonly EditorSlot[], indexes: readonly number[], t: TFunction): BatchResult {
  const changes: CellChange[] = [];
  const problems: CellProblem[] = [];
  for (const i of indexes) {
    const slot = updated[i];
    const draft = slot.draft;
    if (!slot.data || !draft || draft.column !== info.name) continue;
    const pk = pkOf(table, slot.data);
    let after = draft.value;
    if (draft.text !== undefined) {
      const parsed = parseCell(draft.text, info);
      if (!parsed.ok) {
        problems.push({ pk, column: info.name, message: t(parsed.error, parsed.params) });
        continue;
      }
      after = parsed.value;
    }
    if (!same(slot.data[info.name], after)) changes.push({ pk, column: info.name, before: slot.data[info.name], after });
  }
  if (problems.length) return { ok: false, problems, summary: problems[0].message };
  return { ok: true, batch: changes };
}

/** A pasted block of clipboard cells from the anchor cell. */
export function batchFromPaste(
  table: TableInfo, columns: readonly ColumnInfo[], rows: readonly RowSlot[], block: string[][],
  anchor: { rowIdx: number; colIdx: number }, t: TFunction, enumLabels?: (column: ColumnInfo) => Record<string, string> | undefined,
): BatchResult {
  const plan = planPaste(block, { anchor, columns, rowCount: rows.length, isReadOnly: (c) => c.primaryKey, enumLabels });
  if (!plan.ok) {
    if (plan.reason !== 'invalid') return { ok: false, problems: [], summary: t(`table_editor.paste.${plan.reason}`) };
    const problems = plan.refused.flatMap((r) => {
      const data = rows[r.rowIdx]?.data;
      return data ? [{ pk: pkOf(table, data), column: r.column, message: t(r.error, r.params) }] : [];
    });
    return { ok: false, problems, summary: t('table_editor.paste.invalid', { count: plan.refused.length, message: problems[0]?.message ?? '' }) };
  }
  const changes: CellChange[] = [];
  for (const cell of plan.cells) {
    const data = rows[cell.rowIdx]?.data;
    if (!data) return { ok: false, problems: [], summary: t('table_editor.paste.notLoaded') };
    if (!same(data[cell.column.name], cell.value)) changes.push({ pk: pkOf(table, data), column: cell.column.name, before: data[cell.column.name], after: cell.value });
  }
  return { ok: true, batch: changes };
}
