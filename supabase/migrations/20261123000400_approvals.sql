-- Approval engine, one for every record type: workflow definitions (ordered steps with an approver
-- rule, a mode and an optional condition), requests, tasks per approver, an action log, and the
-- RPCs submit / approve / reject / withdraw / transfer / comment / cc. A record's status column
-- changes only through server-side functions: a trigger refuses it to API roles.
--
-- Errors carry stable SQLSTATEs (class BZ) and an i18n key in the hint, for the UI to translate:
--   BZ001 record or request not found     BZ002 record not in a state that allows this
--   BZ003 not the current approver        BZ004 a comment is required
--   BZ005 request already decided         BZ006 only the submitter may do this
--   BZ007 status changes only via engine  BZ008 no approver can be found for a step
--   BZ009 invalid transfer / cc target    BZ010 not allowed

create type public.approver_rule as enum ('role', 'group_leader', 'deputy_in_charge', 'dept_manager', 'named_user');
create type public.approval_mode as enum ('any', 'all');
create type public.approval_status as enum ('pending', 'approved', 'rejected', 'withdrawn');
create type public.approval_task_status as enum ('pending', 'approved', 'rejected', 'transferred', 'skipped', 'cancelled');
create type public.approval_action_kind as enum (
  'submit', 'approve', 'reject', 'withdraw', 'transfer', 'comment', 'cc', 'skip', 'auto_approve'
);

-- ---------------------------------------------------------------------------------------------
-- Which tables take part, and how to read their owner, group, title and status. Module
-- migrations register their record types here.
-- ---------------------------------------------------------------------------------------------
create table public.approval_record_types (
  record_type text primary key check (record_type ~ '^[a-z][a-z0-9_]{0,62}$'),
  table_name regclass not null unique,
  status_column text not null default 'status',
  owner_column text not null default 'owner_id',
  group_column text,
  title_column text,
  draft_status text not null default 'draft',
  pending_status text not null default 'pending',
  approved_status text not null default 'approved',
  -- Path of the record in the app, '{id}' replaced: used in notifications.
  link_template text,
  -- Optional function (record_id uuid, outcome text) run when a request is decided.
  on_decided regproc
);

create table public.workflow_definitions (
  id uuid primary key default gen_random_uuid(),
  record_type text not null check (record_type ~ '^[a-z][a-z0-9_]{0,62}$'),
  name text not null check (length(trim(name)) between 1 and 100),
  description text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid()
);
create unique index workflow_definitions_one_active on public.workflow_definitions (record_type) where active;

create table public.workflow_steps (
  id uuid primary key default gen_random_uuid(),
  workflow_id uuid not null references public.workflow_definitions (id) on delete cascade,
  step_no int not null check (step_no between 1 and 50),
  name text not null check (length(trim(name)) between 1 and 100),
  approver_rule public.approver_rule not null,
  approver_role public.app_role,
  approver_user_id uuid references public.profiles (id),
  mode public.approval_mode not null default 'any',
  -- {"field": "amount", "op": ">=", "value": 100000}, or {"all": [...]} / {"any": [...]}.
  condition jsonb,
  -- The record's status while this step waits (e.g. manager_review); null: the type's pending status.
  record_status text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  unique (workflow_id, step_no),
  check (approver_rule <> 'role' or approver_role is not null),
  check (approver_rule <> 'named_user' or approver_user_id is not null),
  check (condition is null or jsonb_typeof(condition) = 'object')
);
create index workflow_steps_workflow_idx on public.workflow_steps (workflow_id, step_no);

create table public.approval_requests (
  id uuid primary key default gen_random_uuid(),
  record_type text not null references public.approval_record_types (record_type),
  record_id uuid not null,
  workflow_id uuid references public.workflow_definitions (id) on delete set null,
  status public.approval_status not null default 'pending',
  current_step int,
  title text,
  owner_id uuid references public.profiles (id),
  group_id uuid references public.business_groups (id),
  submitted_by uuid not null references public.profiles (id),
  submitted_at timestamptz not null default now(),
  decided_at timestamptz,
  last_comment text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index approval_requests_one_pending on public.approval_requests (record_type, record_id) where status = 'pending';
create index approval_requests_record_idx on public.approval_requests (record_type, record_id, submitted_at desc);
create index approval_requests_submitted_by_idx on public.approval_requests (submitted_by, submitted_at desc);
create index approval_requests_owner_idx on public.approval_requests (owner_id);
create index approval_requests_group_idx on public.approval_requests (group_id);

create table public.approval_tasks (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.approval_requests (id) on delete cascade,
  step_no int not null,
  step_name text not null,
  approver_id uuid not null references public.profiles (id),
  status public.approval_task_status not null default 'pending',
  comment text,
  acted_at timestamptz,
  created_at timestamptz not null default now()
);
create index approval_tasks_request_idx on public.approval_tasks (request_id, step_no);
create index approval_tasks_inbox_idx on public.approval_tasks (approver_id, created_at desc) where status = 'pending';
create index approval_tasks_approver_idx on public.approval_tasks (approver_id);

create table public.approval_actions (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.approval_requests (id) on delete cascade,
  step_no int,
  actor_id uuid references public.profiles (id),
  action public.approval_action_kind not null,
  comment text,
  target_user_id uuid references public.profiles (id),
  created_at timestamptz not null default clock_timestamp()
);
create index approval_actions_request_idx on public.approval_actions (request_id, created_at);

create table public.approval_cc (
  request_id uuid not null references public.approval_requests (id) on delete cascade,
  user_id uuid not null references public.profiles (id),
  created_at timestamptz not null default now(),
  primary key (request_id, user_id)
);
create index approval_cc_user_idx on public.approval_cc (user_id);

create trigger touch_updated_at before update on public.workflow_definitions
  for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.workflow_steps
  for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.approval_requests
  for each row execute function private.touch_updated_at();

select private.enable_audit('public.workflow_definitions');
select private.enable_audit('public.workflow_steps');

-- ---------------------------------------------------------------------------------------------
-- Visibility helpers
-- ---------------------------------------------------------------------------------------------
-- Whether I take part in a request: submitter, approver at any step, or copied.
create function private.in_request(req uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.approval_requests r where r.id = req and r.submitted_by = auth.uid())
      or exists (select 1 from public.approval_tasks t where t.request_id = req and t.approver_id = auth.uid())
      or exists (select 1 from public.approval_cc c where c.request_id = req and c.user_id = auth.uid())
$$;

-- Whether I am (or was) an approver of a record: module policies let approvers read what they approve.
create function private.is_approver_of(rtype text, rid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.approval_requests r join public.approval_tasks t on t.request_id = r.id
     where r.record_type = rtype and r.record_id = rid and t.approver_id = auth.uid()
  )
$$;

-- ---------------------------------------------------------------------------------------------
-- Status protection for registered tables
-- ---------------------------------------------------------------------------------------------
-- TG_ARGV: status column, draft status. API roles may only create drafts and never change status;
-- server-side functions (owned by postgres) and migrations may.
create function private.protect_status() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  col text := tg_argv[0];
  draft text := tg_argv[1];
  new_status text := to_jsonb(new) ->> col;
begin
  if current_user not in ('anon', 'authenticated', 'service_role') then
    return new;
  end if;
  if tg_op = 'INSERT' and new_status is distinct from draft then
    raise exception 'a new record starts as %', draft
      using errcode = 'BZ007', hint = 'approval.errors.status_protected';
  end if;
  if tg_op = 'UPDATE' and new_status is distinct from (to_jsonb(old) ->> col) then
    raise exception 'the status changes only through the approval workflow'
      using errcode = 'BZ007', hint = 'approval.errors.status_protected';
  end if;
  return new;
end
$$;

-- Registers a table with the engine (module migrations call this).
create function private.register_approval_type(
  rtype text, tbl regclass, link_template text, title_column text default 'title',
  owner_column text default 'owner_id', group_column text default 'group_id', status_column text default 'status',
  draft_status text default 'draft', pending_status text default 'pending', approved_status text default 'approved',
  on_decided regproc default null
) returns void
language plpgsql
set search_path = ''
as $$
begin
  insert into public.approval_record_types
    (record_type, table_name, status_column, owner_column, group_column, title_column,
     draft_status, pending_status, approved_status, link_template, on_decided)
  values (rtype, tbl, status_column, owner_column, group_column, title_column,
          draft_status, pending_status, approved_status, link_template, on_decided)
  on conflict (record_type) do update set
    table_name = excluded.table_name, status_column = excluded.status_column,
    owner_column = excluded.owner_column, group_column = excluded.group_column,
    title_column = excluded.title_column, draft_status = excluded.draft_status,
    pending_status = excluded.pending_status, approved_status = excluded.approved_status,
    link_template = excluded.link_template, on_decided = excluded.on_decided;
  execute format('drop trigger if exists protect_status on %s', tbl);
  execute format('create trigger protect_status before insert or update on %s for each row
                  execute function private.protect_status(%L, %L)', tbl, status_column, draft_status);
end
$$;
revoke execute on function private.register_approval_type(text, regclass, text, text, text, text, text, text, text, text, regproc)
  from authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Row-level security: everything is written by the RPCs; workflows are admin data.
-- ---------------------------------------------------------------------------------------------
alter table public.approval_record_types enable row level security;
alter table public.workflow_definitions enable row level security;
alter table public.workflow_steps enable row level security;
alter table public.approval_requests enable row level security;
alter table public.approval_tasks enable row level security;
alter table public.approval_actions enable row level security;
alter table public.approval_cc enable row level security;

revoke insert, update, delete on public.approval_record_types, public.approval_requests, public.approval_tasks,
  public.approval_actions, public.approval_cc from anon, authenticated;

create policy "staff read record types" on public.approval_record_types for select to authenticated using (true);

create policy "staff read workflows" on public.workflow_definitions for select to authenticated using (true);
create policy "admins insert workflows" on public.workflow_definitions for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update workflows" on public.workflow_definitions for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete workflows" on public.workflow_definitions for delete to authenticated
  using ((select private.is_admin()));

create policy "staff read workflow steps" on public.workflow_steps for select to authenticated using (true);
create policy "admins insert workflow steps" on public.workflow_steps for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update workflow steps" on public.workflow_steps for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete workflow steps" on public.workflow_steps for delete to authenticated
  using ((select private.is_admin()));

create policy "participants and scope read requests" on public.approval_requests for select to authenticated
  using (
    submitted_by = (select auth.uid())
    or private.can_see(owner_id, group_id)
    or private.in_request(id)
  );

create policy "participants and scope read tasks" on public.approval_tasks for select to authenticated
  using (
    approver_id = (select auth.uid())
    or exists (select 1 from public.approval_requests r where r.id = request_id)
  );

create policy "participants and scope read actions" on public.approval_actions for select to authenticated
  using (exists (select 1 from public.approval_requests r where r.id = request_id));

create policy "participants and scope read cc" on public.approval_cc for select to authenticated
  using (user_id = (select auth.uid()) or exists (select 1 from public.approval_requests r where r.id = request_id));
