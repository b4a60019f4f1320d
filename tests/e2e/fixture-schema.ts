// Test-only fixtures, written into the fresh test database only: the expense-claim record type
// with a one-step workflow. The `attachments` bucket comes from the migrations.
import { EXPENSE_CLAIMS_SQL, registerExpenseClaims } from '../helpers/expense-claims.ts';

export const FIXTURE_SQL = `
  ${EXPENSE_CLAIMS_SQL}
  ${registerExpenseClaims('/inbox')}
  insert into public.workflow_steps (workflow_id, step_no, name, approver_rule) values
    ('41000000-0000-4000-8000-000000000001', 1, '组长审批', 'group_leader');
`;
