-- Audit trail: one generic trigger writes who changed which row when, and the changed columns'
-- old and new values. Readable by whoever can read the row; nobody can change or delete it.

create table public.audit_log (
  id bigint generated always as identity primary key,
  table_name text not null,
  record_id uuid not null,
  action text not null check (action in ('INSERT', 'UPDATE', 'DELETE')),
  actor_id uuid default auth.uid(),
  at timestamptz not null default now(),
  changed_columns text[] not null default '{}',
  old_values jsonb,
  new_values jsonb
);
create index audit_log_record_idx on public.audit_log (table_name, record_id, at desc);
create index audit_log_actor_idx on public.audit_log (actor_id, at desc);

-- updated_at changes on every write and says nothing about the business change: not diffed.
create function private.audit_row() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  rec_id uuid := coalesce(new_row ->> 'id', old_row ->> 'id')::uuid;
  changed text[] := '{}';
  old_changed jsonb := '{}';
  new_changed jsonb := '{}';
  k text;
begin
  if tg_op = 'UPDATE' then
    for k in select jsonb_object_keys(new_row) loop
      if k <> 'updated_at' and (old_row -> k) is distinct from (new_row -> k) then
        changed := changed || k;
        old_changed := old_changed || jsonb_build_object(k, old_row -> k);
        new_changed := new_changed || jsonb_build_object(k, new_row -> k);
      end if;
    end loop;
    if cardinality(changed) = 0 then
      return null;
    end if;
    old_row := old_changed;
    new_row := new_changed;
  elsif tg_op = 'INSERT' then
    select coalesce(array_agg(x), '{}') into changed from jsonb_object_keys(new_row) x;
  else
    select coalesce(array_agg(x), '{}') into changed from jsonb_object_keys(old_row) x;
  end if;
  insert into public.audit_log (table_name, record_id, action, actor_id, changed_columns, old_values, new_values)
  values (tg_table_name, rec_id, tg_op, auth.uid(), changed, old_row, new_row);
  return null;
end
$$;

-- Modules call this once per business table.
create function private.enable_audit(target regclass) returns void
language plpgsql
set search_path = ''
as $$
begin
  execute format('drop trigger if exists audit_row on %s', target);
  execute format('create trigger audit_row after insert or update or delete on %s
                  for each row execute function private.audit_row()', target);
end
$$;
revoke execute on function private.enable_audit(regclass) from authenticated, service_role;

-- Whether the caller can read row `id` of `tbl`, by the table's own RLS (security invoker).
create function private.row_visible(tbl text, id uuid) returns boolean
language plpgsql stable
set search_path = ''
as $$
declare
  found boolean;
begin
  execute format('select exists (select 1 from public.%I where id = $1)', tbl) into found using id;
  return found;
exception when undefined_table or undefined_column or insufficient_privilege then
  return false;
end
$$;

-- Append-only, for everyone: service_role bypasses RLS, so a trigger is the guard.
create function private.refuse_audit_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'the audit trail cannot be changed or deleted'
    using errcode = '42501', hint = 'errors.audit_immutable';
end
$$;
create trigger audit_log_immutable before update or delete on public.audit_log
  for each row execute function private.refuse_audit_change();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function private.refuse_audit_change();

alter table public.audit_log enable row level security;
revoke insert, update, delete, truncate on public.audit_log from anon, authenticated, service_role;
create policy "read history of rows I can read" on public.audit_log for select to authenticated
  using ((select private.is_dept_wide()) or private.row_visible(table_name, record_id));

select private.enable_audit('public.departments');
select private.enable_audit('public.business_groups');
select private.enable_audit('public.profiles');
select private.enable_audit('public.user_roles');
