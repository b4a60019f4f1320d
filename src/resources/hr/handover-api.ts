// The departure handover: the admin-users function's `handover` action (the database moves every
// record in one transaction, then the leaver's sign-in is blocked). Errors come back translated.
import { supabase } from '../../providers/supabase-client.ts';
import { functionError } from '../documents/function-error.ts';

export interface HandoverSheet { id: string; leaver_id: string; receiver_id: string; item_count: number; note: string | null; created_at: string }

export async function handOver(leaverId: string, receiverId: string, note?: string): Promise<HandoverSheet> {
  const { data, error } = await supabase.functions.invoke('admin-users', {
    body: { action: 'handover', leaver_id: leaverId, receiver_id: receiverId, note: note || undefined },
  });
  if (error) throw await functionError(error, 'handovers');
  return (data as { handover: HandoverSheet }).handover;
}
