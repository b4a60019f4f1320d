-- Table editor: a batch of cell edits applied in one transaction, whole or not at all.
-- SECURITY INVOKER: the caller's RLS policies, column grants, constraints, triggers (status
-- protection, audit) all apply exactly as for a REST PATCH; the function adds no rights.

-- The reason a batch failed, naming the edit (0-based index and primary key) and, when it can be
-- pinned down, the column; the database's own code, message and hint are kept.
create function private.raise_table_edit(
  p_state text, p_message text, p_detail text, p_hint text,
  p_index integer, p_pk jsonb, p_column text
) returns void
language plpgsql
set search_path = ''
as $$
begin
  if p_hint is null then
    raise exception using errcode = p_state, message = p_message,
      detail = jsonb_build_object('row', p_index, 'pk', p_pk, 'column', p_column, 'detail', p_detail)::text;
  end if;
  raise exception using errcode = p_state, message = p_message,
    detail = jsonb_build_object('row', p_index, 'pk', p_pk, 'column', p_column, 'detail', p_detail)::text,
    hint = p_hint;
end
$$;

-- Runs one edit: update public.<tbl> set <cols> from the jsonb values where <pk> matches.
-- Identifiers come from pg_attribute (quoted with %I); values are cast by jsonb_populate_record,
-- never spliced into the SQL text. Returns the updated row, or null when no row matched.
create function private.update_table_row(p_table text, p_pk jsonb, p_set jsonb) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  set_list text;
  where_list text;
  updated jsonb;
begin
  select string_agg(format('%I = v.%I', k, k), ', ') into set_list from jsonb_object_keys(p_set) k;
  select string_agg(format('t.%I = k.%I', k, k), ' and ') into where_list from jsonb_object_keys(p_pk) k;
  execute format(
    'with v as (select * from jsonb_populate_record(null::public.%1$I, $1)),
          k as (select * from jsonb_populate_record(null::public.%1$I, $2))
     update public.%1$I t set %2$s from v, k where %3$s returning to_jsonb(t.*)',
    p_table, set_list, where_list)
    into updated using p_set, p_pk;
  return updated;
end
$$;

-- p_edits: [{"pk": {"id": "…"}, "set": {"column": value, …}}, …]. Returns the updated rows in
-- order. An edit whose row the caller cannot see or change is an error, never a silent no-op.
create function public.apply_table_edits(p_table text, p_edits jsonb) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  rel oid;
  pk_cols text[];
  all_cols text[];
  edit jsonb;
  idx integer := 0;
  pk jsonb;
  vals jsonb;
  bad text;
  updated jsonb;
  result jsonb := '[]';
  e_state text; e_message text; e_detail text; e_hint text; e_column text;
  probe_col text;
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
  select array_agg(a.attname) into all_cols from pg_attribute a
   where a.attrelid = rel and a.attnum > 0 and not a.attisdropped and a.attgenerated = '';
  if jsonb_typeof(p_edits) is distinct from 'array' then
    raise exception 'p_edits must be an array of {pk, set}' using errcode = '22023', hint = 'table_editor.errors.bad_edits';
  end if;

  for edit in select x from jsonb_array_elements(p_edits) x loop
    pk := edit -> 'pk';
    vals := edit -> 'set';
    if jsonb_typeof(pk) is distinct from 'object' or jsonb_typeof(vals) is distinct from 'object' or vals = '{}'
       or (select array_agg(k order by k) from jsonb_object_keys(pk) k) is distinct from (select array_agg(k order by k) from unnest(pk_cols) k) then
      perform private.raise_table_edit('22023', 'each edit needs the primary key and at least one column to set', null,
        'table_editor.errors.bad_edits', idx, pk, null);
    end if;
    select k into bad from jsonb_object_keys(vals) k where k <> all (all_cols) limit 1;
    if bad is not null then
      perform private.raise_table_edit('42703', format('column "%s" of "%s" cannot be edited', bad, p_table), null,
        'table_editor.errors.no_column', idx, pk, bad);
    end if;

    begin
      updated := private.update_table_row(p_table, pk, vals);
    exception when others then
      get stacked diagnostics e_state = returned_sqlstate, e_message = message_text, e_detail = pg_exception_detail,
        e_hint = pg_exception_hint, e_column = column_name;
      -- Which cell: the only one set, the column the error names, or the first one that fails alone
      -- (tried in a block that always rolls back).
      if e_column = '' or not vals ? e_column then
        e_column := null;
      end if;
      if e_column is null and (select count(*) from jsonb_object_keys(vals)) = 1 then
        select k into e_column from jsonb_object_keys(vals) k;
      end if;
      if e_column is null then
        begin
          for probe_col in select k from jsonb_object_keys(vals) k loop
            begin
              perform private.update_table_row(p_table, pk, jsonb_build_object(probe_col, vals -> probe_col));
            exception when others then
              e_column := probe_col;
              exit;
            end;
          end loop;
          raise exception 'probe' using errcode = 'P0004';
        exception when sqlstate 'P0004' then
          null;
        end;
      end if;
      perform private.raise_table_edit(e_state, e_message, nullif(e_detail, ''), nullif(e_hint, ''), idx, pk, e_column);
    end;
    if updated is null then
      perform private.raise_table_edit('42501', format('row %s of "%s" does not exist or may not be changed by you', pk, p_table),
        null, 'table_editor.errors.row_not_editable', idx, pk, null);
    end if;
    result := result || jsonb_build_array(updated);
    idx := idx + 1;
  end loop;
  return result;
end
$$;

revoke execute on function private.raise_table_edit(text, text, text, text, integer, jsonb, text) from public, anon, service_role;
revoke execute on function private.update_table_row(text, jsonb, jsonb) from public, anon, service_role;
grant execute on function private.raise_table_edit(text, text, text, text, integer, jsonb, text) to authenticated;
grant execute on function private.update_table_row(text, jsonb, jsonb) to authenticated;
revoke execute on function public.apply_table_edits(text, jsonb) from public, anon, service_role;
grant execute on function public.apply_table_edits(text, jsonb) to authenticated;
