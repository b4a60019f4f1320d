// The latest approval request of a record with its tasks, actions and the names of the people in it.
import { useQuery } from '@tanstack/react-query';
import { supabase } from '../../providers/supabase-client.ts';
import type { ApprovalAction, ApprovalRequest, ApprovalTask } from './approval-api.ts';

export interface ApprovalState {
  request: ApprovalRequest | null;
  tasks: ApprovalTask[];
  actions: ApprovalAction[];
  names: Record<string, string>;
}

export function approvalKey(recordType: string, recordId: string) {
  return ['approval', recordType, recordId];
}

async function load(recordType: string, recordId: string): Promise<ApprovalState> {
  const { data: requests, error } = await supabase
    .from('approval_requests')
    .select('*')
    .eq('record_type', recordType)
    .eq('record_id', recordId)
    .order('submitted_at', { ascending: false })
    .limit(1);
  if (error) throw error;
  const request = (requests?.[0] as ApprovalRequest | undefined) ?? null;
  if (!request) return { request, tasks: [], actions: [], names: {} };
  const [tasks, actions] = await Promise.all([
    supabase.from('approval_tasks').select('*').eq('request_id', request.id).order('step_no').order('created_at'),
    supabase.from('approval_actions').select('*').eq('request_id', request.id).order('created_at'),
  ]);
  if (tasks.error) throw tasks.error;
  if (actions.error) throw actions.error;
  const ids = new Set<string>([request.submitted_by]);
  for (const t of tasks.data as ApprovalTask[]) ids.add(t.approver_id);
  for (const a of actions.data as ApprovalAction[]) {
    if (a.actor_id) ids.add(a.actor_id);
    if (a.target_user_id) ids.add(a.target_user_id);
  }
  const { data: people } = await supabase.from('profiles').select('id, full_name').in('id', [...ids]);
  const names = Object.fromEntries((people ?? []).map((p) => [p.id as string, p.full_name as string]));
  return { request, tasks: tasks.data as ApprovalTask[], actions: actions.data as ApprovalAction[], names };
}

export function useApproval(recordType: string, recordId: string) {
  return useQuery({ queryKey: approvalKey(recordType, recordId), queryFn: () => load(recordType, recordId) });
}
