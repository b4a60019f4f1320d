// Undo / redo of the last edit batches: each entry holds every cell's value before and after, so
// undoing is applying the old values as one batch (and redoing, the new ones).
export interface CellChange {
  pk: Record<string, unknown>;
  column: string;
  before: unknown;
  after: unknown;
}
export type ChangeBatch = readonly CellChange[];

export interface UndoState {
  done: readonly ChangeBatch[];
  undone: readonly ChangeBatch[];
}

export const EMPTY_UNDO: UndoState = { done: [], undone: [] };
const LIMIT = 50;

/** A new batch was applied: it can be undone; what was undone can no longer be redone. */
export function recordBatch(state: UndoState, batch: ChangeBatch): UndoState {
  if (batch.length === 0) return state;
  return { done: [...state.done, batch].slice(-LIMIT), undone: [] };
}

/** The cells to write to undo the last batch (the values before it). */
export function undoChanges(state: UndoState): ChangeBatch | undefined {
  const last = state.done.at(-1);
  return last?.map((c) => ({ ...c, before: c.after, after: c.before }));
}

/** The cells to write to redo the last undone batch. */
export function redoChanges(state: UndoState): ChangeBatch | undefined {
  return state.undone.at(-1);
}

/** After the undo was applied. */
export function afterUndo(state: UndoState): UndoState {
  const last = state.done.at(-1);
  return last ? { done: state.done.slice(0, -1), undone: [...state.undone, last] } : state;
}

/** After the redo was applied. */
export function afterRedo(state: UndoState): UndoState {
  const last = state.undone.at(-1);
  return last ? { done: [...state.done, last], undone: state.undone.slice(0, -1) } : state;
}

/** Cell changes -> the RPC's edits: one per row, its columns together. */
export function toEdits(batch: ChangeBatch): { pk: Record<string, unknown>; set: Record<string, unknown> }[] {
  const byRow = new Map<string, { pk: Record<string, unknown>; set: Record<string, unknown> }>();
  for (const c of batch) {
    const key = JSON.stringify(c.pk);
    const edit = byRow.get(key) ?? { pk: c.pk, set: {} };
    edit.set[c.column] = c.after;
    byRow.set(key, edit);
  }
  return [...byRow.values()];
}
