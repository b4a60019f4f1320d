// Deletes the selected rows in one call of delete_table_rows (one transaction, as the signed-in
// user, so RLS, foreign keys, triggers and the audit trail apply): all rows or none. A refused
// row comes back named in the error (see edit-error.ts).
import { i18n } from '../../providers/i18n.ts';
import { translateError } from '../../providers/error-messages.ts';
import { supabase } from '../../providers/supabase-client.ts';
import { TableEditError } from './apply-edits.ts';
import { editErrorCell } from './edit-error.ts';

export async function deleteRows(table: string, pks: Record<string, unknown>[]): Promise<void> {
  if (pks.length === 0) return;
  const { error } = await supabase.rpc('delete_table_rows', { p_table: table, p_pks: pks });
  if (error) throw new TableEditError(error, editErrorCell(error));
}

/** The refusal as a translated sentence naming the refused row by its primary key. */
export function deleteRefusalText(error: unknown): string {
  const reason = translateError(error instanceof TableEditError ? error.apiError : error);
  const pk = error instanceof TableEditError ? error.cell.pk : undefined;
  return pk ? i18n.t('table_editor.deleteRefused', { row: Object.values(pk).join(' / '), reason }) : reason;
}
