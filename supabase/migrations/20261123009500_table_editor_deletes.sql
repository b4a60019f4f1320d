-- Table editor deletes, all or nothing; and the "who has no confidentiality agreement" list read
-- with the reader's own rights, so the REST API can page it (limit / offset / exact count).

-- ---------------------------------------------------------------------------------------------
-- delete_table_rows: the selected rows go in one transaction or none do. SECURITY INVOKER like
-- apply_table_edits: RLS, grants, foreign keys, triggers and the audit trail decide exactly as for
-- a REST DELETE; a row the caller cannot see or delete is an error naming it, not a silent skip.
-- ---------------------------------------------------------------------------------------------

-- The primary key columns of a table of the exposed schema, or the editor's error.
create function private.table_editor_key(p_table text) returns text[]
language plpgsql stable
set search_path = ''
as $$
declare
  rel oid;
  pk_cols text[];
begin
  select c.oid into rel from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relname = p_table and c.relkind in ('r', 'p');
  if rel is null then
    raise exception 'no table "%" in the exposed schema', p_table
      using errcode = '42P01', hint = 'table_editor.errors.no_table';
  end if;
  select array_agg(a.attname order by a.attnum) into pk_cols
    from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
   where i.indrelid = rel and i.indisprimary;
  if pk_cols is null then
    raise exception 'table "%" has no primary key', p_table using errcode = '42P10', hint = 'table_editor.errors.no_primary_key';
  end if;
  return pk_cols;
end
$$;

-- Deletes one row of public.<tbl> by its primary key (values cast by jsonb_populate_record, never
-- spliced into the SQL text). Returns the deleted row, or null when no row matched.
create function private.delete_table_row(p_table text, p_pk jsonb) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  where_list text;
  deleted jsonb;
begin
  select string_agg(format('t.%I = k.%I', k, k), ' and ') into where_list from jsonb_object_keys(p_pk) k;
  execute format(
    'with k as (select * from jsonb_populate_record(null::public.%1$I, $1))
     delete from public.%1$I t using k where %2$s returning to_jsonb(t.*)',
    p_table, where_list)
    into deleted using p_pk;
  return deleted;
end
$$;

-- p_pks: [{"id": "…"}, …] (each row's whole primary key). Returns the deleted rows in order.
create function public.delete_table_rows(p_table text, p_pks jsonb) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  pk_cols text[] := private.table_editor_key(p_table);
  pk jsonb;
  idx integer := 0;
  deleted jsonb;
  result jsonb := '[]';
  e_state text; e_message text; e_detail text; e_hint text;
begin
  if jsonb_typeof(p_pks) is distinct from 'array' then
    raise exception 'p_pks must be an array of primary keys' using errcode = '22023', hint = 'table_editor.errors.bad_edits';
  end if;
  for pk in select x from jsonb_array_elements(p_pks) x loop
    if jsonb_typeof(pk) is distinct from 'object'
       or (select array_agg(k order by k) from jsonb_object_keys(pk) k) is distinct from (select array_agg(k order by k) from unnest(pk_cols) k) then
      perform private.raise_table_edit('22023', 'each row needs its whole primary key', null,
        'table_editor.errors.bad_edits', idx, pk, null);
    end if;
    begin
      deleted := private.delete_table_row(p_table, pk);
    exception when others then
      get stacked diagnostics e_state = returned_sqlstate, e_message = message_text, e_detail = pg_exception_detail,
        e_hint = pg_exception_hint;
      perform private.raise_table_edit(e_state, e_message, nullif(e_detail, ''), nullif(e_hint, ''), idx, pk, null);
    end;
    if deleted is null then
      perform private.raise_table_edit('42501', format('row %s of "%s" does not exist or may not be deleted by you', pk, p_table),
        null, 'table_editor.errors.row_not_deletable', idx, pk, null);
    end if;
    result := result || jsonb_build_array(deleted);
    idx := idx + 1;
  end loop;
  return result;
end
$$;

revoke execute on function private.table_editor_key(text) from public, anon, service_role;
revoke execute on function private.delete_table_row(text, jsonb) from public, anon, service_role;
grant execute on function private.table_editor_key(text) to authenticated;
grant execute on function private.delete_table_row(text, jsonb) to authenticated;
revoke execute on function public.delete_table_rows(text, jsonb) from public, anon, service_role;
grant execute on function public.delete_table_rows(text, jsonb) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- people_without_agreement, now SECURITY INVOKER: it reads profiles and agreements with the
-- caller's RLS (HR and the department-wide managers see every agreement), and anyone else is
-- refused. Called through /rpc it takes order, range and count=exact, so the list is paged by
-- the database instead of fetched whole.
-- ---------------------------------------------------------------------------------------------
create or replace function public.people_without_agreement()
returns table (id uuid, full_name text, email text, group_id uuid)
language plpgsql stable security invoker
set search_path = ''
as $$
begin
  if not ((select private.keeps_agreements()) or (select private.is_dept_wide())) then
    perform private.raise_document('DC003', 'only HR and the managers see this list', 'not_allowed');
  end if;
  return query
    select p.id, p.full_name, p.email, p.group_id from public.profiles p
     where p.status = 'active' and p.department_id is not null
       and not exists (select 1 from public.confidentiality_agreements a where a.person_id = p.id)
     order by p.full_name, p.id;
end
$$;

-- The list's filter and order (full_name, id gives pages a stable order).
create index profiles_active_name_idx on public.profiles (full_name, id) where status = 'active';
