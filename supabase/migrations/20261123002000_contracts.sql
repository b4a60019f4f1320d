-- Contracts (DOMAIN.md §4): header + lines, approval through the engine (manager → legal →
-- GM over 1,000,000), signing with a scan in the private `contracts` bucket, the archive copy,
-- execution and termination. Errors (class CT, hints 'contracts.errors.<key>'):
--   CT001 not_found          CT002 terms_locked       CT003 wrong_status     CT004 scan_missing
--   CT005 not_allowed        CT006 plan_mismatch      CT007 over_payment     CT008 not_overdue
--   CT009 over_contract_qty  CT010 wrong_stage        CT011 bad_change       CT012 unpaid
--   CT013 plan_locked

create type public.contract_status as enum (
  'draft', 'manager_review', 'legal_review', 'gm_review', 'approved', 'signed', 'executing', 'completed', 'terminated'
);

create function private.raise_contract(code text, message text, key text) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = code, message = message, hint = 'contracts.errors.' || key;
end
$$;

create sequence public.contract_no_seq;
grant usage on sequence public.contract_no_seq to authenticated, service_role;

create table public.contracts (
  id uuid primary key default gen_random_uuid(),
  contract_no text not null unique
    default 'HT' || to_char(now(), 'YYYYMMDD') || '-' || lpad(nextval('public.contract_no_seq')::text, 5, '0'),
  title text not null check (length(trim(title)) between 1 and 200),
  customer_id uuid not null references public.customers (id),
  quotation_id uuid references public.quotations (id),
  rights_duties text,
  specs text,
  amount numeric(14,2) not null check (amount > 0),
  currency text not null default 'CNY' check (currency ~ '^[A-Z]{3}$'),
  delivery_on date,
  payment_method text check (payment_method is null or length(payment_method) <= 500),
  breach_terms text,
  owner_id uuid not null default auth.uid() references public.profiles (id),
  group_id uuid references public.business_groups (id),
  status public.contract_status not null default 'draft',
  -- Set by trigger: the amount exceeds the customer's credit limit minus open receivables.
  credit_warning boolean not null default false,
  signed_on date,
  cabinet_no text check (cabinet_no is null or length(cabinet_no) <= 50),
  box_no text check (box_no is null or length(box_no) <= 50),
  original_received_on date,
  archived_by uuid references public.profiles (id),
  payment_plan_submitted_at timestamptz,
  terminated_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid()
);
create index contracts_customer_id_idx on public.contracts (customer_id);
create index contracts_quotation_id_idx on public.contracts (quotation_id);
create index contracts_owner_id_idx on public.contracts (owner_id);
create index contracts_group_id_idx on public.contracts (group_id);
create index contracts_status_idx on public.contracts (status);
create index contracts_archived_by_idx on public.contracts (archived_by);
create index contracts_created_at_idx on public.contracts (created_at desc);

create table public.contract_lines (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references public.contracts (id) on delete cascade,
  line_no integer not null default 1 check (line_no between 1 and 999),
  product_id uuid references public.products (id),
  product_name text not null check (length(trim(product_name)) between 1 and 200),
  spec text,
  unit text,
  quantity numeric(14,3) not null check (quantity > 0),
  unit_price numeric(14,2) not null check (unit_price >= 0),
  discount numeric(5,2) not null default 0 check (discount between 0 and 100),
  line_total numeric(14,2) generated always as (round(quantity * unit_price * (100 - discount) / 100, 2)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid()
);
create index contract_lines_contract_idx on public.contract_lines (contract_id, line_no);
create index contract_lines_product_id_idx on public.contract_lines (product_id);

-- ---------------------------------------------------------------------------------------------
-- Credit check
-- ---------------------------------------------------------------------------------------------
-- What a customer still owes on contracts that are signed or running (plans' unpaid remainder).
-- Definer: the check must see every contract of the customer, whoever asks.
-- plpgsql: the plan tables come in the next migration.
create function private.customer_open_receivables(cid uuid) returns numeric
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (select coalesce(sum(i.amount - coalesce((select sum(p.amount) from public.payments p where p.instalment_id = i.id), 0)), 0)
            from public.payment_instalments i join public.contracts c on c.id = i.contract_id
           where c.customer_id = cid and c.status in ('approved', 'signed', 'executing'));
end
$$;

-- Whether a contract of `amount` for customer `cid` goes beyond the credit left (workflow
-- conditions read the stored credit_warning column this fills).
create function private.contract_credit_warning(cid uuid, amount numeric) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(amount > c.credit_limit - private.customer_open_receivables(cid), false)
    from public.customers c where c.id = cid and c.credit_limit is not null
$$;

-- ---------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------
create function private.prepare_contract() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status in ('draft', 'manager_review', 'legal_review', 'gm_review') then
    new.credit_warning := coalesce(private.contract_credit_warning(new.customer_id, new.amount), false);
  end if;
  return new;
end
$$;

-- API roles change a contract's terms only while it is a draft (later: a change request, applied
-- by its definer hook), and never touch the archive or signing fields (RPCs do).
create function private.guard_contract_terms() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated', 'service_role') then
    return new;
  end if;
  if old.status <> 'draft' and (new.title, new.customer_id, new.quotation_id, new.rights_duties, new.specs, new.amount,
       new.currency, new.delivery_on, new.payment_method, new.breach_terms, new.owner_id)
     is distinct from (old.title, old.customer_id, old.quotation_id, old.rights_duties, old.specs, old.amount,
       old.currency, old.delivery_on, old.payment_method, old.breach_terms, old.owner_id) then
    perform private.raise_contract('CT002', 'the terms of a submitted contract change only through a change request', 'terms_locked');
  end if;
  if (new.signed_on, new.cabinet_no, new.box_no, new.original_received_on, new.archived_by,
      new.payment_plan_submitted_at, new.terminated_reason, new.contract_no)
     is distinct from (old.signed_on, old.cabinet_no, old.box_no, old.original_received_on, old.archived_by,
      old.payment_plan_submitted_at, old.terminated_reason, old.contract_no) then
    perform private.raise_contract('CT005', 'signing, archive and plan fields are set by their actions', 'not_allowed');
  end if;
  return new;
end
$$;

create trigger group_from_owner before insert or update of owner_id on public.contracts
  for each row execute function private.group_from_owner();
create trigger guard_contract_terms before update on public.contracts
  for each row execute function private.guard_contract_terms();
create trigger prepare_contract before insert or update on public.contracts
  for each row execute function private.prepare_contract();
create trigger touch_updated_at before update on public.contracts
  for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.contract_lines
  for each row execute function private.touch_updated_at();
create trigger fill_contract_line before insert or update on public.contract_lines
  for each row execute function private.fill_quotation_line();

select private.enable_audit('public.contracts');
select private.enable_audit('public.contract_lines');
select private.register_approval_type('contract', 'public.contracts', '/contracts/show/{id}', 'title',
  'owner_id', 'group_id', 'status', 'draft', 'manager_review', 'approved');

-- ---------------------------------------------------------------------------------------------
-- Access helpers (definer: child tables' and storage's policies must not recurse through RLS)
-- ---------------------------------------------------------------------------------------------
-- Who reads a contract besides its scope: approvers; legal once it reached legal review; finance
-- once approved; the archivist once signed.
create function private.contract_role_reads(st public.contract_status) returns boolean
language sql stable
set search_path = ''
as $$
  select (st not in ('draft', 'manager_review') and (select private.has_role('legal')))
      or (st not in ('draft', 'manager_review', 'legal_review', 'gm_review') and (select private.has_role('finance')))
      or (st in ('signed', 'executing', 'completed', 'terminated') and (select private.has_role('archivist')))
$$;

create function private.contract_readable(cid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.contracts c where c.id = cid
                  and (private.can_see(c.owner_id, c.group_id) or private.contract_role_reads(c.status)
                       or private.is_approver_of('contract', c.id)))
$$;

-- Owner and scope (sellers, their leaders, managers): they act on the contract.
create function private.contract_in_scope(cid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.contracts c where c.id = cid and private.can_see(c.owner_id, c.group_id))
$$;

create function private.contract_editable(cid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.contracts c where c.id = cid and c.status = 'draft'
                  and private.can_see(c.owner_id, c.group_id))
$$;

-- The contract a storage object belongs to: its first folder, when that is a uuid.
create function private.contract_of_object(object_name text) returns uuid
language sql immutable
set search_path = ''
as $$
  select case when (storage.foldername(object_name))[1] ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
              then ((storage.foldername(object_name))[1])::uuid end
$$;

-- ---------------------------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------------------------
alter table public.contracts enable row level security;
alter table public.contract_lines enable row level security;

create policy "scope, approvers and functions read contracts" on public.contracts for select to authenticated
  using (private.can_see(owner_id, group_id) or private.contract_role_reads(status) or private.is_approver_of('contract', id));
create policy "sellers draft contracts for customers in scope" on public.contracts for insert to authenticated
  with check (owner_id = (select auth.uid()) and (select private.is_seller()) and private.customer_in_scope(customer_id));
create policy "scope edits draft contracts" on public.contracts for update to authenticated
  using (private.can_see(owner_id, group_id) and status = 'draft')
  with check (private.can_see(owner_id, group_id) and private.customer_in_scope(customer_id));
create policy "owners delete drafts, managers any draft" on public.contracts for delete to authenticated
  using (status = 'draft' and (owner_id = (select auth.uid()) or (select private.is_dept_wide())));

create policy "read lines of readable contracts" on public.contract_lines for select to authenticated
  using (private.contract_readable(contract_id));
create policy "scope adds lines to drafts" on public.contract_lines for insert to authenticated
  with check (private.contract_editable(contract_id));
create policy "scope edits lines of drafts" on public.contract_lines for update to authenticated
  using (private.contract_editable(contract_id)) with check (private.contract_editable(contract_id));
create policy "scope removes lines of drafts" on public.contract_lines for delete to authenticated
  using (private.contract_editable(contract_id));
