// Contract status values (public.contract_status) and the record shapes the contract pages read.
export const CONTRACT_STATUSES = [
  'draft', 'manager_review', 'legal_review', 'gm_review', 'approved', 'signed', 'executing', 'completed', 'terminated',
] as const;

export const PAYMENT_METHODS = ['bank_transfer', 'acceptance_bill', 'cheque', 'cash', 'other'] as const;

export interface ContractRecord {
  id: string;
  contract_no: string;
  title: string;
  customer_id: string;
  quotation_id: string | null;
  rights_duties: string | null;
  specs: string | null;
  amount: number;
  currency: string;
  delivery_on: string | null;
  payment_method: string | null;
  breach_terms: string | null;
  owner_id: string;
  group_id: string | null;
  status: string;
  credit_warning: boolean;
  signed_on: string | null;
  cabinet_no: string | null;
  box_no: string | null;
  original_received_on: string | null;
  payment_plan_submitted_at: string | null;
  terminated_reason: string | null;
  created_at: string;
  customer?: { name: string } | null;
  owner?: { full_name: string } | null;
}

export interface InstalmentRecord {
  id: string;
  seq: number;
  due_on: string;
  amount: number;
  condition: string | null;
  paid_amount: number;
  overdue: boolean;
}
