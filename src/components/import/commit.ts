// Writes validated rows in ONE request: a bulk POST of an array, which PostgREST runs as one
// statement in one transaction, so the rows are inserted all together or not at all.
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import type { RowIssue, ValidatedRow } from './validate-rows.ts';

export type CommitMode = 'valid-only' | 'all-or-nothing';

export interface SkippedRow {
  line: number;
  issues: RowIssue[];
}

export interface CommitReport {
  inserted: number;
  skipped: SkippedRow[];
  /**
   * Why nothing was inserted: invalid rows under all-or-nothing (the first one's line), or the
   * database's refusal. On tables with RLS Postgres does not say which row it refused
   * ("Failing row contains" is withheld), so a refusal names the constraint, not the line.
   */
  failure?: { line?: number; error?: PostgrestError; key?: string };
  /** The records made, when the import tells them (grouped imports: the quotations' numbers). */
  created?: CreatedRecord[];
}

export interface CreatedRecord {
  /** The file row the record starts at. */
  line: number;
  id: string;
  /** The number the database gave it (quote_no). */
  number?: string;
}

/** The rows to write and the skipped ones; under all-or-nothing, any invalid row stops the import. */
export function partitionRows(rows: readonly ValidatedRow[], mode: CommitMode): { valid: ValidatedRow[]; report?: CommitReport; skipped: SkippedRow[] } {
  const valid = rows.filter((r) => r.issues.length === 0);
  const skipped = rows.filter((r) => r.issues.length > 0).map((r) => ({ line: r.line, issues: r.issues }));
  if (mode === 'all-or-nothing' && skipped.length > 0) {
    return { valid: [], skipped, report: { inserted: 0, skipped, failure: { line: skipped[0]!.line, key: 'import.result.invalidRows' } } };
  }
  if (valid.length === 0) return { valid, skipped, report: { inserted: 0, skipped } };
  return { valid, skipped };
}

export async function commitImport(client: SupabaseClient, table: string, rows: readonly ValidatedRow[], mode: CommitMode): Promise<CommitReport> {
  const { valid, skipped, report } = partitionRows(rows, mode);
  if (report) return report;
  // missing=default: a column left out of one row takes its default, not null.
  const { error } = await client.from(table).insert(valid.map((r) => r.record), { defaultToNull: false });
  if (error) return { inserted: 0, skipped, failure: { error } };
  return { inserted: valid.length, skipped };
}
