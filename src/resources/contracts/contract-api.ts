// Contract RPCs (20261123002050_contract_actions.sql, …002100_receivables.sql); errors are thrown
// so the pages show them through useApiMessage.
import { supabase } from '../../providers/supabase-client.ts';

async function call<T>(fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await supabase.rpc(fn, args);
  if (error) throw error;
  return data as T;
}

export const createContractFromQuotation = (quotationId: string) =>
  call<{ id: string }>('create_contract_from_quotation', { quotation_id: quotationId });
export const markContractSigned = (contractId: string, signedOn: string | null) =>
  call('mark_contract_signed', { contract_id: contractId, signed_on: signedOn });
export const recordContractArchive = (contractId: string, cabinetNo: string, boxNo: string, receivedOn: string | null) =>
  call('record_contract_archive', { contract_id: contractId, cabinet_no: cabinetNo, box_no: boxNo, received_on: receivedOn });
export const submitPaymentPlan = (contractId: string) => call('submit_payment_plan', { contract_id: contractId });
export const startContractExecution = (contractId: string) => call('start_contract_execution', { contract_id: contractId });
export const completeContract = (contractId: string) => call('complete_contract', { contract_id: contractId });
export const terminateContract = (contractId: string, reason: string) => call('terminate_contract', { contract_id: contractId, reason });
/** The order and all its lines in one transaction (20261123002300_contract_orders_ageing.sql). */
export const createOrder = (contractId: string, lines: { contract_line_id: string; quantity: number | null }[]) =>
  call<{ id: string }>('create_order', { contract_id: contractId, lines });

// A change/termination request is a row of contract_changes sent into the approval engine; the
// database applies an approved change to the contract (20261123002150_contract_changes.sql).
export async function requestContractChange(contractId: string, kind: 'change' | 'termination', reason: string, proposed: Record<string, unknown>) {
  const { data, error } = await supabase.from('contract_changes')
    .insert({ contract_id: contractId, kind, reason, proposed }).select('id').single();
  if (error) throw error;
  await call('approval_submit', { record_type: 'contract_change', record_id: (data as { id: string }).id });
  return data as { id: string };
}

/** Inserts one row and returns it; errors are thrown for useApiMessage. */
export async function insertRow<T>(table: string, values: Record<string, unknown>): Promise<T> {
  const { data, error } = await supabase.from(table).insert(values).select().single();
  if (error) throw error;
  return data as T;
}
