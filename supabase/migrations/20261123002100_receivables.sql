-- Payment plans, payments, receivables and collection (DOMAIN.md §4). Errors: see
-- 20261123002000_contracts.sql (class CT).

create table public.payment_instalments (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references public.contracts (id) on delete cascade,
  seq integer not null check (seq between 1 and 99),
  due_on date not null,
  amount numeric(14,2) not null check (amount > 0),
  condition text check (condition is null or length(condition) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  unique (contract_id, seq)
);
create index payment_instalments_due_on_idx on public.payment_instalments (due_on);

create type public.payment_method as enum ('bank_transfer', 'acceptance_bill', 'cheque', 'cash', 'other');

create table public.payments (
  id uuid primary key default gen_random_uuid(),
  instalment_id uuid not null references public.payment_instalments (id),
  contract_id uuid references public.contracts (id), -- filled from the instalment
  amount numeric(14,2) not null check (amount > 0),
  received_on date not null default current_date,
  method public.payment_method not null default 'bank_transfer',
  reference text check (reference is null or length(reference) <= 200),
  over_payment boolean not null default false,
  recorded_by uuid not null default auth.uid() references public.profiles (id),
  created_at timestamptz not null default now()
);
create index payments_instalment_id_idx on public.payments (instalment_id);
create index payments_contract_id_idx on public.payments (contract_id);
create index payments_recorded_by_idx on public.payments (recorded_by);
create index payments_received_on_idx on public.payments (received_on);

create type public.collection_kind as enum ('letter', 'call', 'visit', 'escalation', 'legal');

create table public.collection_actions (
  id uuid primary key default gen_random_uuid(),
  instalment_id uuid not null references public.payment_instalments (id) on delete cascade,
  contract_id uuid references public.contracts (id), -- filled from the instalment
  kind public.collection_kind not null,
  owner_id uuid not null default auth.uid() references public.profiles (id),
  acted_on date not null default current_date,
  result text check (result is null or length(result) <= 1000),
  next_step text check (next_step is null or length(next_step) <= 500),
  next_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index collection_actions_instalment_id_idx on public.collection_actions (instalment_id);
create index collection_actions_contract_id_idx on public.collection_actions (contract_id);
create index collection_actions_owner_id_idx on public.collection_actions (owner_id);

-- What has been paid on an instalment (definer: the over-payment check sums every payment).
create function private.instalment_paid(iid uuid) returns numeric
language sql stable security definer
set search_path = ''
as $$
  select coalesce(sum(p.amount), 0) from public.payments p where p.instalment_id = iid
$$;

-- Computed fields of an instalment for the API (`select=seq,paid_amount,overdue`).
create function public.paid_amount(public.payment_instalments) returns numeric
language sql stable
set search_path = ''
as $$
  select private.instalment_paid($1.id)
$$;

create function public.overdue(public.payment_instalments) returns boolean
language sql stable
set search_path = ''
as $$
  select $1.due_on < current_date and private.instalment_paid($1.id) < $1.amount
$$;
revoke execute on function public.paid_amount(public.payment_instalments), public.overdue(public.payment_instalments) from anon, public;
grant execute on function public.paid_amount(public.payment_instalments), public.overdue(public.payment_instalments) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------
-- A plan is edited by API roles only while not yet submitted.
-- Definer: the lock holds whatever the caller may read.
create function private.plan_submitted(cid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.contracts c where c.id = cid and c.payment_plan_submitted_at is not null)
$$;

-- Invoker (as the other guards), so current_user is the caller's role.
create function private.guard_instalment() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  cid uuid := coalesce(new.contract_id, old.contract_id);
begin
  if current_user in ('anon', 'authenticated', 'service_role') and private.plan_submitted(cid) then
    perform private.raise_contract('CT013', 'the payment plan has been submitted', 'plan_locked');
  end if;
  return coalesce(new, old);
end
$$;
create trigger guard_instalment before insert or update or delete on public.payment_instalments
  for each row execute function private.guard_instalment();
create trigger touch_updated_at before update on public.payment_instalments
  for each row execute function private.touch_updated_at();

-- Payments land on a signed or running contract and never beyond what is due, unless flagged.
create function private.prepare_payment() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  i public.payment_instalments;
  st public.contract_status;
begin
  select * into i from public.payment_instalments t where t.id = new.instalment_id for update;
  select c.status into st from public.contracts c where c.id = i.contract_id;
  new.contract_id := i.contract_id;
  if st not in ('signed', 'executing', 'completed') then
    perform private.raise_contract('CT003', 'payments are recorded on signed contracts', 'wrong_status');
  end if;
  if not new.over_payment and private.instalment_paid(i.id) + new.amount > i.amount then
    perform private.raise_contract('CT007',
      format('the payment exceeds the %s still due on this instalment', i.amount - private.instalment_paid(i.id)), 'over_payment');
  end if;
  return new;
end
$$;
create trigger prepare_payment before insert on public.payments
  for each row execute function private.prepare_payment();

-- Collection is for overdue instalments; an escalation tells the department manager(s).
-- A definer read of the instalment (the caller's policies decide the insert itself).
create function private.instalment(iid uuid) returns public.payment_instalments
language sql stable security definer
set search_path = ''
as $$
  select * from public.payment_instalments i where i.id = iid
$$;

-- Invoker, so current_user tells API roles from the seed and server functions.
create function private.prepare_collection_action() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  i public.payment_instalments := private.instalment(new.instalment_id);
begin
  new.contract_id := i.contract_id;
  if current_user in ('anon', 'authenticated', 'service_role')
     and not (i.due_on < current_date and private.instalment_paid(i.id) < i.amount) then
    perform private.raise_contract('CT008', 'only an overdue instalment is collected', 'not_overdue');
  end if;
  return new;
end
$$;
create trigger prepare_collection_action before insert or update of instalment_id on public.collection_actions
  for each row execute function private.prepare_collection_action();
create trigger touch_updated_at before update on public.collection_actions
  for each row execute function private.touch_updated_at();

create function private.escalate_collection() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.contracts;
  who uuid;
begin
  select * into c from public.contracts t where t.id = new.contract_id;
  for who in select r.user_id from public.user_roles r join public.profiles p on p.id = r.user_id
              where r.role = 'dept_manager' and p.status = 'active' loop
    perform private.notify(who, 'reminder', '催收升级：' || c.title, new.result, 'contract', c.id, '/contracts/show/' || c.id);
  end loop;
  return null;
end
$$;
create trigger escalate_collection after insert on public.collection_actions
  for each row when (new.kind = 'escalation') execute function private.escalate_collection();

select private.enable_audit('public.payment_instalments');
select private.enable_audit('public.payments');
select private.enable_audit('public.collection_actions');

-- ---------------------------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------------------------
alter table public.payment_instalments enable row level security;
alter table public.payments enable row level security;
alter table public.collection_actions enable row level security;

create policy "contract readers read plans" on public.payment_instalments for select to authenticated
  using (private.contract_readable(contract_id));
create policy "scope plans its contracts" on public.payment_instalments for insert to authenticated
  with check (private.contract_in_scope(contract_id));
create policy "scope edits unsubmitted plans" on public.payment_instalments for update to authenticated
  using (private.contract_in_scope(contract_id)) with check (private.contract_in_scope(contract_id));
create policy "scope removes unsubmitted instalments" on public.payment_instalments for delete to authenticated
  using (private.contract_in_scope(contract_id));

create policy "contract readers read payments" on public.payments for select to authenticated
  using ((select private.has_role('finance')) or private.contract_readable(contract_id));
create policy "finance records payments" on public.payments for insert to authenticated
  with check ((select private.has_role('finance')) and recorded_by = (select auth.uid()));
-- Payments are corrected by a counter-entry, never edited: no update/delete policy.
revoke update, delete on public.payments from anon, authenticated;

create policy "contract readers read collection" on public.collection_actions for select to authenticated
  using (private.contract_readable(contract_id));
create policy "scope and finance record collection" on public.collection_actions for insert to authenticated
  with check (owner_id = (select auth.uid())
              and ((select private.has_role('finance')) or private.contract_in_scope(
                    (select i.contract_id from public.payment_instalments i where i.id = instalment_id))));
create policy "authors edit their collection notes" on public.collection_actions for update to authenticated
  using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));
create policy "authors remove their collection notes" on public.collection_actions for delete to authenticated
  using (owner_id = (select auth.uid()));

-- ---------------------------------------------------------------------------------------------
-- Plan submission
-- ---------------------------------------------------------------------------------------------
create function public.submit_payment_plan(contract_id uuid) returns public.contracts
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.contracts := private.lock_contract(submit_payment_plan.contract_id);
  total numeric;
begin
  perform private.expect_contract_scope(c);
  if c.payment_plan_submitted_at is not null then
    perform private.raise_contract('CT013', 'the payment plan has been submitted', 'plan_locked');
  end if;
  perform private.expect_contract_status(c, '{draft,manager_review,legal_review,gm_review,approved,signed,executing}');
  select coalesce(sum(i.amount), 0) into total from public.payment_instalments i where i.contract_id = c.id;
  if total <> c.amount then
    perform private.raise_contract('CT006',
      format('the instalments add up to %s, the contract amount is %s', total, c.amount), 'plan_mismatch');
  end if;
  update public.contracts t set payment_plan_submitted_at = now() where t.id = c.id returning * into c;
  return c;
end
$$;
revoke execute on function public.submit_payment_plan(uuid) from anon, public;
grant execute on function public.submit_payment_plan(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Receivables (invoker: RLS of the caller applies)
-- ---------------------------------------------------------------------------------------------
-- Instalments of signed/running contracts with paid, outstanding, and days overdue at `as_of`.
-- Buckets by days past due: 1–30 → '0_30', 31–60, 61–90, >90 → '90_plus'; not yet due → 'not_due'.
create function public.receivable_instalments(as_of date default current_date)
returns table (instalment_id uuid, contract_id uuid, contract_no text, customer_id uuid, owner_id uuid, group_id uuid,
               seq integer, due_on date, amount numeric, paid numeric, outstanding numeric,
               overdue boolean, days_overdue integer, bucket text)
language sql stable
set search_path = ''
as $$
  select i.id, c.id, c.contract_no, c.customer_id, c.owner_id, c.group_id, i.seq, i.due_on, i.amount, x.paid,
         i.amount - x.paid, (i.due_on < as_of and i.amount > x.paid), greatest(as_of - i.due_on, 0),
         case when i.due_on >= as_of then 'not_due'
              when as_of - i.due_on <= 30 then '0_30'
              when as_of - i.due_on <= 60 then '31_60'
              when as_of - i.due_on <= 90 then '61_90'
              else '90_plus' end
    from public.payment_instalments i
    join public.contracts c on c.id = i.contract_id
    cross join lateral (select coalesce(sum(p.amount), 0) as paid from public.payments p where p.instalment_id = i.id) x
   where c.status in ('signed', 'executing', 'completed') and i.amount > x.paid
$$;

-- A customer's name for the ageing report (finance reads receivables, not the customer file).
create function private.customer_name(cid uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select c.name from public.customers c where c.id = cid
$$;

create function public.receivables_ageing(as_of date default current_date)
returns table (customer_id uuid, customer_name text, owner_id uuid, group_id uuid, not_due numeric, d0_30 numeric,
               d31_60 numeric, d61_90 numeric, d90_plus numeric, total_outstanding numeric)
language sql stable
set search_path = ''
as $$
  select r.customer_id, private.customer_name(r.customer_id), r.owner_id, r.group_id,
         coalesce(sum(r.outstanding) filter (where r.bucket = 'not_due'), 0),
         coalesce(sum(r.outstanding) filter (where r.bucket = '0_30'), 0),
         coalesce(sum(r.outstanding) filter (where r.bucket = '31_60'), 0),
         coalesce(sum(r.outstanding) filter (where r.bucket = '61_90'), 0),
         coalesce(sum(r.outstanding) filter (where r.bucket = '90_plus'), 0),
         sum(r.outstanding)
    from public.receivable_instalments(as_of) r
   group by r.customer_id, r.owner_id, r.group_id
$$;

-- Today's view of the same, for list pages.
create view public.receivables with (security_invoker = true) as
  select * from public.receivable_instalments(current_date);
create view public.receivables_ageing_today with (security_invoker = true) as
  select * from public.receivables_ageing(current_date);

revoke execute on function public.receivable_instalments(date), public.receivables_ageing(date) from anon, public;
grant execute on function public.receivable_instalments(date), public.receivables_ageing(date) to authenticated, service_role;
revoke all on public.receivables, public.receivables_ageing_today from anon;
