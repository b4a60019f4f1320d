-- Orders placed in one call (the order and all its lines, or nothing) and receivables ageing per
-- customer, owner or group. Errors: class CT (20261123002000_contracts.sql), plus
--   CT014 no_order_lines   CT015 bad_dimension

-- Invoker: the caller's RLS on orders / order_lines and the checks of 20261123002200_orders.sql
-- apply to every row; a refused line rolls back the order with it.
create function public.create_order(contract_id uuid, lines jsonb, notes text default null) returns public.orders
language plpgsql
set search_path = ''
as $$
declare
  o public.orders;
  n integer;
begin
  if jsonb_typeof(lines) is distinct from 'array' or jsonb_array_length(lines) = 0 then
    perform private.raise_contract('CT014', 'an order needs at least one line', 'no_order_lines');
  end if;
  insert into public.orders (contract_id, notes) values (create_order.contract_id, create_order.notes) returning * into o;
  insert into public.order_lines (order_id, contract_line_id, quantity)
  select o.id, l.contract_line_id, l.quantity
    from jsonb_to_recordset(lines) as l (contract_line_id uuid, quantity numeric);
  get diagnostics n = row_count;
  if n <> jsonb_array_length(lines) then
    perform private.raise_contract('CT014', 'an order needs at least one line', 'no_order_lines');
  end if;
  return o;
end
$$;

-- Outstanding amounts by ageing bucket, grouped by `dimension`: 'customer', 'owner' or 'group'.
-- Invoker: the reader sees the instalments their RLS lets them see, nothing more.
create function public.receivables_ageing_by(dimension text, as_of date default current_date)
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
    select case dimension when 'owner' then x.owner_id when 'group' then x.group_id else x.customer_id end as k, x.*
      from public.receivable_instalments(as_of) x
  )
  select r.k,
         case dimension
           when 'owner' then (select p.full_name from public.profiles p where p.id = r.k)
           when 'group' then (select g.name from public.business_groups g where g.id = r.k)
           else private.customer_name(r.k) end,
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

-- Today's views for the receivables page (one per grouping, so lists can page, sort and count).
create view public.receivables_ageing_owners_today with (security_invoker = true) as
  select * from public.receivables_ageing_by('owner', current_date);
create view public.receivables_ageing_groups_today with (security_invoker = true) as
  select * from public.receivables_ageing_by('group', current_date);

revoke execute on function public.create_order(uuid, jsonb, text), public.receivables_ageing_by(text, date) from anon, public;
grant execute on function public.create_order(uuid, jsonb, text) to authenticated;
grant execute on function public.receivables_ageing_by(text, date) to authenticated, service_role;
revoke all on public.receivables_ageing_owners_today, public.receivables_ageing_groups_today from anon;
grant select on public.receivables_ageing_owners_today, public.receivables_ageing_groups_today to authenticated, service_role;
