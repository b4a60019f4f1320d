// The approval engine's RPCs (supabase/migrations/20261123000500_approval_engine.sql), typed.
import { supabase } from '../../providers/supabase-client.ts';

export type Decision = 'approve' | 'reject' | 'withdraw' | 'comment';

export interface ApprovalRequest {
  id: string;
  record_type: string;
  record_id: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  current_step: number | null;
  title: string | null;
  owner_id: string | null;
  submitted_by: string;
  submitted_at: string;
  decided_at: string | null;
}

export interface ApprovalTask {
  id: string;
  request_id: string;
  step_no: number;
  step_name: string;
  approver_id: string;
  status: string;
  comment: string | null;
  acted_at: string | null;
}

export interface ApprovalAction {
  id: string;
  request_id: string;
  step_no: number | null;
  actor_id: string | null;
  action: string;
  comment: string | null;
  target_user_id: string | null;
  created_at: string;
}

const RPC: Record<Decision, string> = {
  approve: 'approval_approve',
  reject: 'approval_reject',
  withdraw: 'approval_withdraw',
  comment: 'approval_comment',
};

export async function decide(kind: Decision, requestId: string, comment?: string) {
  const { error } = await supabase.rpc(RPC[kind], { request_id: requestId, comment: comment || null });
  if (error) throw error;
}

export async function transfer(requestId: string, toUser: string, comment?: string) {
  const { error } = await supabase.rpc('approval_transfer', { request_id: requestId, to_user: toUser, comment: comment || null });
  if (error) throw error;
}

export async function submit(recordType: string, recordId: string, comment?: string) {
  const { error } = await supabase.rpc('approval_submit', { record_type: recordType, record_id: recordId, comment: comment || null });
  if (error) throw error;
}
