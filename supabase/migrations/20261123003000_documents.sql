-- Document library (DOMAIN.md §9): documents with an access level, their versions (files in the
-- private `documents` bucket, first folder = document id), explicit shares, and the access
-- requests that open a secret document for a while (decided by the approval engine, next file).
--
-- Who reads what (private.can_read_document, the one rule every policy calls):
--   public        every signed-in colleague
--   internal      department members (active, with a department)
--   confidential  the owner, the owner's line managers, people and roles it is shared with
--   secret        the owner, the department manager, holders of an approved unexpired grant; the
--                 FILE of a secret document is never served by the storage API (only signed by
--                 the document-access function, which checks and logs)
--
-- Errors carry stable SQLSTATEs (class DC) and an i18n key in the hint:
--   DC001 document not found            DC002 lowering the level needs the department manager
--   DC003 not allowed                   DC004 invalid input
--   DC005 owner changes only by handover

create type public.document_category as enum (
  'customer_files', 'contracts', 'project_docs', 'market_research', 'rules', 'meeting_minutes', 'training', 'other'
);
-- Ordered: a later value is more restrictive.
create type public.access_level as enum ('public', 'internal', 'confidential', 'secret');

create function private.raise_document(code text, message text, key text) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = code, message = message, hint = 'documents.errors.' || key;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------
create table public.documents (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(trim(title)) between 1 and 200),
  category public.document_category not null default 'other',
  tags text[] not null default '{}' check (cardinality(tags) <= 20),
  description text check (description is null or length(description) <= 2000),
  related_type text check (related_type is null or related_type ~ '^[a-z][a-z0-9_]{0,62}$'),
  related_id uuid,
  -- Financial or salary material: confidential by default like contracts and customer files.
  sensitive boolean not null default false,
  -- Filled by a trigger when not given (see private.default_access_level).
  access_level public.access_level not null,
  owner_id uuid not null default auth.uid() references public.profiles (id),
  group_id uuid references public.business_groups (id),
  current_version integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  check ((related_type is null) = (related_id is null))
);
create index documents_owner_id_idx on public.documents (owner_id);
create index documents_group_id_idx on public.documents (group_id);
create index documents_related_idx on public.documents (related_type, related_id);
create index documents_category_idx on public.documents (category, created_at desc);
create index documents_tags_idx on public.documents using gin (tags);

create table public.document_versions (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  version_no integer not null,
  -- Object name in the `documents` bucket; its first folder is the document id.
  storage_path text not null check (length(storage_path) <= 1024 and storage_path !~ '(^|/)\.\.?(/|$)'),
  file_name text not null check (length(trim(file_name)) between 1 and 255 and file_name !~ '[/\\]'),
  size_bytes bigint check (size_bytes is null or size_bytes >= 0),
  mime_type text check (mime_type is null or length(mime_type) <= 255),
  note text check (note is null or length(note) <= 1000),
  uploaded_by uuid default auth.uid() references public.profiles (id),
  created_at timestamptz not null default now(),
  unique (document_id, version_no),
  check (split_part(storage_path, '/', 1) = document_id::text and storage_path like '%/_%')
);
create index document_versions_uploaded_by_idx on public.document_versions (uploaded_by);

-- Explicit shares of a confidential document: with a person or with everyone holding a role.
create table public.document_shares (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  user_id uuid references public.profiles (id) on delete cascade,
  role public.app_role,
  created_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  check ((user_id is null) <> (role is null))
);
create unique index document_shares_user_idx on public.document_shares (document_id, user_id) where user_id is not null;
create unique index document_shares_role_idx on public.document_shares (document_id, role) where role is not null;
create index document_shares_user_id_idx on public.document_shares (user_id);

-- Requests to read a secret document for a period; the approval engine decides them (record type
-- 'document_access'), its hook sets granted_until.
create table public.document_access_requests (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  requester_id uuid not null default auth.uid() references public.profiles (id),
  group_id uuid references public.business_groups (id),
  title text,
  reason text not null check (length(trim(reason)) between 1 and 1000),
  period_days integer not null default 7 check (period_days between 1 and 90),
  status text not null default 'draft' check (status in ('draft', 'pending', 'approved')),
  granted_until timestamptz,
  rejected_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index document_access_requests_document_idx on public.document_access_requests (document_id, requester_id);
create index document_access_requests_requester_idx on public.document_access_requests (requester_id);
create index document_access_requests_group_idx on public.document_access_requests (group_id);

-- ---------------------------------------------------------------------------------------------
-- Visibility (definer: policies on versions, shares, storage and requests must not recurse)
-- ---------------------------------------------------------------------------------------------
create function private.has_document_grant(doc uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.document_access_requests r
                  where r.document_id = doc and r.requester_id = auth.uid()
                    and r.status = 'approved' and r.granted_until > now())
$$;

create function private.is_department_member() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.profiles p
                  where p.id = auth.uid() and p.status = 'active' and p.department_id is not null)
$$;

create function private.document_row_visible(d public.documents) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select auth.uid() is not null and case d.access_level
    when 'public' then true
    when 'internal' then d.owner_id = auth.uid() or private.is_department_member()
    when 'confidential' then d.owner_id = auth.uid() or private.manages(d.owner_id) or private.can_see(d.owner_id, d.group_id)
      or exists (select 1 from public.document_shares s
                  where s.document_id = d.id and (s.user_id = auth.uid() or s.role = any (private.my_roles())))
    when 'secret' then d.owner_id = auth.uid() or private.has_role('dept_manager') or private.has_document_grant(d.id)
  end
$$;

create function private.can_read_document(doc uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select private.document_row_visible(d) from public.documents d where d.id = doc), false)
$$;

-- Whether the storage API may serve the document's files to the caller: never for secret ones.
create function private.can_read_document_file(doc uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select d.access_level <> 'secret' and private.document_row_visible(d)
                     from public.documents d where d.id = doc), false)
$$;

-- Who adds versions and edits a document: its owner and the owner's line managers.
create function private.can_write_document(doc uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.documents d
                  where d.id = doc and (d.owner_id = auth.uid() or private.manages(d.owner_id)))
$$;

-- A document's level, whoever asks (an access request names a document its requester cannot read).
create function private.document_level(doc uuid) returns public.access_level
language sql stable security definer
set search_path = ''
as $$
  select d.access_level from public.documents d where d.id = doc
$$;

create function private.document_of_object(object_name text) returns uuid
language sql immutable
set search_path = ''
as $$
  select case when split_part(object_name, '/', 1) ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
              then split_part(object_name, '/', 1)::uuid end
$$;

-- ---------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------
create function private.default_access_level() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.access_level is null then
    new.access_level := case when new.category in ('customer_files', 'contracts') or new.sensitive
                             then 'confidential' else 'internal' end;
  end if;
  return new;
end
$$;

-- Raising a level takes effect at once; lowering it needs the department manager. The owner
-- changes only through a handover (definer RPC) or a department-wide manager.
create function private.guard_document() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated', 'service_role') then
    return new;
  end if;
  if new.access_level < old.access_level and not private.has_any_role('{dept_manager,admin}') then
    perform private.raise_document('DC002', 'only the department manager can lower the access level', 'lower_needs_manager');
  end if;
  if new.owner_id is distinct from old.owner_id and not private.is_dept_wide() then
    perform private.raise_document('DC005', 'the owner changes only by a handover', 'owner_protected');
  end if;
  if new.current_version is distinct from old.current_version then
    perform private.raise_document('DC003', 'the current version follows the uploaded versions', 'not_allowed');
  end if;
  return new;
end
$$;

-- Versions are numbered by the database; the document points at its newest.
create function private.number_document_version() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  select coalesce(max(v.version_no), 0) + 1 into new.version_no
    from public.document_versions v where v.document_id = new.document_id;
  update public.documents d set current_version = new.version_no where d.id = new.document_id;
  return new;
end
$$;

create function private.prepare_access_request() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.group_id := (select p.group_id from public.profiles p where p.id = new.requester_id);
    new.title := (select d.title from public.documents d where d.id = new.document_id);
  end if;
  return new;
end
$$;

-- Grants are set by the engine's hook only.
create function private.guard_access_request() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated', 'service_role')
     and ((tg_op = 'INSERT' and (new.granted_until is not null or new.rejected_at is not null))
       or (tg_op = 'UPDATE' and (new.granted_until, new.rejected_at, new.document_id, new.requester_id, new.group_id, new.title)
             is distinct from (old.granted_until, old.rejected_at, old.document_id, old.requester_id, old.group_id, old.title))) then
    perform private.raise_document('DC003', 'a grant is set by its approval only', 'grant_protected');
  end if;
  return new;
end
$$;

create trigger default_access_level before insert on public.documents
  for each row execute function private.default_access_level();
create trigger group_from_owner before insert or update of owner_id on public.documents
  for each row execute function private.group_from_owner();
create trigger guard_document before update on public.documents
  for each row execute function private.guard_document();
create trigger touch_updated_at before update on public.documents
  for each row execute function private.touch_updated_at();
create trigger number_document_version before insert on public.document_versions
  for each row execute function private.number_document_version();
create trigger guard_access_request before insert or update on public.document_access_requests
  for each row execute function private.guard_access_request();
create trigger prepare_access_request before insert on public.document_access_requests
  for each row execute function private.prepare_access_request();
create trigger touch_updated_at before update on public.document_access_requests
  for each row execute function private.touch_updated_at();

select private.enable_audit('public.documents');
select private.enable_audit('public.document_versions');
select private.enable_audit('public.document_shares');
select private.enable_audit('public.document_access_requests');

-- ---------------------------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------------------------
alter table public.documents enable row level security;
alter table public.document_versions enable row level security;
alter table public.document_shares enable row level security;
alter table public.document_access_requests enable row level security;

create policy "readers by access level" on public.documents for select to authenticated
  using (private.document_row_visible(documents));
create policy "staff file their own documents" on public.documents for insert to authenticated
  with check (owner_id = (select auth.uid()));
create policy "owners and line managers edit documents" on public.documents for update to authenticated
  using (owner_id = (select auth.uid()) or private.manages(owner_id))
  with check (owner_id = (select auth.uid()) or private.manages(owner_id));
create policy "owners and managers delete documents" on public.documents for delete to authenticated
  using (owner_id = (select auth.uid()) or (select private.is_dept_wide()));

-- Version rows are kept: no update or delete (old versions stay downloadable).
revoke update, delete on public.document_versions from anon, authenticated;
create policy "readers of the document read its versions" on public.document_versions for select to authenticated
  using (private.can_read_document(document_id));
create policy "writers add versions" on public.document_versions for insert to authenticated
  with check (uploaded_by = (select auth.uid()) and private.can_write_document(document_id));

revoke update on public.document_shares from anon, authenticated;
create policy "writers and the shared read shares" on public.document_shares for select to authenticated
  using (user_id = (select auth.uid()) or private.can_write_document(document_id));
create policy "writers share documents" on public.document_shares for insert to authenticated
  with check (private.can_write_document(document_id)
              and (user_id is null or exists (select 1 from public.profiles p where p.id = user_id and p.status = 'active')));
create policy "writers unshare documents" on public.document_shares for delete to authenticated
  using (private.can_write_document(document_id));

revoke delete on public.document_access_requests from anon, authenticated;
create policy "requesters, owners, managers and approvers read requests" on public.document_access_requests
  for select to authenticated
  using (requester_id = (select auth.uid()) or private.can_write_document(document_id)
         or (select private.has_role('dept_manager')) or private.is_approver_of('document_access', id));
-- A request names a secret document the requester cannot read yet.
create policy "staff request access to secret documents" on public.document_access_requests for insert to authenticated
  with check (requester_id = (select auth.uid())
              and private.document_level(document_id) = 'secret');
create policy "requesters edit their drafts" on public.document_access_requests for update to authenticated
  using (requester_id = (select auth.uid()) and status = 'draft')
  with check (requester_id = (select auth.uid()));

-- ---------------------------------------------------------------------------------------------
-- Files: private bucket, first folder = document id. Secret documents' objects are never
-- selectable through the storage API (not listed, downloaded or signed), whoever asks.
-- ---------------------------------------------------------------------------------------------
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('documents', 'documents', false, 26214400,
        '{application/pdf,image/jpeg,image/png,image/webp,text/plain,text/csv,application/zip,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-powerpoint,application/vnd.openxmlformats-officedocument.presentationml.presentation}')
on conflict (id) do nothing;

create policy "document readers read non-secret files" on storage.objects for select to authenticated
  using (bucket_id = 'documents' and private.can_read_document_file(private.document_of_object(name)));
create policy "document writers upload files" on storage.objects for insert to authenticated
  with check (bucket_id = 'documents' and private.can_write_document(private.document_of_object(name)));
