// Test-only fixtures, written into the fresh test database only: the expense-claim record type
// with a one-step workflow, and a helper that lets a document grant run out. The `attachments`
// bucket comes from the migrations.
import { EXPENSE_CLAIMS_SQL, registerExpenseClaims } from '../helpers/expense-claims.ts';

export const FIXTURE_SQL = `
  ${EXPENSE_CLAIMS_SQL}
  ${registerExpenseClaims('/inbox')}
  insert into public.workflow_steps (workflow_id, step_no, name, approver_rule) values
    ('41000000-0000-4000-8000-000000000001', 1, '组长审批', 'group_leader');
  -- A secret-document grant's expiry cannot be set through the API (a trigger refuses every API
  -- role): the browser test makes one run out with this service-role-only helper, as time would.
  create function public.e2e_expire_document_grant(request_id uuid) returns void
  language sql security definer set search_path = '' as $$
    update public.document_access_requests set granted_until = now() - interval '1 minute' where id = request_id
  $$;
  revoke execute on function public.e2e_expire_document_grant(uuid) from public, anon, authenticated;
  grant execute on function public.e2e_expire_document_grant(uuid) to service_role;
`;
