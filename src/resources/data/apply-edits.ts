// Writes a batch of cell edits in one call of apply_table_edits (one transaction, as the signed-in
// user, so RLS, constraints, triggers and the audit trail apply): all cells or none.
import { supabase } from '../../providers/supabase-client.ts';
import { editErrorCell, type EditErrorCell } from './edit-error.ts';

export interface RowEdit {
  pk: Record<string, unknown>;
  set: Record<string, unknown>;
}

export class TableEditError extends Error {
  constructor(readonly apiError: unknown, readonly cell: EditErrorCell) {
    super((apiError as { message?: string })?.message ?? 'edit refused');
  }
}

/** The updated rows, in the order of `edits`; throws TableEditError naming the refused cell. */
export async function applyEdits(table: string, edits: RowEdit[]): Promise<Record<string, unknown>[]> {
  if (edits.length === 0) return [];
  const { data, error } = await supabase.rpc('apply_table_edits', { p_table: table, p_edits: edits });
  if (error) throw new TableEditError(error, editErrorCell(error));
  return data as Record<string, unknown>[];
}
