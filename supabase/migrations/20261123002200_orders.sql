-- Orders from signed contracts, their progress, shipments and incidents (DOMAIN.md §3). Errors:
-- see 20261123002000_contracts.sql (class CT).

create type public.order_stage as enum ('purchasing', 'production', 'qc', 'shipped', 'received');
create type public.shipment_mode as enum ('sea', 'air', 'land');
create type public.shipment_incident_kind as enum ('damage', 'loss', 'delay');

create sequence public.order_no_seq;
grant usage on sequence public.order_no_seq to authenticated, service_role;

create table public.orders (
  id uuid primary key default gen_random_uuid(),
  order_no text not null unique
    default 'DD' || to_char(now(), 'YYYYMMDD') || '-' || lpad(nextval('public.order_no_seq')::text, 5, '0'),
  contract_id uuid not null references public.contracts (id),
  ordered_on date not null default current_date,
  stage public.order_stage, -- the last stage reached, kept by order_progress
  notes text,
  owner_id uuid not null default auth.uid() references public.profiles (id),
  group_id uuid references public.business_groups (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index orders_contract_id_idx on public.orders (contract_id);
create index orders_owner_id_idx on public.orders (owner_id);
create index orders_group_id_idx on public.orders (group_id);
create index orders_stage_idx on public.orders (stage);

create table public.order_lines (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  contract_line_id uuid not null references public.contract_lines (id),
  quantity numeric(14,3) not null check (quantity > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index order_lines_order_id_idx on public.order_lines (order_id);
create index order_lines_contract_line_id_idx on public.order_lines (contract_line_id);

create table public.order_progress (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  stage public.order_stage not null,
  reached_on date not null default current_date,
  note text check (note is null or length(note) <= 1000),
  recorded_by uuid default auth.uid() references public.profiles (id),
  created_at timestamptz not null default now(),
  unique (order_id, stage)
);

create table public.shipments (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  mode public.shipment_mode not null,
  carrier text check (carrier is null or length(carrier) <= 200),
  tracking_no text check (tracking_no is null or length(tracking_no) <= 100),
  insured boolean not null default false,
  insurance_amount numeric(14,2) check (insurance_amount is null or insurance_amount >= 0),
  shipped_on date,
  delivered_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  check (insured or insurance_amount is null),
  check (delivered_on is null or shipped_on is null or delivered_on >= shipped_on)
);
create index shipments_order_id_idx on public.shipments (order_id);
create index shipments_tracking_no_idx on public.shipments (tracking_no);

create table public.shipment_incidents (
  id uuid primary key default gen_random_uuid(),
  shipment_id uuid not null references public.shipments (id) on delete cascade,
  kind public.shipment_incident_kind not null,
  occurred_on date not null default current_date,
  description text check (description is null or length(description) <= 2000),
  handling text check (handling is null or length(handling) <= 2000),
  result text check (result is null or length(result) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid()
);
create index shipment_incidents_shipment_id_idx on public.shipment_incidents (shipment_id);

-- ---------------------------------------------------------------------------------------------
-- Checks
-- ---------------------------------------------------------------------------------------------
create function private.contract_status_of(cid uuid) returns public.contract_status
language sql stable security definer
set search_path = ''
as $$
  select c.status from public.contracts c where c.id = cid
$$;

-- Invoker, so current_user is the caller: API roles order only on signed or running contracts;
-- the seed and server functions also write the history of completed ones.
create function private.check_order_contract() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated', 'service_role')
     and coalesce(private.contract_status_of(new.contract_id) not in ('signed', 'executing'), true) then
    perform private.raise_contract('CT003', 'orders are placed on signed or running contracts', 'wrong_status');
  end if;
  return new;
end
$$;
create trigger check_order_contract before insert or update of contract_id on public.orders
  for each row execute function private.check_order_contract();

-- An order line belongs to its order's contract and, with the other orders, stays within the
-- contracted quantity.
create function private.check_order_line() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  cl public.contract_lines;
  ordered numeric;
begin
  select l.* into cl from public.contract_lines l join public.orders o on o.contract_id = l.contract_id
   where l.id = new.contract_line_id and o.id = new.order_id for update of l;
  if not found then
    perform private.raise_contract('CT009', 'the line is not part of this order''s contract', 'over_contract_qty');
  end if;
  select coalesce(sum(x.quantity), 0) into ordered from public.order_lines x
   where x.contract_line_id = cl.id and x.id <> new.id;
  if ordered + new.quantity > cl.quantity then
    perform private.raise_contract('CT009',
      format('only %s of "%s" remain to be ordered', cl.quantity - ordered, cl.product_name), 'over_contract_qty');
  end if;
  return new;
end
$$;
create trigger check_order_line before insert or update on public.order_lines
  for each row execute function private.check_order_line();

-- Stages are reached in order; the order keeps the latest.
create function private.advance_order_stage() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  cur public.order_stage;
begin
  select o.stage into cur from public.orders o where o.id = new.order_id for update;
  if (cur is null and new.stage <> 'purchasing')
     or (cur is not null and array_position(enum_range(null::public.order_stage), new.stage)
                             <> array_position(enum_range(null::public.order_stage), cur) + 1) then
    perform private.raise_contract('CT010', format('after %s comes the next stage, not %s', coalesce(cur::text, 'nothing'), new.stage),
      'wrong_stage');
  end if;
  update public.orders o set stage = new.stage where o.id = new.order_id;
  return new;
end
$$;
create trigger advance_order_stage before insert on public.order_progress
  for each row execute function private.advance_order_stage();

create trigger group_from_owner before insert or update of owner_id on public.orders
  for each row execute function private.group_from_owner();
create trigger touch_updated_at before update on public.orders for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.order_lines for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.shipments for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.shipment_incidents for each row execute function private.touch_updated_at();

select private.enable_audit('public.orders');
select private.enable_audit('public.order_lines');
select private.enable_audit('public.order_progress');
select private.enable_audit('public.shipments');
select private.enable_audit('public.shipment_incidents');

-- ---------------------------------------------------------------------------------------------
-- Row-level security: contract readers read; the contract's scope and the merchandisers of its
-- group run the order.
-- ---------------------------------------------------------------------------------------------
create function private.order_workable(oid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.orders o join public.contracts c on c.id = o.contract_id
                  where o.id = oid and (private.can_see(c.owner_id, c.group_id)
                        or (private.has_role('merchandiser') and c.group_id = private.my_group_id())))
$$;

create function private.order_readable(oid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.orders o where o.id = oid and private.contract_readable(o.contract_id))
      or private.order_workable(oid)
$$;

create function private.shipment_order(sid uuid) returns uuid
language sql stable security definer
set search_path = ''
as $$
  select s.order_id from public.shipments s where s.id = sid
$$;

create function private.contract_workable(cid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.contracts c where c.id = cid and (private.can_see(c.owner_id, c.group_id)
                   or (private.has_role('merchandiser') and c.group_id = private.my_group_id())))
$$;

alter table public.orders enable row level security;
alter table public.order_lines enable row level security;
alter table public.order_progress enable row level security;
alter table public.shipments enable row level security;
alter table public.shipment_incidents enable row level security;

create policy "contract readers read orders" on public.orders for select to authenticated
  using (private.contract_readable(contract_id) or private.contract_workable(contract_id));
create policy "contract scope places orders" on public.orders for insert to authenticated
  with check (owner_id = (select auth.uid()) and private.contract_workable(contract_id));
create policy "contract scope edits orders" on public.orders for update to authenticated
  using (private.contract_workable(contract_id)) with check (private.contract_workable(contract_id));
create policy "managers delete orders" on public.orders for delete to authenticated
  using ((select private.is_dept_wide()));

create policy "order readers read lines" on public.order_lines for select to authenticated
  using (private.order_readable(order_id));
create policy "order workers add lines" on public.order_lines for insert to authenticated
  with check (private.order_workable(order_id));
create policy "order workers edit lines" on public.order_lines for update to authenticated
  using (private.order_workable(order_id)) with check (private.order_workable(order_id));
create policy "order workers remove lines" on public.order_lines for delete to authenticated
  using (private.order_workable(order_id));

create policy "order readers read progress" on public.order_progress for select to authenticated
  using (private.order_readable(order_id));
create policy "order workers record progress" on public.order_progress for insert to authenticated
  with check (private.order_workable(order_id) and recorded_by = (select auth.uid()));

create policy "order readers read shipments" on public.shipments for select to authenticated
  using (private.order_readable(order_id));
create policy "order workers add shipments" on public.shipments for insert to authenticated
  with check (private.order_workable(order_id));
create policy "order workers edit shipments" on public.shipments for update to authenticated
  using (private.order_workable(order_id)) with check (private.order_workable(order_id));
create policy "order workers remove shipments" on public.shipments for delete to authenticated
  using (private.order_workable(order_id));

create policy "order readers read incidents" on public.shipment_incidents for select to authenticated
  using (private.order_readable(private.shipment_order(shipment_id)));
create policy "order workers add incidents" on public.shipment_incidents for insert to authenticated
  with check (private.order_workable(private.shipment_order(shipment_id)));
create policy "order workers edit incidents" on public.shipment_incidents for update to authenticated
  using (private.order_workable(private.shipment_order(shipment_id)))
  with check (private.order_workable(private.shipment_order(shipment_id)));
create policy "order workers remove incidents" on public.shipment_incidents for delete to authenticated
  using (private.order_workable(private.shipment_order(shipment_id)));
