-- Secret-document access: requests decided by the approval engine (record type 'document_access',
-- its hook sets the grant's expiry), the append-only access log, and the service-role RPC the
-- document-access edge function calls to check a caller, log the access and learn what to sign.
-- Also the paper borrowing register and confidentiality agreements (DOMAIN.md §9).

-- ---------------------------------------------------------------------------------------------
-- Grants through the approval engine
-- ---------------------------------------------------------------------------------------------
-- on_decided hook: an approval opens the document for period_days from now; a rejection is noted.
create function private.document_access_decided(rid uuid, outcome text) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  req public.document_access_requests;
begin
  if outcome = 'approved' then
    update public.document_access_requests r
       set granted_until = now() + make_interval(days => r.period_days), rejected_at = null
     where r.id = rid returning * into req;
    perform private.notify(d.owner_id, 'info', d.title, '机密文档查阅已批准', 'document', d.id, '/documents/show/' || d.id)
       from public.documents d where d.id = req.document_id;
  elsif outcome = 'rejected' then
    update public.document_access_requests r set rejected_at = now() where r.id = rid;
  end if;
end
$$;
revoke execute on function private.document_access_decided(uuid, text) from authenticated, service_role;

select private.register_approval_type('document_access', 'public.document_access_requests', '/documents/access/{id}',
  'title', 'requester_id', 'group_id', 'status', 'draft', 'pending', 'approved', 'private.document_access_decided');

-- ---------------------------------------------------------------------------------------------
-- Access log: append-only for everyone (service_role bypasses RLS, so triggers are the guard)
-- ---------------------------------------------------------------------------------------------
create table public.document_access_log (
  id bigint generated always as identity primary key,
  document_id uuid not null references public.documents (id),
  version_no integer,
  user_id uuid not null references public.profiles (id),
  accessed_at timestamptz not null default now(),
  ip text check (ip is null or length(ip) <= 100),
  user_agent text check (user_agent is null or length(user_agent) <= 500)
);
create index document_access_log_document_idx on public.document_access_log (document_id, accessed_at desc);
create index document_access_log_user_idx on public.document_access_log (user_id, accessed_at desc);

create function private.refuse_access_log_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'the document access log cannot be changed or deleted'
    using errcode = '42501', hint = 'documents.errors.log_immutable';
end
$$;
create trigger document_access_log_immutable before update or delete on public.document_access_log
  for each row execute function private.refuse_access_log_change();
create trigger document_access_log_no_truncate before truncate on public.document_access_log
  for each statement execute function private.refuse_access_log_change();

alter table public.document_access_log enable row level security;
revoke insert, update, delete, truncate on public.document_access_log from anon, authenticated, service_role;
create policy "owners and the manager read the access log" on public.document_access_log for select to authenticated
  using (user_id = (select auth.uid()) or (select private.has_role('dept_manager'))
         or exists (select 1 from public.documents d where d.id = document_id and d.owner_id = (select auth.uid())));

-- The document-access function's one call: may `for_user` open this version? If so the access is
-- logged and the object to sign is returned; otherwise DC001 (unknown) or DC003 (refused).
-- Secret documents: the owner, the department manager, or an approved unexpired grant.
-- Other levels: whoever can read the document.
create function public.document_access_open(
  document_id uuid, for_user uuid, version_no integer default null, ip text default null, user_agent text default null
) returns table (object_path text, file_name text, mime_type text, version integer, user_name text)
language plpgsql security definer
set search_path = ''
as $$
declare
  doc public.documents;
  ver public.document_versions;
  allowed boolean;
  who text;
begin
  -- Evaluate the rules as that user (auth.uid() reads these settings), for this transaction only.
  perform set_config('request.jwt.claim.sub', for_user::text, true);
  perform set_config('request.jwt.claims', jsonb_build_object('sub', for_user, 'role', 'authenticated')::text, true);
  select p.full_name into who from public.profiles p where p.id = for_user and p.status = 'active';
  select * into doc from public.documents d where d.id = document_access_open.document_id;
  if who is null or doc.id is null then
    perform private.raise_document('DC001', 'document not found', 'not_found');
  end if;
  allowed := case when doc.access_level = 'secret'
                  then doc.owner_id = for_user or private.has_role('dept_manager') or private.has_document_grant(doc.id)
                  else private.document_row_visible(doc) end;
  if not allowed then
    perform private.raise_document('DC003', 'you have no valid grant for this document', 'no_grant');
  end if;
  select * into ver from public.document_versions v
   where v.document_id = doc.id and v.version_no = coalesce(document_access_open.version_no, doc.current_version);
  if ver.id is null then
    perform private.raise_document('DC001', 'no such version', 'version_not_found');
  end if;
  insert into public.document_access_log (document_id, version_no, user_id, ip, user_agent)
  values (doc.id, ver.version_no, for_user, left(document_access_open.ip, 100), left(document_access_open.user_agent, 500));
  return query select ver.storage_path, ver.file_name, ver.mime_type, ver.version_no, who;
end
$$;
revoke execute on function public.document_access_open(uuid, uuid, integer, text, text) from public, anon, authenticated;
grant execute on function public.document_access_open(uuid, uuid, integer, text, text) to service_role;

-- ---------------------------------------------------------------------------------------------
-- Borrowing register for paper documents (借阅登记)
-- ---------------------------------------------------------------------------------------------
create type public.loan_status as enum ('requested', 'approved', 'lent', 'returned', 'refused');

create table public.document_loans (
  id uuid primary key default gen_random_uuid(),
  document_id uuid references public.documents (id) on delete set null,
  item_name text check (item_name is null or length(trim(item_name)) between 1 and 200),
  borrower_id uuid not null default auth.uid() references public.profiles (id),
  purpose text check (purpose is null or length(purpose) <= 1000),
  requested_at timestamptz not null default now(),
  approved_by uuid references public.profiles (id),
  lent_on date,
  due_on date,
  returned_on date,
  reminded_at timestamptz,
  status public.loan_status not null default 'requested',
  created_at timestamptz not null default now(),
  check (document_id is not null or item_name is not null)
);
create index document_loans_borrower_idx on public.document_loans (borrower_id, requested_at desc);
create index document_loans_document_idx on public.document_loans (document_id);
create index document_loans_overdue_idx on public.document_loans (due_on) where status = 'lent';
create index document_loans_approved_by_idx on public.document_loans (approved_by);
select private.enable_audit('public.document_loans');

-- Who decides a loan: the archivist, the department-wide roles, the document's owner and the
-- borrower's line managers.
create function private.can_decide_loan(l public.document_loans) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select private.has_role('archivist') or private.is_dept_wide() or private.manages(l.borrower_id)
      or exists (select 1 from public.documents d where d.id = l.document_id and d.owner_id = auth.uid())
$$;

alter table public.document_loans enable row level security;
revoke update, delete on public.document_loans from anon, authenticated;
create policy "borrowers and deciders read loans" on public.document_loans for select to authenticated
  using (borrower_id = (select auth.uid()) or private.can_decide_loan(document_loans));
create policy "staff request loans" on public.document_loans for insert to authenticated
  with check (borrower_id = (select auth.uid()) and status = 'requested' and approved_by is null
              and lent_on is null and returned_on is null and reminded_at is null
              and (document_id is null or private.can_read_document(document_id)));

-- Moves a loan one step; only a decider, never the borrower on their own loan.
create function public.document_loan_step(loan_id uuid, action text, due_on date default null)
returns public.document_loans
language plpgsql security definer
set search_path = ''
as $$
declare
  l public.document_loans;
begin
  select * into l from public.document_loans x where x.id = loan_id for update;
  if not found then
    perform private.raise_document('DC001', 'loan not found', 'loan_not_found');
  end if;
  if not private.can_decide_loan(l) or l.borrower_id = auth.uid() then
    perform private.raise_document('DC003', 'you cannot decide this loan', 'not_allowed');
  end if;
  if action = 'approve' and l.status = 'requested' then
    if due_on is null or due_on < current_date then
      perform private.raise_document('DC004', 'a due date from today on is required', 'due_required');
    end if;
    update public.document_loans x set status = 'approved', approved_by = auth.uid(), due_on = document_loan_step.due_on
     where x.id = l.id returning * into l;
  elsif action = 'refuse' and l.status = 'requested' then
    update public.document_loans x set status = 'refused', approved_by = auth.uid() where x.id = l.id returning * into l;
  elsif action = 'lend' and l.status = 'approved' then
    update public.document_loans x set status = 'lent', lent_on = current_date where x.id = l.id returning * into l;
  elsif action = 'return' and l.status = 'lent' then
    update public.document_loans x set status = 'returned', returned_on = current_date where x.id = l.id returning * into l;
  else
    perform private.raise_document('DC004', format('cannot %s a %s loan', action, l.status), 'invalid_step');
  end if;
  perform private.notify(l.borrower_id, 'info', coalesce(l.item_name, '借阅'), '借阅状态：' || l.status::text,
    'document_loan', l.id, '/documents/loans');
  return l;
end
$$;
revoke execute on function public.document_loan_step(uuid, text, date) from public, anon;
grant execute on function public.document_loan_step(uuid, text, date) to authenticated;

-- Reminders (a scheduled job calls this): borrowers of overdue loans are told once a day.
create function private.remind_overdue_loans() returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  l public.document_loans;
  n integer := 0;
begin
  for l in
    select * from public.document_loans x
     where x.status = 'lent' and x.due_on < current_date
       and (x.reminded_at is null or x.reminded_at < now() - interval '1 day')
     for update
  loop
    perform private.notify(l.borrower_id, 'reminder', coalesce(l.item_name, '借阅逾期'),
      format('应于 %s 归还', l.due_on), 'document_loan', l.id, '/documents/loans');
    update public.document_loans x set reminded_at = now() where x.id = l.id;
    n := n + 1;
  end loop;
  return n;
end
$$;
revoke execute on function private.remind_overdue_loans() from authenticated;

-- ---------------------------------------------------------------------------------------------
-- Confidentiality agreements (保密协议): one per person, scans in the `agreements` bucket under
-- the person's id. HR keeps them; HR and the managers see who has none.
-- ---------------------------------------------------------------------------------------------
create table public.confidentiality_agreements (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null unique references public.profiles (id) on delete cascade,
  signed_on date not null,
  expires_on date,
  scan_path text check (scan_path is null or (split_part(scan_path, '/', 1) = person_id::text
                                               and scan_path !~ '(^|/)\.\.?(/|$)' and length(scan_path) <= 1024)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  check (expires_on is null or expires_on > signed_on)
);
create trigger touch_updated_at before update on public.confidentiality_agreements
  for each row execute function private.touch_updated_at();
select private.enable_audit('public.confidentiality_agreements');

create function private.keeps_agreements() returns boolean
language sql stable
set search_path = ''
as $$
  select private.has_any_role('{hr,admin}')
$$;

alter table public.confidentiality_agreements enable row level security;
create policy "people, HR and managers read agreements" on public.confidentiality_agreements for select to authenticated
  using (person_id = (select auth.uid()) or (select private.keeps_agreements()) or private.manages(person_id));
create policy "HR records agreements" on public.confidentiality_agreements for insert to authenticated
  with check ((select private.keeps_agreements()));
create policy "HR edits agreements" on public.confidentiality_agreements for update to authenticated
  using ((select private.keeps_agreements())) with check ((select private.keeps_agreements()));
create policy "HR removes agreements" on public.confidentiality_agreements for delete to authenticated
  using ((select private.keeps_agreements()));

-- Active department members without an agreement: for HR and the managers.
create function public.people_without_agreement()
returns table (id uuid, full_name text, email text, group_id uuid)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not (private.keeps_agreements() or private.is_dept_wide()) then
    perform private.raise_document('DC003', 'only HR and the managers see this list', 'not_allowed');
  end if;
  return query
    select p.id, p.full_name, p.email, p.group_id from public.profiles p
     where p.status = 'active' and p.department_id is not null
       and not exists (select 1 from public.confidentiality_agreements a where a.person_id = p.id)
     order by p.full_name;
end
$$;
revoke execute on function public.people_without_agreement() from public, anon;
grant execute on function public.people_without_agreement() to authenticated;

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('agreements', 'agreements', false, 10485760, '{application/pdf,image/jpeg,image/png}')
on conflict (id) do nothing;

create policy "people, HR and managers read agreement scans" on storage.objects for select to authenticated
  using (bucket_id = 'agreements' and (
    split_part(name, '/', 1) = (select auth.uid())::text or (select private.keeps_agreements())
    or (select private.is_dept_wide())));
create policy "HR uploads agreement scans" on storage.objects for insert to authenticated
  with check (bucket_id = 'agreements' and (select private.keeps_agreements()));
