-- Receivables from a maintained table (issue 13: the ageing report took 0.9–2.9 s at department
-- scale for the broad scopes, target 150 ms).
--
-- public.receivable_instalments() summed each instalment's payments and checked the contract's
-- policy for every instalment and every payment: per-row sub-plans over 200k instalments. Its rows
-- are now kept, one per open instalment (signed, executing or completed contract; less paid than
-- due), in private.receivable_balances, with the contract's columns its reading rule needs. The
-- triggers below keep it exact inside the writing transaction, so nothing is ever stale; the
-- function's result is the same as before, as the tests in tests/api/receivables-balances.test.ts
-- prove per role. Per customer (with owner and group) the outstanding total is kept as well, so the
-- ageing page orders by it from an index; its buckets too, as of the day they were summed: a
-- scheduled job re-ages them each day, and until it has, the page sums a row's buckets afresh.

create table private.receivable_balances (
  -- No foreign keys: their checks would share-lock instalments that a concurrent payment holds
  -- while it waits for the lock below (a deadlock); the triggers remove what goes.
  instalment_id uuid primary key,
  contract_id uuid not null,
  contract_no text not null,
  contract_status public.contract_status not null,
  customer_id uuid not null,
  customer_name text not null,
  owner_id uuid not null,
  group_id uuid,
  seq integer not null,
  due_on date not null,
  amount numeric(14,2) not null,
  paid numeric(14,2) not null
);
create index receivable_balances_contract_id_idx on private.receivable_balances (contract_id);
create index receivable_balances_customer_id_idx on private.receivable_balances (customer_id);
create index receivable_balances_owner_id_idx on private.receivable_balances (owner_id);
create index receivable_balances_group_id_idx on private.receivable_balances (group_id);
create index receivable_balances_due_on_idx on private.receivable_balances (due_on);
create index receivable_balances_key_idx on private.receivable_balances (customer_id, owner_id, group_id);

-- One row per customer, owner and group with something outstanding.
create table private.receivable_totals (
  customer_id uuid not null,
  customer_name text not null,
  owner_id uuid not null,
  group_id uuid,
  total_outstanding numeric(14,2) not null,
  instalments integer not null,
  -- The buckets on the day `as_of`.
  as_of date not null,
  not_due numeric(14,2) not null,
  d0_30 numeric(14,2) not null,
  d31_60 numeric(14,2) not null,
  d61_90 numeric(14,2) not null,
  d90_plus numeric(14,2) not null
);
create unique index receivable_totals_key_idx on private.receivable_totals (customer_id, owner_id, group_id) nulls not distinct;
create index receivable_totals_total_idx on private.receivable_totals (total_outstanding desc);
create index receivable_totals_owner_id_idx on private.receivable_totals (owner_id);
create index receivable_totals_group_id_idx on private.receivable_totals (group_id);
create index receivable_totals_as_of_idx on private.receivable_totals (as_of);

-- Ageing bucket of an amount due on `due_on`, seen at `as_of` (days past due: 1–30 → '0_30', 31–60,
-- 61–90, more → '90_plus'; not yet due → 'not_due'). Plain SQL, so the planner inlines it.
create function private.ageing_bucket(due_on date, as_of date) returns text
language sql immutable
as $$
  select case when due_on >= as_of then 'not_due'
              when as_of - due_on <= 30 then '0_30'
              when as_of - due_on <= 60 then '31_60'
              when as_of - due_on <= 90 then '61_90'
              else '90_plus' end
$$;

-- The totals of these customers (per owner and group), from their rows. No "all when null": in a
-- function's generic plan that OR turns the per-payment call into a scan of the whole table.
create function private.sum_receivable_totals(customers uuid[]) returns setof private.receivable_totals
language sql stable security definer
set search_path = ''
as $$
  select b.customer_id, min(b.customer_name), b.owner_id, b.group_id, sum(b.amount - b.paid), count(*)::integer,
         current_date,
         coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, current_date) = 'not_due'), 0),
         coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, current_date) = '0_30'), 0),
         coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, current_date) = '31_60'), 0),
         coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, current_date) = '61_90'), 0),
         coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, current_date) = '90_plus'), 0)
    from private.receivable_balances b
   where b.customer_id = any (customers)
   group by b.customer_id, b.owner_id, b.group_id
$$;

-- The totals of one customer, from its rows.
create function private.refresh_receivable_totals(customer uuid) returns void
language sql security definer
set search_path = ''
as $$
  delete from private.receivable_totals t where t.customer_id = customer;
  insert into private.receivable_totals select * from private.sum_receivable_totals(array[customer]);
$$;

-- Re-ages the totals summed on an earlier day (the scheduled job; the local stack's scheduler runs
-- it too). One statement, no advisory locks (a lock per customer would overrun the lock table): a
-- row that a payment replaces meanwhile is skipped, and the new row is summed today anyway.
create function private.age_receivable_totals() returns integer
language sql security definer
set search_path = ''
as $$
  with fresh as (
    select s.* from private.sum_receivable_totals(
      array(select distinct t.customer_id from private.receivable_totals t where t.as_of < current_date)) s
  ), aged as (
    update private.receivable_totals t
       set total_outstanding = f.total_outstanding, instalments = f.instalments, as_of = f.as_of, not_due = f.not_due,
           d0_30 = f.d0_30, d31_60 = f.d31_60, d61_90 = f.d61_90, d90_plus = f.d90_plus
      from fresh f
     where t.as_of < current_date
       and t.customer_id = f.customer_id and t.owner_id = f.owner_id and t.group_id is not distinct from f.group_id
    returning 1
  )
  select count(*)::integer from aged
$$;

-- Everything written for one customer's receivables is written under this lock, taken before any
-- row of the two tables is touched: two payments on one contract (or one customer) recompute one
-- after the other, each seeing the other's rows.
create function private.lock_receivables(customer uuid) returns void
language sql
set search_path = ''
as $$
  select pg_advisory_xact_lock(hashtextextended('receivables:' || customer::text, 0))
$$;

-- The rows of these contracts, from their instalments and all their payments (definer: the cache
-- holds every payment whoever wrote it).
create function private.receivable_rows(contracts uuid[]) returns setof private.receivable_balances
language sql stable security definer
set search_path = ''
as $$
  select i.id, c.id, c.contract_no, c.status, c.customer_id, k.name, c.owner_id, c.group_id, i.seq, i.due_on, i.amount, x.paid
    from public.payment_instalments i
    join public.contracts c on c.id = i.contract_id
    join public.customers k on k.id = c.customer_id
   cross join lateral (select coalesce(sum(p.amount), 0) as paid from public.payments p where p.instalment_id = i.id) x
   where i.contract_id = any (contracts) and c.status in ('signed', 'executing', 'completed') and i.amount > x.paid
$$;

-- Recomputes the rows of one contract from its instalments and all their payments, then the
-- totals of its customer (and of the one it had, should that have changed). Definer: the cache
-- holds every payment whoever wrote it.
create function private.refresh_receivables(cid uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  customers uuid[];
  k uuid;
begin
  if cid is null then
    return;
  end if;
  select array(select distinct x from unnest(array[
           (select b.customer_id from private.receivable_balances b where b.contract_id = cid limit 1),
           (select c.customer_id from public.contracts c where c.id = cid)]) x where x is not null order by x)
    into customers;
  foreach k in array customers loop
    perform private.lock_receivables(k);
  end loop;
  delete from private.receivable_balances b where b.contract_id = cid;
  insert into private.receivable_balances select * from private.receivable_rows(array[cid]);
  foreach k in array customers loop
    perform private.refresh_receivable_totals(k);
  end loop;
end
$$;

-- The whole table at once (after a bulk load with triggers off, e.g. the benchmark generator).
create function private.rebuild_receivables() returns void
language sql security definer
set search_path = ''
as $$
  truncate private.receivable_balances;
  insert into private.receivable_balances
  select * from private.receivable_rows(array(select c.id from public.contracts c where c.status in ('signed', 'executing', 'completed')));
  truncate private.receivable_totals;
  insert into private.receivable_totals
  select * from private.sum_receivable_totals(array(select distinct b.customer_id from private.receivable_balances b));
$$;
revoke execute on function private.receivable_rows(uuid[]), private.refresh_receivables(uuid), private.rebuild_receivables(),
  private.refresh_receivable_totals(uuid), private.lock_receivables(uuid), private.sum_receivable_totals(uuid[]),
  private.age_receivable_totals() from public, anon, authenticated;

create function private.receivables_follow_row() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.refresh_receivables(old.contract_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.contract_id is distinct from old.contract_id) then
    perform private.refresh_receivables(new.contract_id);
  end if;
  return null;
end
$$;

create function private.receivables_follow_contract() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.refresh_receivables(new.id);
  return null;
end
$$;

-- A renamed customer is renamed in the report too.
create function private.receivables_follow_customer() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.lock_receivables(new.id);
  update private.receivable_balances b set customer_name = new.name where b.customer_id = new.id;
  update private.receivable_totals t set customer_name = new.name where t.customer_id = new.id;
  return null;
end
$$;

create trigger receivables_follow_instalments after insert or update or delete on public.payment_instalments
  for each row execute function private.receivables_follow_row();
create trigger receivables_follow_payments after insert or update or delete on public.payments
  for each row execute function private.receivables_follow_row();
create trigger receivables_follow_contracts after update of status, owner_id, group_id, customer_id, contract_no on public.contracts
  for each row
  when ((old.status, old.owner_id, old.group_id, old.customer_id, old.contract_no)
        is distinct from (new.status, new.owner_id, new.group_id, new.customer_id, new.contract_no))
  execute function private.receivables_follow_contract();
create trigger receivables_follow_customers after update of name on public.customers
  for each row when (old.name is distinct from new.name) execute function private.receivables_follow_customer();

select private.rebuild_receivables();

-- Read as the contract itself is read: the select policy of public.contracts, with the helpers
-- once per query (the shape of 20261123009000_performance.sql), on the copied columns. The group
-- scope comes after the role checks: it is the dearest helper, and the page's bucket columns run
-- this policy once per row shown.
alter table private.receivable_balances enable row level security;
create policy "contract readers read receivables" on private.receivable_balances for select to authenticated
  using (
    (owner_id = (select auth.uid()))
    or (select private.is_dept_wide())
    or ((contract_status <> all (array['draft', 'manager_review']::public.contract_status[])) and (select private.has_role('legal')))
    or ((contract_status <> all (array['draft', 'manager_review', 'legal_review', 'gm_review']::public.contract_status[]))
        and (select private.has_role('finance')))
    or ((contract_status = any (array['signed', 'executing', 'completed', 'terminated']::public.contract_status[]))
        and (select private.has_role('archivist')))
    or (group_id = any ((select private.scope_group_ids())::uuid[]))
    or (contract_id = any ((select private.approval_record_ids('contract'))::uuid[])));
revoke all on private.receivable_balances from public, anon;
grant select on private.receivable_balances to authenticated, service_role;

-- A customer's totals are read by those who read every one of its rows: the rule above without
-- its per-contract part (the legal, finance and archivist parts hold for every status kept here).
-- Approvers of single contracts get those rows from the table above (receivables_ageing_today).
alter table private.receivable_totals enable row level security;
create policy "scope and contract roles read receivable totals" on private.receivable_totals for select to authenticated
  using (
    (owner_id = (select auth.uid()))
    or (select private.is_dept_wide())
    or (select private.has_role('finance'))
    or (select private.has_role('legal'))
    or (select private.has_role('archivist'))
    or (group_id = any ((select private.scope_group_ids())::uuid[])));
revoke all on private.receivable_totals from public, anon;
grant select on private.receivable_totals to authenticated, service_role;


-- Same signature and rows as before; now one scan of the maintained table.
create or replace function public.receivable_instalments(as_of date default current_date)
returns table (instalment_id uuid, contract_id uuid, contract_no text, customer_id uuid, owner_id uuid, group_id uuid,
               seq integer, due_on date, amount numeric, paid numeric, outstanding numeric,
               overdue boolean, days_overdue integer, bucket text)
language sql stable
set search_path = ''
as $$
  select b.instalment_id, b.contract_id, b.contract_no, b.customer_id, b.owner_id, b.group_id, b.seq, b.due_on,
         b.amount, b.paid, b.amount - b.paid, b.due_on < as_of, greatest(as_of - b.due_on, 0),
         private.ageing_bucket(b.due_on, as_of)
    from private.receivable_balances b
$$;

-- Per customer (and owner and group, as before), the customer's name from the same rows.
create or replace function public.receivables_ageing(as_of date default current_date)
returns table (customer_id uuid, customer_name text, owner_id uuid, group_id uuid, not_due numeric, d0_30 numeric,
               d31_60 numeric, d61_90 numeric, d90_plus numeric, total_outstanding numeric)
language sql stable
set search_path = ''
as $$
  select b.customer_id, b.customer_name, b.owner_id, b.group_id,
         coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, as_of) = 'not_due'), 0),
         coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, as_of) = '0_30'), 0),
         coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, as_of) = '31_60'), 0),
         coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, as_of) = '61_90'), 0),
         coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, as_of) = '90_plus'), 0),
         sum(b.amount - b.paid)
    from private.receivable_balances b
   group by b.customer_id, b.customer_name, b.owner_id, b.group_id
$$;

-- The list views read the table directly (no function in between), so a page's filter, order and
-- limit reach its indexes and a count skips what it does not need.
create or replace view public.receivables with (security_invoker = true) as
  select b.instalment_id, b.contract_id, b.contract_no, b.customer_id, b.owner_id, b.group_id, b.seq, b.due_on,
         b.amount::numeric as amount, b.paid::numeric as paid, (b.amount - b.paid)::numeric as outstanding,
         b.due_on < current_date as overdue, greatest(current_date - b.due_on, 0) as days_overdue,
         private.ageing_bucket(b.due_on, current_date) as bucket
    from private.receivable_balances b;

-- What the reader sees outstanding for one customer, owner and group, in one bucket at `as_of`.
-- Invoker: the table's policy applies.
create function private.receivable_outstanding(customer uuid, owner uuid, grp uuid, bucket text, as_of date) returns numeric
language sql stable
set search_path = ''
as $$
  select coalesce(sum(b.amount - b.paid), 0) from private.receivable_balances b
   where b.customer_id = customer and b.owner_id = owner and b.group_id is not distinct from grp
     and private.ageing_bucket(b.due_on, as_of) = bucket
$$;

-- Ageing per customer today: the kept totals (ordered from their index), each row's buckets from
-- its instalments; plus, for an approver of single contracts, the customers they see only through
-- those contracts.
create or replace view public.receivables_ageing_today with (security_invoker = true) as
  -- A subquery, not a CTE: the view must fold into the page's query, so that buckets not summed
  -- today are worked out after its order and limit, for the rows it returns.
  select k.customer_id, k.customer_name, k.owner_id, k.group_id,
         case when k.as_of = current_date then k.not_due
              else private.receivable_outstanding(k.customer_id, k.owner_id, k.group_id, 'not_due', current_date) end as not_due,
         case when k.as_of = current_date then k.d0_30
              else private.receivable_outstanding(k.customer_id, k.owner_id, k.group_id, '0_30', current_date) end as d0_30,
         case when k.as_of = current_date then k.d31_60
              else private.receivable_outstanding(k.customer_id, k.owner_id, k.group_id, '31_60', current_date) end as d31_60,
         case when k.as_of = current_date then k.d61_90
              else private.receivable_outstanding(k.customer_id, k.owner_id, k.group_id, '61_90', current_date) end as d61_90,
         case when k.as_of = current_date then k.d90_plus
              else private.receivable_outstanding(k.customer_id, k.owner_id, k.group_id, '90_plus', current_date) end as d90_plus,
         k.total_outstanding,
         k.instalments
    from (
      select t.customer_id, t.customer_name, t.owner_id, t.group_id, t.total_outstanding::numeric as total_outstanding,
             t.as_of, t.not_due::numeric as not_due, t.d0_30::numeric as d0_30, t.d31_60::numeric as d31_60,
             t.d61_90::numeric as d61_90, t.d90_plus::numeric as d90_plus, t.instalments
        from private.receivable_totals t
      union all
      -- Approvers of single contracts: their part of a customer (the rows of those contracts are all
      -- they read of it), summed here.
      select b.customer_id, min(b.customer_name), b.owner_id, b.group_id, sum(b.amount - b.paid), current_date,
             coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, current_date) = 'not_due'), 0),
             coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, current_date) = '0_30'), 0),
             coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, current_date) = '31_60'), 0),
             coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, current_date) = '61_90'), 0),
             coalesce(sum(b.amount - b.paid) filter (where private.ageing_bucket(b.due_on, current_date) = '90_plus'), 0),
             count(*)::integer
        from private.receivable_balances b
       where b.contract_id = any ((select private.approval_record_ids('contract'))::uuid[])
         and not exists (select 1 from private.receivable_totals t
                          where t.customer_id = b.customer_id and t.owner_id = b.owner_id and t.group_id is not distinct from b.group_id)
       group by b.customer_id, b.owner_id, b.group_id
    ) k;

-- Per owner and per group today: the customers' rows added up.
create or replace view public.receivables_ageing_owners_today with (security_invoker = true) as
  select a.owner_id as key_id, (select p.full_name from public.profiles p where p.id = a.owner_id) as label,
         sum(a.not_due) as not_due, sum(a.d0_30) as d0_30, sum(a.d31_60) as d31_60, sum(a.d61_90) as d61_90,
         sum(a.d90_plus) as d90_plus, sum(a.total_outstanding) as total_outstanding, sum(a.instalments)::integer as instalments
    from public.receivables_ageing_today a
   group by a.owner_id;
create or replace view public.receivables_ageing_groups_today with (security_invoker = true) as
  select a.group_id as key_id, (select g.name from public.business_groups g where g.id = a.group_id) as label,
         sum(a.not_due) as not_due, sum(a.d0_30) as d0_30, sum(a.d31_60) as d31_60, sum(a.d61_90) as d61_90,
         sum(a.d90_plus) as d90_plus, sum(a.total_outstanding) as total_outstanding, sum(a.instalments)::integer as instalments
    from public.receivables_ageing_today a
   group by a.group_id;

-- Re-aged every day: by pg_cron on Supabase, by the local stack's scheduler here.
do $$
begin
  if not exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_cron') then
    return;
  end if;
  create extension if not exists pg_cron;
  execute $sql$select cron.schedule('age-receivables', '1 0 * * *', 'select private.age_receivable_totals()')$sql$;
end
$$;

-- Per customer, owner or group for any day: one pass over the table (was: over the function's rows).
create or replace function public.receivables_ageing_by(dimension text, as_of date default current_date)
returns table (key_id uuid, label text, not_due numeric, d0_30 numeric, d31_60 numeric, d61_90 numeric,
               d90_plus numeric, total_outstanding numeric, instalments integer)
language plpgsql stable
set search_path = ''
as $$
begin
  if dimension is null or dimension not in ('customer', 'owner', 'group') then
    perform private.raise_contract('CT015', 'ageing is grouped by customer, owner or group', 'bad_dimension');
  end if;
  return query
  with r as (
    select case dimension when 'owner' then b.owner_id when 'group' then b.group_id else b.customer_id end as k,
           b.customer_name, b.amount - b.paid as outstanding, private.ageing_bucket(b.due_on, as_of) as bucket
      from private.receivable_balances b
  )
  select r.k,
         case dimension
           when 'owner' then (select p.full_name from public.profiles p where p.id = r.k)
           when 'group' then (select g.name from public.business_groups g where g.id = r.k)
           else min(r.customer_name) end,
         coalesce(sum(r.outstanding) filter (where r.bucket = 'not_due'), 0),
         coalesce(sum(r.outstanding) filter (where r.bucket = '0_30'), 0),
         coalesce(sum(r.outstanding) filter (where r.bucket = '31_60'), 0),
         coalesce(sum(r.outstanding) filter (where r.bucket = '61_90'), 0),
         coalesce(sum(r.outstanding) filter (where r.bucket = '90_plus'), 0),
         sum(r.outstanding),
         count(*)::integer
    from r
   group by r.k;
end
$$;
