// Deletes rows by primary key through the REST API (RLS decides); a row that was not deleted
// (hidden or refused by policy) is an error, like in apply_table_edits.
import { supabase } from '../../providers/supabase-client.ts';
import type { TableInfo } from '../../providers/table-schema.ts';

export async function deleteRows(table: TableInfo, pks: Record<string, unknown>[]): Promise<void> {
  let deleted = 0;
  if (table.primaryKey.length === 1) {
    const [key] = table.primaryKey;
    const { data, error } = await supabase.from(table.name).delete().in(key, pks.map((pk) => pk[key] as string)).select(key);
    if (error) throw error;
    deleted = data.length;
  } else {
    for (const pk of pks) {
      const { data, error } = await supabase.from(table.name).delete().match(pk).select(table.primaryKey[0]);
      if (error) throw error;
      deleted += data.length;
    }
  }
  if (deleted !== pks.length) throw Object.assign(new Error('not deleted'), { code: '42501', hint: 'table_editor.errors.not_deleted' });
}
