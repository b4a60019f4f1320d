// Writing the grid's edits: every batch goes to apply_table_edits (all cells or none); a refused
// batch marks the refused cell with the database's message; applied batches can be undone/redone.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../providers/error-messages.ts';
import type { TableInfo } from '../../providers/table-schema.ts';
import { applyEdits, TableEditError } from './apply-edits.ts';
import { cellKey } from './edit-error.ts';
import { pkOf } from './grid-columns.tsx';
import {
  afterRedo, afterUndo, EMPTY_UNDO, recordBatch, redoChanges, toEdits, undoChanges, type ChangeBatch, type UndoState,
} from './undo-stack.ts';
import type { Row, RowSlot } from './use-table-window.ts';

export interface CellProblem {
  pk: Record<string, unknown>;
  column: string;
  message: string;
}

export function useGridEdits(table: TableInfo, rows: readonly RowSlot[], replaceRows: (u: { index: number; data: Row }[]) => void) {
  const { t } = useTranslation();
  const [cellErrors, setCellErrors] = useState<Map<string, string>>(new Map());
  const [lastError, setLastError] = useState<string>();
  const [undo, setUndo] = useState<UndoState>(EMPTY_UNDO);
  const [busy, setBusy] = useState(false);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  /** Marks cells refused before anything was sent (unparsable text) or by the database. */
  const refuse = useCallback((problems: CellProblem[], summary: string) => {
    setCellErrors(new Map(problems.map((p) => [cellKey(p.pk, p.column), p.message])));
    setLastError(summary);
  }, []);

  const clearErrors = useCallback(() => {
    setCellErrors(new Map());
    setLastError(undefined);
  }, []);

  const write = useCallback(
    async (batch: ChangeBatch): Promise<boolean> => {
      const edits = toEdits(batch);
      setBusy(true);
      try {
        const updated = await applyEdits(table.name, edits);
        const indexByPk = new Map(rowsRef.current.filter((s) => s.data).map((s) => [JSON.stringify(pkOf(table, s.data!)), s.index]));
        replaceRows(updated.flatMap((data) => {
          const index = indexByPk.get(JSON.stringify(pkOf(table, data)));
          return index === undefined ? [] : [{ index, data }];
        }));
        clearErrors();
        return true;
      } catch (error) {
        const apiError = error instanceof TableEditError ? error.apiError : error;
        const cell = error instanceof TableEditError ? error.cell : {};
        const edit = cell.row !== undefined ? edits[cell.row] : undefined;
        const dbMessage = (apiError as { message?: string })?.message ?? '';
        const message = `${translateError(apiError)} (${dbMessage})`;
        const columns = cell.column ? [cell.column] : Object.keys(edit?.set ?? {});
        const pk = edit?.pk ?? cell.pk ?? {};
        const rowIdx = rowsRef.current.find((s) => s.data && JSON.stringify(pkOf(table, s.data)) === JSON.stringify(pk))?.index;
        refuse(
          columns.map((column) => ({ pk, column, message })),
          t('table_editor.refused', { row: rowIdx === undefined ? '?' : rowIdx + 1, column: columns.join(', ') || '?', message }),
        );
        return false;
      } finally {
        setBusy(false);
      }
    },
    [table, replaceRows, clearErrors, refuse, t],
  );

  /** Applies a batch the user made; it becomes undoable. */
  const apply = useCallback(
    async (batch: ChangeBatch) => {
      if (batch.length === 0) return true;
      const ok = await write(batch);
      if (ok) setUndo((s) => recordBatch(s, batch));
      return ok;
    },
    [write],
  );

  const undoLast = useCallback(async () => {
    const batch = undoChanges(undo);
    if (batch && (await write(batch))) setUndo(afterUndo);
  }, [undo, write]);

  const redoLast = useCallback(async () => {
    const batch = redoChanges(undo);
    if (batch && (await write(batch))) setUndo(afterRedo);
  }, [undo, write]);

  return {
    cellErrors, lastError, busy, apply, refuse, clearErrors,
    undo: undoLast, redo: redoLast, canUndo: undo.done.length > 0, canRedo: undo.undone.length > 0,
  };
}
