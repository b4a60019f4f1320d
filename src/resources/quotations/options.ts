// Quotation status values (public.quotation_status) and the record shape the pages read.
export const QUOTATION_STATUSES = ['draft', 'pending', 'approved', 'sent', 'accepted', 'rejected', 'expired'] as const;

export interface QuotationRecord {
  id: string;
  quote_no: string;
  title: string | null;
  customer_id: string;
  contact_id: string | null;
  valid_until: string;
  delivery_on: string | null;
  payment_terms: string | null;
  currency: string;
  status: string;
  total_amount: number;
  max_discount: number;
  notes: string | null;
  owner_id: string;
  sent_at: string | null;
  customer?: { name: string } | null;
  contact?: { name: string; phone: string | null } | null;
  owner?: { full_name: string } | null;
}
