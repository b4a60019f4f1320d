-- The `attachments` bucket: people's own files under users/<uid>/, and files attached to any
-- record of the approval engine's record types under <record_type>/<record_id>/. Whoever can
-- read the record (by that table's own RLS) can read and add its files; uploaders delete theirs.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('attachments', 'attachments', false, 10485760, null)
on conflict (id) do nothing;

-- Security invoker on purpose: the record's own RLS decides, for the caller.
create function private.record_visible(rtype text, rid text) returns boolean
language plpgsql stable
set search_path = ''
as $$
declare
  tbl regclass;
  found boolean;
begin
  if rid !~ '^[0-9a-fA-F-]{36}$' then
    return false;
  end if;
  select t.table_name into tbl from public.approval_record_types t where t.record_type = rtype;
  if tbl is null then
    return false;
  end if;
  execute format('select exists (select 1 from %s where id = $1)', tbl) into found using rid::uuid;
  return found;
end
$$;

create policy "people read their own files" on storage.objects for select to authenticated
  using (bucket_id = 'attachments' and (storage.foldername(name))[1] = 'users'
         and (storage.foldername(name))[2] = (select auth.uid())::text);
create policy "people store their own files" on storage.objects for insert to authenticated
  with check (bucket_id = 'attachments' and (storage.foldername(name))[1] = 'users'
              and (storage.foldername(name))[2] = (select auth.uid())::text);
create policy "people replace their own files" on storage.objects for update to authenticated
  using (bucket_id = 'attachments' and (storage.foldername(name))[1] = 'users'
         and (storage.foldername(name))[2] = (select auth.uid())::text);
create policy "people delete their own files" on storage.objects for delete to authenticated
  using (bucket_id = 'attachments' and (storage.foldername(name))[1] = 'users'
         and (storage.foldername(name))[2] = (select auth.uid())::text);

create policy "record readers read its attachments" on storage.objects for select to authenticated
  using (bucket_id = 'attachments' and (storage.foldername(name))[1] <> 'users'
         and private.record_visible((storage.foldername(name))[1], (storage.foldername(name))[2]));
create policy "record readers attach files" on storage.objects for insert to authenticated
  with check (bucket_id = 'attachments' and (storage.foldername(name))[1] <> 'users'
              and private.record_visible((storage.foldername(name))[1], (storage.foldername(name))[2]));
create policy "uploaders delete their record attachments" on storage.objects for delete to authenticated
  using (bucket_id = 'attachments' and (storage.foldername(name))[1] <> 'users'
         and owner_id = (select auth.uid())::text);
