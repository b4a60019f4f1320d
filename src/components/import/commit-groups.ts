// Writes grouped rows (quotations with their lines) through the target's RPC: one call, one
// transaction. Under "valid only" the client sends the valid groups only; a refusal by the
// database leaves nothing and its details name the file row it stopped at.
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import { partitionRows, type CommitMode, type CommitReport, type CreatedRecord } from './commit.ts';
import type { ImportTarget } from './import-targets.ts';
import { toLineGroups } from './line-groups.ts';
import type { ValidatedRow } from './validate-rows.ts';

/** The file row a refusal names (the RPC's details are JSON `{ line, detail }`). */
export function refusedLine(error: Pick<PostgrestError, 'details'>): number | undefined {
  try {
    const line = (JSON.parse(error.details ?? '') as { line?: unknown }).line;
    return typeof line === 'number' ? line : undefined;
  } catch {
    return undefined;
  }
}

export async function commitGroups(client: SupabaseClient, target: ImportTarget, rows: readonly ValidatedRow[], mode: CommitMode): Promise<CommitReport> {
  const { valid, skipped, report } = partitionRows(rows, mode);
  if (report) return report;
  const groups = toLineGroups(valid, target);
  const { data, error } = await client.rpc(target.grouped!.rpc, { p_quotations: groups });
  if (error) return { inserted: 0, skipped, failure: { error, line: refusedLine(error) } };
  const created = (data as { line: number; id: string; quote_no?: string }[]).map((r): CreatedRecord => ({ line: r.line, id: r.id, number: r.quote_no }));
  return { inserted: created.length, skipped, created };
}
