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
