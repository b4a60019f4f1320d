-- Departure handover (离职交接, DOMAIN.md §2): HR or the department manager moves everything a
-- leaver owns to a receiver in one transaction and keeps a sheet listing every moved record.
-- Which tables take part is data (private.handover_tables): later modules register theirs.
-- The leaver's sign-in is blocked by the admin-users function's `handover` action after this RPC.

create table private.handover_tables (
  table_name regclass primary key,
  owner_column text not null default 'owner_id',
  title_column text not null default 'title',
  -- Trusted SQL predicate (written by migrations only) choosing the records that move, e.g. only
  -- open contracts; null moves them all.
  open_filter text
);
revoke all on private.handover_tables from anon, authenticated, service_role;

-- Module migrations call this for each table whose records must not be left ownerless.
create function private.register_handover_table(tbl regclass, owner_column text default 'owner_id',
  title_column text default 'title', open_filter text default null) returns void
language sql
set search_path = ''
as $$
  insert into private.handover_tables (table_name, owner_column, title_column, open_filter)
  values (tbl, owner_column, title_column, open_filter)
  on conflict (table_name) do update set owner_column = excluded.owner_column,
    title_column = excluded.title_column, open_filter = excluded.open_filter
$$;
revoke execute on function private.register_handover_table(regclass, text, text, text) from authenticated, service_role;

select private.register_handover_table('public.customers', 'owner_id', 'name');
select private.register_handover_table('public.documents', 'owner_id', 'title');
-- Contracts land in another migration; register them when they are there.
do $$
begin
  if to_regclass('public.contracts') is not null then
    perform private.register_handover_table('public.contracts', 'owner_id', 'title',
      'status not in (''completed'', ''terminated'')');
  end if;
end
$$;

create table public.handovers (
  id uuid primary key default gen_random_uuid(),
  leaver_id uuid not null references public.profiles (id),
  receiver_id uuid not null references public.profiles (id),
  note text check (note is null or length(note) <= 2000),
  item_count integer not null default 0,
  created_at timestamptz not null default now(),
  created_by uuid default auth.uid() references public.profiles (id),
  check (leaver_id <> receiver_id)
);
create index handovers_leaver_idx on public.handovers (leaver_id);
create index handovers_receiver_idx on public.handovers (receiver_id);
create index handovers_created_by_idx on public.handovers (created_by);

create table public.handover_items (
  id uuid primary key default gen_random_uuid(),
  handover_id uuid not null references public.handovers (id) on delete cascade,
  table_name text not null,
  record_id uuid not null,
  title text
);
create index handover_items_handover_idx on public.handover_items (handover_id, table_name);

create function private.runs_handovers() returns boolean
language sql stable
set search_path = ''
as $$
  select private.has_any_role('{hr,dept_manager,admin}')
$$;

alter table public.handovers enable row level security;
alter table public.handover_items enable row level security;
revoke insert, update, delete on public.handovers, public.handover_items from anon, authenticated;
create policy "HR, managers and the two people read handovers" on public.handovers for select to authenticated
  using ((select private.runs_handovers()) or (select private.is_dept_wide())
         or leaver_id = (select auth.uid()) or receiver_id = (select auth.uid()));
create policy "readers of the sheet read its items" on public.handover_items for select to authenticated
  using (exists (select 1 from public.handovers h where h.id = handover_id));

create function public.handover_person(leaver uuid, receiver uuid, note text default null)
returns public.handovers
language plpgsql security definer
set search_path = ''
as $$
declare
  sheet public.handovers;
  t private.handover_tables;
  moved integer;
begin
  if not private.runs_handovers() then
    perform private.raise_document('DC003', 'only HR or the department manager can hand over', 'not_allowed');
  end if;
  if leaver is null or receiver is null or leaver = receiver
     or not exists (select 1 from public.profiles p where p.id = leaver)
     or not exists (select 1 from public.profiles p where p.id = receiver and p.status = 'active') then
    perform private.raise_document('DC004', 'pick a leaver and a different, active receiver', 'invalid_people');
  end if;
  if leaver = auth.uid() then
    perform private.raise_document('DC004', 'you cannot hand yourself over', 'invalid_people');
  end if;
  insert into public.handovers (leaver_id, receiver_id, note) values (leaver, receiver, note) returning * into sheet;
  for t in select * from private.handover_tables order by table_name::text loop
    execute format(
      'with moved as (update %s set %I = $1 where %I = $2%s returning id, %I::text as title)
       insert into public.handover_items (handover_id, table_name, record_id, title)
       select $3, $4, id, title from moved',
      t.table_name, t.owner_column, t.owner_column,
      case when t.open_filter is not null then ' and (' || t.open_filter || ')' else '' end,
      t.title_column)
    using receiver, leaver, sheet.id, t.table_name::text;
  end loop;
  select count(*) into moved from public.handover_items i where i.handover_id = sheet.id;
  update public.handovers h set item_count = moved where h.id = sheet.id returning * into sheet;
  update public.profiles p set status = 'left', left_on = coalesce(p.left_on, current_date) where p.id = leaver;
  perform private.notify(receiver, 'info', '离职交接', format('%s 条记录已移交给你', moved), 'handover', sheet.id,
    '/handovers/' || sheet.id);
  perform private.notify(leaver, 'info', '离职交接', format('%s 条记录已移交', moved), 'handover', sheet.id,
    '/handovers/' || sheet.id);
  return sheet;
end
$$;
revoke execute on function public.handover_person(uuid, uuid, text) from public, anon;
grant execute on function public.handover_person(uuid, uuid, text) to authenticated;
