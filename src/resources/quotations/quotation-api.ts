// Quotation status RPCs after approval (20261123001100_quotations.sql); errors are thrown.
import { supabase } from '../../providers/supabase-client.ts';

export type QuotationMove = 'sent' | 'accepted' | 'rejected';

export async function moveQuotation(id: string, to: QuotationMove): Promise<void> {
  const { error } = await supabase.rpc(`mark_quotation_${to}`, { quotation_id: id });
  if (error) throw error;
}
