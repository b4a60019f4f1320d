// A small test-only approval record type (expense claims), registered the way module migrations
// register theirs; each suite adds the workflow it needs.
export const EXPENSE_CLAIMS_SQL = `
  create table public.expense_claims (
    id uuid primary key default gen_random_uuid(),
    title text not null,
    amount numeric(14,2) not null check (amount > 0),
    owner_id uuid not null default auth.uid() references public.profiles (id),
    group_id uuid references public.business_groups (id),
    status text not null default 'draft' check (status in ('draft', 'pending', 'manager_review', 'approved'))
  );
  alter table public.expense_claims enable row level security;
  create policy "scope reads claims" on public.expense_claims for select to authenticated
    using (private.can_see(owner_id, group_id) or private.is_approver_of('expense_claim', id));
  create policy "owners create claims" on public.expense_claims for insert to authenticated
    with check (owner_id = (select auth.uid()));
  create policy "owners edit claims" on public.expense_claims for update to authenticated
    using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));
  select private.enable_audit('public.expense_claims');
  insert into public.workflow_definitions (id, record_type, name)
  values ('41000000-0000-4000-8000-000000000001', 'expense_claim', '报销审批');
`;

/** Registers the type with the engine; `link` is where notifications point. */
export const registerExpenseClaims = (link: string) =>
  `select private.register_approval_type('expense_claim', 'public.expense_claims', '${link}');`;
