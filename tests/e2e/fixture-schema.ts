// Test-only fixtures, written into the fresh test database only: a small approval record type
// (expense claims) with its workflow. The `attachments` bucket comes from the migrations.
export const FIXTURE_SQL = `
  create table public.expense_claims (
    id uuid primary key default gen_random_uuid(),
    title text not null,
    amount numeric(14,2) not null check (amount > 0),
    owner_id uuid not null default auth.uid() references public.profiles (id),
    group_id uuid references public.business_groups (id),
    status text not null default 'draft' check (status in ('draft', 'pending', 'approved', 'rejected', 'withdrawn'))
  );
  alter table public.expense_claims enable row level security;
  create policy "scope reads claims" on public.expense_claims for select to authenticated
    using (private.can_see(owner_id, group_id) or private.is_approver_of('expense_claim', id));
  create policy "owners create claims" on public.expense_claims for insert to authenticated
    with check (owner_id = (select auth.uid()));
  create policy "owners edit claims" on public.expense_claims for update to authenticated
    using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));
  grant select, insert, update on public.expense_claims to authenticated;
  select private.register_approval_type('expense_claim', 'public.expense_claims', '/inbox');
  select private.enable_audit('public.expense_claims');
  insert into public.workflow_definitions (id, record_type, name)
  values ('41000000-0000-4000-8000-000000000001', 'expense_claim', '报销审批');
  insert into public.workflow_steps (workflow_id, step_no, name, approver_rule) values
    ('41000000-0000-4000-8000-000000000001', 1, '组长审批', 'group_leader');

`;
