-- Provisioning people: the admin-users edge function creates the auth user, then calls this to
-- write the profile and roles in one transaction. Only the service role may call it; the edge
-- function checks that its caller is an admin first.

create function public.admin_save_person(
  user_id uuid,
  email text default null,
  full_name text default null,
  roles public.app_role[] default null,
  group_id uuid default null,
  title text default null,
  "position" text default null,
  phone text default null,
  manager_id uuid default null,
  status public.person_status default null,
  -- The admin the edge function verified: the audit trail records them, not the service role.
  acting_user uuid default null
) returns public.profiles
language plpgsql security definer
set search_path = ''
as $$
declare
  saved public.profiles;
  dept uuid;
begin
  if acting_user is not null then
    perform set_config('request.jwt.claim.sub', acting_user::text, true);
    perform set_config('request.jwt.claims', jsonb_build_object('sub', acting_user, 'role', 'service_role')::text, true);
  end if;
  if not exists (select 1 from auth.users u where u.id = admin_save_person.user_id) then
    raise exception 'no such user' using errcode = 'BZ001', hint = 'admin.errors.user_not_found';
  end if;
  -- An update may leave name and email out: keep what the profile (or the auth user) has.
  email := coalesce(email, (select p.email from public.profiles p where p.id = admin_save_person.user_id),
                    (select u.email from auth.users u where u.id = admin_save_person.user_id));
  full_name := coalesce(full_name, (select p.full_name from public.profiles p where p.id = admin_save_person.user_id), email);
  if admin_save_person.group_id is not null
     and not exists (select 1 from public.business_groups g where g.id = admin_save_person.group_id) then
    raise exception 'no such group' using errcode = 'BZ001', hint = 'admin.errors.group_not_found';
  end if;
  select g.department_id into dept from public.business_groups g where g.id = admin_save_person.group_id;
  dept := coalesce(dept, (select d.id from public.departments d order by d.created_at limit 1));
  insert into public.profiles as p (id, email, full_name, title, position, phone, group_id, manager_id, department_id, joined_on)
  values (admin_save_person.user_id, admin_save_person.email, admin_save_person.full_name, admin_save_person.title,
          admin_save_person."position", admin_save_person.phone, admin_save_person.group_id, admin_save_person.manager_id,
          dept, current_date)
  on conflict (id) do update set
    email = coalesce(excluded.email, p.email),
    full_name = coalesce(excluded.full_name, p.full_name),
    title = coalesce(admin_save_person.title, p.title),
    position = coalesce(admin_save_person."position", p.position),
    phone = coalesce(admin_save_person.phone, p.phone),
    group_id = coalesce(admin_save_person.group_id, p.group_id),
    manager_id = coalesce(admin_save_person.manager_id, p.manager_id),
    department_id = coalesce(p.department_id, excluded.department_id),
    status = coalesce(admin_save_person.status, p.status),
    left_on = case when admin_save_person.status = 'left' then coalesce(p.left_on, current_date)
                   when admin_save_person.status = 'active' then null else p.left_on end
  returning * into saved;
  if admin_save_person.roles is not null then
    delete from public.user_roles r where r.user_id = saved.id and r.role <> all (admin_save_person.roles);
    insert into public.user_roles (user_id, role)
    select saved.id, x from unnest(admin_save_person.roles) x
    on conflict do nothing;
  end if;
  return saved;
end
$$;

revoke execute on function public.admin_save_person(uuid, text, text, public.app_role[], uuid, text, text, text, uuid, public.person_status, uuid)
  from public, anon, authenticated;
grant execute on function public.admin_save_person(uuid, text, text, public.app_role[], uuid, text, text, text, uuid, public.person_status, uuid)
  to service_role;
