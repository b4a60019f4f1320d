-- Organisation: department, business groups, profiles, app roles, and the data-scope helpers
-- every module's policies call. Helpers live in `private`, a schema the API does not expose.

create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;
-- Helpers are callable by signed-in users (policies run as them), never by anon.
alter default privileges in schema private revoke execute on functions from public;
alter default privileges in schema private grant execute on functions to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Types
-- ---------------------------------------------------------------------------------------------
create type public.app_role as enum (
  'admin', 'general_manager', 'dept_manager', 'deputy_manager', 'group_leader', 'salesperson',
  'merchandiser', 'researcher', 'cs_specialist', 'planner', 'legal', 'hr', 'finance', 'archivist'
);
create type public.group_type as enum ('marketing', 'project_execution', 'customer_service', 'other');
create type public.person_status as enum ('active', 'left');

-- ---------------------------------------------------------------------------------------------
-- Generic row helpers
-- ---------------------------------------------------------------------------------------------
create function private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------
create table public.departments (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) between 1 and 100),
  code text not null unique check (code ~ '^[A-Za-z0-9_-]{1,32}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid()
);

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text not null check (length(trim(full_name)) between 1 and 100),
  email text not null check (email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  title text,
  position text,
  phone text check (phone is null or phone ~ '^\+?[0-9][0-9 -]{5,19}$'),
  department_id uuid references public.departments (id),
  group_id uuid,
  manager_id uuid references public.profiles (id),
  status public.person_status not null default 'active',
  joined_on date,
  left_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  check (left_on is null or joined_on is null or left_on >= joined_on)
);

create table public.business_groups (
  id uuid primary key default gen_random_uuid(),
  department_id uuid not null references public.departments (id),
  name text not null check (length(trim(name)) between 1 and 100),
  group_type public.group_type not null default 'other',
  leader_id uuid references public.profiles (id),
  -- The deputy manager in charge of this group (分管副经理).
  deputy_id uuid references public.profiles (id),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  unique (department_id, name)
);

alter table public.profiles
  add constraint profiles_group_id_fkey foreign key (group_id) references public.business_groups (id);

create table public.user_roles (
  id uuid not null default gen_random_uuid() unique,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.app_role not null,
  created_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  primary key (user_id, role)
);

create index profiles_group_id_idx on public.profiles (group_id);
create index profiles_manager_id_idx on public.profiles (manager_id);
create index profiles_department_id_idx on public.profiles (department_id);
create index business_groups_leader_id_idx on public.business_groups (leader_id);
create index business_groups_deputy_id_idx on public.business_groups (deputy_id);
create index user_roles_role_idx on public.user_roles (role);

create trigger touch_updated_at before update on public.departments
  for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.profiles
  for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.business_groups
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------
-- Scope helpers. STABLE and SECURITY DEFINER (they read org tables whatever the caller's RLS);
-- policies call them as (select private.x()) so each runs once per statement.
-- ---------------------------------------------------------------------------------------------
create function private.my_roles() returns public.app_role[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(r.role), '{}')
    from public.user_roles r
    join public.profiles p on p.id = r.user_id and p.status = 'active'
   where r.user_id = auth.uid()
$$;

create function private.has_role(wanted public.app_role) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.user_roles r join public.profiles p on p.id = r.user_id and p.status = 'active'
     where r.user_id = auth.uid() and r.role = wanted
  )
$$;

create function private.has_any_role(wanted public.app_role[]) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.user_roles r join public.profiles p on p.id = r.user_id and p.status = 'active'
     where r.user_id = auth.uid() and r.role = any (wanted)
  )
$$;

-- Department-wide sight: the department manager, the general manager and admins.
create function private.is_dept_wide() returns boolean
language sql stable
set search_path = ''
as $$
  select private.has_any_role('{admin,general_manager,dept_manager}'::public.app_role[])
$$;

create function private.is_admin() returns boolean
language sql stable
set search_path = ''
as $$
  select private.has_role('admin')
$$;

create function private.my_group_id() returns uuid
language sql stable security definer
set search_path = ''
as $$
  select group_id from public.profiles where id = auth.uid() and status = 'active'
$$;

create function private.led_group_ids() returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(g.id), '{}') from public.business_groups g
   where g.leader_id = auth.uid() and private.has_role('group_leader')
$$;

create function private.charged_group_ids() returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(g.id), '{}') from public.business_groups g
   where g.deputy_id = auth.uid() and private.has_role('deputy_manager')
$$;

-- Groups whose records I see beyond my own: the groups I lead and the groups I am in charge of.
create function private.scope_group_ids() returns uuid[]
language sql stable
set search_path = ''
as $$
  select private.led_group_ids() || private.charged_group_ids()
$$;

-- THE data-scope rule (DOMAIN.md §1), in one place: may I see a record owned by `owner` in `grp`?
-- Plain SQL so the planner inlines it into policies; its sub-selects then run once per query.
create function private.can_see(owner uuid, grp uuid) returns boolean
language sql stable
set search_path = ''
as $$
  select owner = (select auth.uid())
      or grp = any ((select private.scope_group_ids())::uuid[])
      or (select private.is_dept_wide())
$$;

-- Whether the signed-in user manages `person` (line manager chain: group leader, deputy in
-- charge of their group, department-wide roles).
create function private.manages(person uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select private.is_dept_wide()
      or exists (
        select 1 from public.profiles p
         where p.id = person and p.group_id = any (private.scope_group_ids())
      )
$$;

grant execute on all functions in schema private to authenticated, service_role;
revoke execute on all functions in schema private from anon, public;

-- ---------------------------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------------------------
alter table public.departments enable row level security;
alter table public.business_groups enable row level security;
alter table public.profiles enable row level security;
alter table public.user_roles enable row level security;

-- The department directory (names, groups, roles) is visible to every signed-in colleague: it is
-- needed to pick owners, approvers and receivers. Anonymous callers see nothing.
create policy "staff read departments" on public.departments for select to authenticated using (true);
create policy "admins insert departments" on public.departments for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update departments" on public.departments for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete departments" on public.departments for delete to authenticated
  using ((select private.is_admin()));

create policy "staff read groups" on public.business_groups for select to authenticated using (true);
create policy "admins insert groups" on public.business_groups for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update groups" on public.business_groups for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete groups" on public.business_groups for delete to authenticated
  using ((select private.is_admin()));

create policy "staff read profiles" on public.profiles for select to authenticated using (true);
create policy "admins insert profiles" on public.profiles for insert to authenticated
  with check ((select private.is_admin()));
create policy "people update their own profile, admins any" on public.profiles for update to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()))
  with check (id = (select auth.uid()) or (select private.is_admin()));
create policy "admins delete profiles" on public.profiles for delete to authenticated
  using ((select private.is_admin()));

create policy "staff read roles" on public.user_roles for select to authenticated using (true);
create policy "admins grant roles" on public.user_roles for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins revoke roles" on public.user_roles for delete to authenticated
  using ((select private.is_admin()));

-- A person may change their own contact details, never what decides their access.
create function private.guard_profile_update() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('authenticated', 'anon') and not private.is_admin()
     and (new.group_id is distinct from old.group_id
       or new.manager_id is distinct from old.manager_id
       or new.department_id is distinct from old.department_id
       or new.status is distinct from old.status
       or new.email is distinct from old.email
       or new.position is distinct from old.position
       or new.joined_on is distinct from old.joined_on
       or new.left_on is distinct from old.left_on) then
    raise exception 'only an administrator can change group, manager, position, status or email'
      using errcode = '42501', hint = 'errors.profile_protected';
  end if;
  return new;
end
$$;

create trigger guard_profile_update before update on public.profiles
  for each row execute function private.guard_profile_update();

-- ---------------------------------------------------------------------------------------------
-- Custom access token hook: copies the caller's app roles into the JWT (for the UI; policies
-- still read the tables, so a role revoked mid-session stops working at once).
-- ---------------------------------------------------------------------------------------------
create function public.custom_access_token_hook(event jsonb) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  claims jsonb := coalesce(event -> 'claims', '{}');
  roles jsonb;
begin
  select coalesce(jsonb_agg(r.role order by r.role), '[]') into roles
    from public.user_roles r
    join public.profiles p on p.id = r.user_id and p.status = 'active'
   where r.user_id = (event ->> 'user_id')::uuid;
  claims := jsonb_set(claims, '{app_metadata}', coalesce(claims -> 'app_metadata', '{}'));
  claims := jsonb_set(claims, '{app_metadata,app_roles}', roles);
  return jsonb_set(event, '{claims}', claims);
end
$$;

grant usage on schema public to supabase_auth_admin;
grant execute on function public.custom_access_token_hook(jsonb) to supabase_auth_admin;
revoke execute on function public.custom_access_token_hook(jsonb) from authenticated, anon, public;
grant select on public.user_roles, public.profiles to supabase_auth_admin;
create policy "auth admin reads roles" on public.user_roles for select to supabase_auth_admin using (true);
create policy "auth admin reads profiles" on public.profiles for select to supabase_auth_admin using (true);
