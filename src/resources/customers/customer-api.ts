// The customer RPCs of 20261123001000_customers.sql; errors are thrown for useApiMessage.
import { supabase } from '../../providers/supabase-client.ts';

export interface SimilarCustomer {
  id: string;
  customer_name: string;
  owner_name: string | null;
  in_pool: boolean;
  similarity: number;
}

export async function similarCustomers(name: string): Promise<SimilarCustomer[]> {
  const { data, error } = await supabase.rpc('similar_customers', { name });
  if (error) throw error;
  return (data ?? []) as SimilarCustomer[];
}

export async function claimCustomer(customerId: string): Promise<void> {
  const { error } = await supabase.rpc('claim_customer', { customer_id: customerId });
  if (error) throw error;
}

export async function releaseCustomer(customerId: string): Promise<void> {
  const { error } = await supabase.rpc('release_customer', { customer_id: customerId });
  if (error) throw error;
}

export async function reassignCustomers(ids: string[], toUser: string): Promise<number> {
  const { data, error } = await supabase.rpc('reassign_customers', { ids, to_user: toUser });
  if (error) throw error;
  return data as number;
}
