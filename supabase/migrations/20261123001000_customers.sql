-- Customers (DOMAIN.md §2): customer files, contacts, the follow-up ledger, visit plans, sharing,
-- the customer pool (公海) and the product / price list. Access follows the §1 data-scope rule
-- (private.can_see) plus: the pool is open to the sales roles, finance reads customers (credit
-- fields included), legal reads customers whose contract is under review.
--
-- Errors carry stable SQLSTATEs (class CU) and an i18n key in the hint:
--   CU001 customer not found          CU002 customer already has an owner (claim lost)
--   CU003 only the owner may do this  CU004 outside your scope / not allowed
--   CU005 invalid target person       CU009 owner and group change only through the RPCs

create extension if not exists pg_trgm with schema extensions;

create type public.customer_source as enum ('research', 'trade_show', 'web', 'referral', 'telemarketing', 'other');
create type public.customer_level as enum ('key', 'general', 'potential');
create type public.customer_stage as enum (
  'potential', 'initial_contact', 'needs_analysis', 'proposal', 'negotiation', 'won', 'lost'
);
create type public.follow_up_method as enum ('phone', 'email', 'visit', 'meeting', 'im');
create type public.visit_status as enum ('planned', 'done', 'cancelled');

create function private.raise_customer(code text, message text, key text) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = code, message = message, hint = 'customers.errors.' || key;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Settings admins edit (the pool's idle days, …): one row per key, a JSON value.
-- ---------------------------------------------------------------------------------------------
create table public.app_settings (
  id uuid primary key default gen_random_uuid(),
  key text not null unique check (key ~ '^[a-z][a-z0-9_.]{0,62}$'),
  value jsonb not null,
  description text,
  updated_at timestamptz not null default now(),
  updated_by uuid default auth.uid()
);
create trigger touch_updated_at before update on public.app_settings
  for each row execute function private.touch_updated_at();
alter table public.app_settings enable row level security;
create policy "staff read settings" on public.app_settings for select to authenticated using (true);
create policy "admins add settings" on public.app_settings for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins change settings" on public.app_settings for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins remove settings" on public.app_settings for delete to authenticated
  using ((select private.is_admin()));

insert into public.app_settings (key, value, description) values
  ('customer_pool.idle_days', '30', 'Days without a follow-up after which a customer returns to the pool (公海)');

-- Idle days from the settings, 30 when missing or not a positive number.
create function private.pool_idle_days() returns integer
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select case when jsonb_typeof(value) = 'number' and (value #>> '{}')::numeric >= 1
                               then (value #>> '{}')::numeric::int end
                     from public.app_settings where key = 'customer_pool.idle_days'), 30)
$$;

-- ---------------------------------------------------------------------------------------------
-- Customers
-- ---------------------------------------------------------------------------------------------
create table public.customers (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) between 2 and 200),
  industry text check (industry is null or length(industry) <= 100),
  city text check (city is null or length(city) <= 100),
  address text check (address is null or length(address) <= 500),
  source public.customer_source,
  demand_intent text,
  purchase_preferences text,
  budget numeric(14,2) check (budget is null or budget >= 0),
  currency text not null default 'CNY' check (currency ~ '^[A-Z]{3}$'),
  level public.customer_level not null default 'potential',
  stage public.customer_stage not null default 'potential',
  -- null: in the pool (公海).
  owner_id uuid default auth.uid() references public.profiles (id),
  group_id uuid references public.business_groups (id),
  owner_assigned_at timestamptz default now(),
  credit_rating text check (credit_rating is null or credit_rating in ('AAA', 'AA', 'A', 'B', 'C', 'D')),
  credit_limit numeric(14,2) check (credit_limit is null or credit_limit >= 0),
  credit_term_days integer check (credit_term_days is null or credit_term_days between 0 and 365),
  financial_notes text,
  tags text[] not null default '{}',
  last_follow_up_at timestamptz,
  next_follow_up_on date,
  -- Maintenance plan of key customers: revisit at least every N days.
  revisit_interval_days integer check (revisit_interval_days is null or revisit_interval_days between 1 and 365),
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid()
);
create index customers_owner_id_idx on public.customers (owner_id);
create index customers_group_id_idx on public.customers (group_id);
create index customers_pool_idx on public.customers (created_at desc) where owner_id is null;
create index customers_stage_idx on public.customers (stage);
create index customers_level_idx on public.customers (level);
create index customers_industry_idx on public.customers (industry);
create index customers_source_idx on public.customers (source);
create index customers_next_follow_up_on_idx on public.customers (next_follow_up_on);
create index customers_last_follow_up_at_idx on public.customers (last_follow_up_at);
create index customers_created_at_idx on public.customers (created_at desc);
create index customers_tags_idx on public.customers using gin (tags);
create index customers_name_trgm_idx on public.customers using gin (name extensions.gin_trgm_ops);

create table public.contacts (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete cascade,
  name text not null check (length(trim(name)) between 1 and 100),
  title text check (title is null or length(title) <= 100),
  phone text check (phone is null or phone ~ '^\+?[0-9][0-9 -]{5,19}$'),
  email text check (email is null or email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  is_primary boolean not null default false,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid()
);
create index contacts_customer_id_idx on public.contacts (customer_id);
create unique index contacts_one_primary on public.contacts (customer_id) where is_primary;

create table public.follow_ups (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete cascade,
  contact_id uuid references public.contacts (id) on delete set null,
  method public.follow_up_method not null,
  content text not null check (length(trim(content)) between 1 and 4000),
  customer_feedback text,
  next_step text,
  next_date date,
  followed_at timestamptz not null default now(),
  -- The person who followed up.
  owner_id uuid not null default auth.uid() references public.profiles (id),
  group_id uuid references public.business_groups (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid()
);
create index follow_ups_customer_idx on public.follow_ups (customer_id, followed_at desc);
create index follow_ups_owner_id_idx on public.follow_ups (owner_id);
create index follow_ups_group_id_idx on public.follow_ups (group_id);
create index follow_ups_contact_id_idx on public.follow_ups (contact_id);
create index follow_ups_next_date_idx on public.follow_ups (next_date);

create table public.visit_plans (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete cascade,
  contact_id uuid references public.contacts (id) on delete set null,
  planned_on date not null,
  purpose text not null check (length(trim(purpose)) between 1 and 500),
  talking_points text,
  status public.visit_status not null default 'planned',
  visited_at timestamptz,
  outcome text,
  customer_feedback text,
  owner_id uuid not null default auth.uid() references public.profiles (id),
  group_id uuid references public.business_groups (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  -- A visit is recorded as done with what came of it.
  check (status <> 'done' or (outcome is not null and length(trim(outcome)) > 0))
);
create index visit_plans_customer_idx on public.visit_plans (customer_id, planned_on desc);
create index visit_plans_owner_id_idx on public.visit_plans (owner_id);
create index visit_plans_group_id_idx on public.visit_plans (group_id);
create index visit_plans_planned_on_idx on public.visit_plans (planned_on);
create index visit_plans_contact_id_idx on public.visit_plans (contact_id);

-- "Shared with me": read access for a colleague outside the owner's scope.
create table public.customer_shares (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  unique (customer_id, user_id)
);
create index customer_shares_user_id_idx on public.customer_shares (user_id);

create table public.products (
  id uuid primary key default gen_random_uuid(),
  code text unique check (code is null or code ~ '^[A-Za-z0-9_.-]{1,40}$'),
  name text not null check (length(trim(name)) between 1 and 200),
  spec text,
  unit text not null default '件' check (length(trim(unit)) between 1 and 20),
  list_price numeric(14,2) not null check (list_price >= 0),
  currency text not null default 'CNY' check (currency ~ '^[A-Z]{3}$'),
  active boolean not null default true,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid()
);
create index products_active_idx on public.products (active);
create index products_name_trgm_idx on public.products using gin (name extensions.gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------
-- A record's group is its owner's group (kept when the owner goes, e.g. into the pool).
create function private.group_from_owner() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.owner_id is not null and (tg_op = 'INSERT' or new.owner_id is distinct from old.owner_id) then
    new.group_id := coalesce((select p.group_id from public.profiles p where p.id = new.owner_id), new.group_id);
  end if;
  return new;
end
$$;

-- Owner and group say who sees a customer: API roles change them only through claim / release /
-- reassign (which run as their owner and record the change in the audit trail).
create function private.guard_customer_owner() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated')
     and (new.owner_id is distinct from old.owner_id or new.group_id is distinct from old.group_id
          or new.owner_assigned_at is distinct from old.owner_assigned_at) then
    perform private.raise_customer('CU009', 'the owner changes only by claim, release or reassignment', 'owner_protected');
  end if;
  if new.owner_id is distinct from old.owner_id then
    new.owner_assigned_at := case when new.owner_id is null then null else now() end;
  end if;
  return new;
end
$$;

create trigger guard_customer_owner before update on public.customers
  for each row execute function private.guard_customer_owner();
create trigger group_from_owner before insert or update of owner_id on public.customers
  for each row execute function private.group_from_owner();
create trigger group_from_owner before insert or update of owner_id on public.follow_ups
  for each row execute function private.group_from_owner();
create trigger group_from_owner before insert or update of owner_id on public.visit_plans
  for each row execute function private.group_from_owner();

-- A follow-up moves the customer's last / next follow-up dates (definer: the ledger writer may
-- be someone who cannot edit the customer, e.g. a colleague it is shared with).
create function private.follow_up_dates() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.customers c
     set last_follow_up_at = greatest(coalesce(c.last_follow_up_at, new.followed_at), new.followed_at),
         next_follow_up_on = case when new.next_date is not null
                                   and new.followed_at >= coalesce(c.last_follow_up_at, new.followed_at)
                                  then new.next_date else c.next_follow_up_on end
   where c.id = new.customer_id;
  return null;
end
$$;
create trigger follow_up_dates after insert on public.follow_ups
  for each row execute function private.follow_up_dates();

do $$
declare
  t text;
begin
  foreach t in array array['customers', 'contacts', 'follow_ups', 'visit_plans', 'products'] loop
    execute format('create trigger touch_updated_at before update on public.%I
                    for each row execute function private.touch_updated_at()', t);
  end loop;
end
$$;

select private.enable_audit('public.customers');
select private.enable_audit('public.contacts');
select private.enable_audit('public.follow_ups');
select private.enable_audit('public.visit_plans');
select private.enable_audit('public.customer_shares');
select private.enable_audit('public.products');
select private.enable_audit('public.app_settings');

-- ---------------------------------------------------------------------------------------------
-- Access helpers
-- ---------------------------------------------------------------------------------------------
-- Roles that sell: they see the pool and may claim from it.
create function private.is_seller() returns boolean
language sql stable
set search_path = ''
as $$
  select private.has_any_role('{salesperson,group_leader,deputy_manager,dept_manager,general_manager,admin}'::public.app_role[])
$$;

-- Customers shared with me (definer: customer_shares' own policy reads customers).
create function private.shared_customer_ids() returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(s.customer_id), '{}') from public.customer_shares s where s.user_id = auth.uid()
$$;

-- Customers of contracts waiting in an approval (legal reviews them). Works with whatever table
-- registers the record type 'contract' with a customer_id column; none yet: nothing.
create function private.customers_in_contract_review() returns uuid[]
language plpgsql stable security definer
set search_path = ''
as $$
declare
  tbl regclass;
  ids uuid[];
begin
  select table_name into tbl from public.approval_record_types where record_type = 'contract';
  if tbl is null or not exists (select 1 from pg_catalog.pg_attribute a
                                 where a.attrelid = tbl and a.attname = 'customer_id' and not a.attisdropped) then
    return '{}';
  end if;
  execute format('select coalesce(array_agg(distinct t.customer_id), ''{}'') from %s t
                    join public.approval_requests r on r.record_type = ''contract'' and r.record_id = t.id
                   where r.status = ''pending''', tbl) into ids;
  return ids;
end
$$;

-- Whether a customer lies in my data scope (definer: used by policies of tables customers' own
-- policy depends on, so it must not recurse through RLS).
create function private.customer_in_scope(cid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.customers c where c.id = cid and private.can_see(c.owner_id, c.group_id))
$$;

-- ---------------------------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------------------------
alter table public.customers enable row level security;
alter table public.contacts enable row level security;
alter table public.follow_ups enable row level security;
alter table public.visit_plans enable row level security;
alter table public.customer_shares enable row level security;
alter table public.products enable row level security;

-- Customers. Read: scope, the pool for sellers, shares, finance (the whole row: it reviews credit
-- rating, limit and terms), legal (customers of contracts under review).
create policy "scope, pool, shares, finance and legal read customers" on public.customers for select to authenticated
  using (
    private.can_see(owner_id, group_id)
    or (owner_id is null and (select private.is_seller()))
    or id = any ((select private.shared_customer_ids())::uuid[])
    or (select private.has_role('finance'))
    or ((select private.has_role('legal')) and id = any ((select private.customers_in_contract_review())::uuid[]))
  );
create policy "sellers create customers in their scope" on public.customers for insert to authenticated
  with check ((select private.is_seller()) and private.can_see(owner_id, group_id));
create policy "scope edits customers" on public.customers for update to authenticated
  using (private.can_see(owner_id, group_id)) with check (private.can_see(owner_id, group_id));
create policy "department-wide roles delete customers" on public.customers for delete to authenticated
  using ((select private.is_dept_wide()));

-- Contacts follow their customer: read with it, written by its scope.
create policy "read contacts of readable customers" on public.contacts for select to authenticated
  using (exists (select 1 from public.customers c where c.id = customer_id));
-- (A missing customer_id passes the policy so NOT NULL reports it as the field error it is.)
create policy "scope adds contacts" on public.contacts for insert to authenticated
  with check (customer_id is null or private.customer_in_scope(customer_id));
create policy "scope edits contacts" on public.contacts for update to authenticated
  using (private.customer_in_scope(customer_id)) with check (private.customer_in_scope(customer_id));
create policy "scope removes contacts" on public.contacts for delete to authenticated
  using (private.customer_in_scope(customer_id));

-- The follow-up ledger: read with the customer; written by its scope or a colleague it is shared
-- with, always as themselves; an entry is corrected by its author or their managers.
create policy "read follow-ups of readable customers" on public.follow_ups for select to authenticated
  using (private.can_see(owner_id, group_id) or exists (select 1 from public.customers c where c.id = customer_id));
create policy "scope and shares log follow-ups" on public.follow_ups for insert to authenticated
  with check (owner_id = (select auth.uid())
              and (customer_id is null or private.customer_in_scope(customer_id)
                   or customer_id = any ((select private.shared_customer_ids())::uuid[])));
create policy "authors and managers correct follow-ups" on public.follow_ups for update to authenticated
  using (private.can_see(owner_id, group_id)) with check (private.can_see(owner_id, group_id));
create policy "authors and managers delete follow-ups" on public.follow_ups for delete to authenticated
  using (private.can_see(owner_id, group_id));

create policy "read visits of readable customers" on public.visit_plans for select to authenticated
  using (private.can_see(owner_id, group_id) or exists (select 1 from public.customers c where c.id = customer_id));
create policy "scope and shares plan visits" on public.visit_plans for insert to authenticated
  with check (owner_id = (select auth.uid())
              and (customer_id is null or private.customer_in_scope(customer_id)
                   or customer_id = any ((select private.shared_customer_ids())::uuid[])));
create policy "planners and managers edit visits" on public.visit_plans for update to authenticated
  using (private.can_see(owner_id, group_id)) with check (private.can_see(owner_id, group_id));
create policy "planners and managers delete visits" on public.visit_plans for delete to authenticated
  using (private.can_see(owner_id, group_id));

create policy "people see shares with them and of their customers" on public.customer_shares for select to authenticated
  using (user_id = (select auth.uid()) or private.customer_in_scope(customer_id));
create policy "scope shares customers" on public.customer_shares for insert to authenticated
  with check (private.customer_in_scope(customer_id));
create policy "scope unshares customers" on public.customer_shares for delete to authenticated
  using (private.customer_in_scope(customer_id));

-- The price list: everyone signed in reads it, admins and managers maintain it.
create policy "staff read products" on public.products for select to authenticated using (true);
create policy "managers add products" on public.products for insert to authenticated
  with check ((select private.is_dept_wide()));
create policy "managers edit products" on public.products for update to authenticated
  using ((select private.is_dept_wide())) with check ((select private.is_dept_wide()));
create policy "managers remove products" on public.products for delete to authenticated
  using ((select private.is_dept_wide()));

-- ---------------------------------------------------------------------------------------------
-- RPCs
-- ---------------------------------------------------------------------------------------------
-- Existing customers whose name resembles `name` (trigram similarity ≥ 0.3), for the duplicate
-- warning before saving. It calls similarity() rather than the % operator: on PGlite the operator
-- (its GUC-driven threshold) hangs or corrupts the session, measured here. Definer on purpose: the warning must cover customers I cannot read, so it
-- returns only the name, who owns it and whether it is in the pool.
create function public.similar_customers(name text)
returns table (id uuid, customer_name text, owner_name text, in_pool boolean, similarity real)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if auth.uid() is null then
    perform private.raise_customer('CU004', 'sign in first', 'not_allowed');
  end if;
  if length(trim(coalesce(similar_customers.name, ''))) < 2 then
    return;
  end if;
  return query
    select c.id, c.name, p.full_name, c.owner_id is null,
           extensions.similarity(c.name, trim(similar_customers.name))
      from public.customers c
      left join public.profiles p on p.id = c.owner_id
     where extensions.similarity(c.name, trim(similar_customers.name)) >= 0.3
     order by 5 desc, c.name
     limit 10;
end
$$;

-- Claims a pool customer: one conditional UPDATE, so of two claims at once exactly one wins.
create function public.claim_customer(customer_id uuid) returns public.customers
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.customers;
begin
  if not private.is_seller() then
    perform private.raise_customer('CU004', 'only sales staff can claim customers from the pool', 'not_allowed');
  end if;
  update public.customers t set owner_id = auth.uid()
   where t.id = claim_customer.customer_id and t.owner_id is null
  returning * into c;
  if not found then
    if exists (select 1 from public.customers t where t.id = claim_customer.customer_id) then
      perform private.raise_customer('CU002', 'this customer already has an owner', 'already_owned');
    end if;
    perform private.raise_customer('CU001', 'customer not found', 'not_found');
  end if;
  return c;
end
$$;

-- The owner puts a customer back into the pool.
create function public.release_customer(customer_id uuid) returns public.customers
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.customers;
begin
  update public.customers t set owner_id = null
   where t.id = release_customer.customer_id and t.owner_id = auth.uid()
  returning * into c;
  if not found then
    if exists (select 1 from public.customers t where t.id = release_customer.customer_id) then
      perform private.raise_customer('CU003', 'only the owner can release a customer', 'not_owner');
    end if;
    perform private.raise_customer('CU001', 'customer not found', 'not_found');
  end if;
  return c;
end
$$;

-- Moves customers to another salesperson: department-wide roles anywhere, deputies and group
-- leaders within the groups they are in charge of / lead (customers and receiver alike).
-- All or nothing; each change lands in the audit trail with the caller as actor.
create function public.reassign_customers(ids uuid[], to_user uuid) returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  moved integer;
  target public.profiles;
begin
  if not (private.is_dept_wide() or cardinality(private.scope_group_ids()) > 0) then
    perform private.raise_customer('CU004', 'only managers, deputies and group leaders can reassign customers', 'not_allowed');
  end if;
  select * into target from public.profiles p where p.id = to_user and p.status = 'active';
  if not found or not (private.is_dept_wide() or target.group_id = any (private.scope_group_ids())) then
    perform private.raise_customer('CU005', 'the receiver must be an active colleague within your scope', 'invalid_target');
  end if;
  if coalesce(cardinality(ids), 0) = 0 then
    return 0;
  end if;
  if exists (select 1 from unnest(ids) i where not exists (
               select 1 from public.customers c where c.id = i and private.can_see(c.owner_id, c.group_id))) then
    perform private.raise_customer('CU004', 'some of these customers are outside your scope', 'out_of_scope');
  end if;
  update public.customers c set owner_id = to_user
   where c.id = any (ids) and c.owner_id is distinct from to_user;
  get diagnostics moved = row_count;
  perform private.notify(to_user, 'transferred', format('%s 个客户已转给你', moved), null, 'customer', null, '/customers');
  return moved;
end
$$;

-- Scheduled: customers without a follow-up for N days (N: app_settings customer_pool.idle_days)
-- go back to the pool; their former owners are told. Returns how many went.
create function public.recycle_idle_customers() returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  cutoff timestamptz := now() - make_interval(days => private.pool_idle_days());
  n integer;
begin
  with idle as (
    select c.id, c.owner_id, c.name from public.customers c
     where c.owner_id is not null
       and greatest(c.last_follow_up_at, c.owner_assigned_at, c.created_at) < cutoff
     for update skip locked
  ), released as (
    update public.customers c set owner_id = null from idle where c.id = idle.id
    returning idle.owner_id as former_owner, c.id, c.name
  ), told as (
    select private.notify(r.former_owner, 'info', format('客户「%s」长期未跟进，已退回公海', r.name), null,
                          'customer', r.id, '/customers/show/' || r.id) from released r
  )
  select count(*) into n from told;
  return n;
end
$$;

-- Scheduled: key customers whose revisit is overdue (no follow-up within their revisit interval)
-- remind their owner, at most once a day per customer. Returns how many reminders went out.
create function public.remind_overdue_revisits() returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  n integer;
begin
  with due as (
    select c.id, c.owner_id, c.name from public.customers c
     where c.level = 'key' and c.owner_id is not null and c.revisit_interval_days is not null
       and coalesce(c.last_follow_up_at, c.created_at) + make_interval(days => c.revisit_interval_days) < now()
       and not exists (select 1 from public.notifications x
                        where x.record_type = 'customer' and x.record_id = c.id and x.kind = 'reminder'
                          and x.recipient_id = c.owner_id and x.created_at > now() - interval '1 day')
  ), told as (
    select private.notify(d.owner_id, 'reminder', format('重点客户「%s」需要回访', d.name), null,
                          'customer', d.id, '/customers/show/' || d.id) from due d
  )
  select count(*) into n from told;
  return n;
end
$$;
create index notifications_record_idx on public.notifications (record_type, record_id, created_at desc);

revoke execute on function public.similar_customers(text), public.claim_customer(uuid), public.release_customer(uuid),
  public.reassign_customers(uuid[], uuid), public.recycle_idle_customers(), public.remind_overdue_revisits()
  from anon, public;
grant execute on function public.similar_customers(text), public.claim_customer(uuid), public.release_customer(uuid),
  public.reassign_customers(uuid[], uuid) to authenticated;
-- The scheduled jobs run as the scheduler (pg_cron / the local stack) or a service key.
revoke execute on function public.recycle_idle_customers(), public.remind_overdue_revisits() from authenticated;
grant execute on function public.recycle_idle_customers(), public.remind_overdue_revisits() to service_role;
