-- Performance (issue 13): row-level security whose helpers run once per query, not once per row.
--
-- A SQL function whose body has sub-selects is never inlined by the planner, so every policy that
-- called private.can_see(owner, grp) paid for scope_group_ids() and is_dept_wide() on every row it
-- looked at (2.6 s for a 25-row customers page of 1,000 customers; 2 ms after). The same held for
-- contract_role_reads(status), is_approver_of(type, id) and contract_readable(contract_id).
-- Each policy that calls them gets the same rule spelled out, its helpers wrapped in (select …) so
-- they become InitPlans: every policy means exactly what it meant. The helpers stay, for the
-- functions that use them.

-- The records of one type that have an approval task of mine (is_approver_of as a set).
create function private.approval_record_ids(rtype text) returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct r.record_id), '{}') from public.approval_requests r
    join public.approval_tasks t on t.request_id = r.id
   where r.record_type = rtype and t.approver_id = auth.uid()
$$;
grant execute on function private.approval_record_ids(text) to authenticated, service_role;
revoke execute on function private.approval_record_ids(text) from anon, public;

create index if not exists approval_tasks_approver_request_idx on public.approval_tasks (approver_id, request_id);

do $$
declare
  p record;
  expanded text[];
  -- pattern → replacement; \1 and \2 are the helper's arguments as pg_policies prints them.
  rules constant text[][] := array[
    array['private\.can_see\(([^(),]+), ([^(),]+)\)',
          '((\1 = (select auth.uid())) or (\2 = any ((select private.scope_group_ids())::uuid[])) or (select private.is_dept_wide()))'],
    array['private\.contract_role_reads\(([^(),]+)\)',
          '(((\1 <> all (array[''draft'', ''manager_review'']::public.contract_status[])) and (select private.has_role(''legal''))) or '
          '((\1 <> all (array[''draft'', ''manager_review'', ''legal_review'', ''gm_review'']::public.contract_status[])) and (select private.has_role(''finance''))) or '
          '((\1 = any (array[''signed'', ''executing'', ''completed'', ''terminated'']::public.contract_status[])) and (select private.has_role(''archivist''))))'],
    array['private\.is_approver_of\(''([a-z_]+)''::text, ([^(),]+)\)',
          '(\2 = any ((select private.approval_record_ids(''\1''))::uuid[]))'],
    -- Contracts' own select policy is the same rule, so reading through it means the same.
    array['private\.contract_readable\(([a-z_]+)\)',
          '(exists (select 1 from public.contracts c_readable where c_readable.id = \1))']
  ];
  i int;
  q text;
  c text;
begin
  for p in
    select schemaname, tablename, policyname, qual, with_check from pg_policies
     where concat(qual, ' ', with_check) ~ 'private\.(can_see|contract_role_reads|is_approver_of|contract_readable)\('
  loop
    q := p.qual;
    c := p.with_check;
    for i in 1 .. array_length(rules, 1) loop
      q := regexp_replace(q, rules[i][1], rules[i][2], 'g');
      c := regexp_replace(c, rules[i][1], rules[i][2], 'g');
    end loop;
    execute format('alter policy %I on %I.%I', p.policyname, p.schemaname, p.tablename)
      || case when q is not null then format(' using (%s)', q) else '' end
      || case when c is not null then format(' with check (%s)', c) else '' end;
  end loop;
end
$$;

-- Documents: the access-level rule of private.document_row_visible() written into the policy, its
-- per-person parts as sets computed once per query (the definer helpers keep the lookups from
-- recursing into the shares' and profiles' own policies).
create function private.shared_document_ids() returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct s.document_id), '{}') from public.document_shares s
   where s.user_id = auth.uid() or s.role = any (private.my_roles())
$$;

-- The people private.manages() is true for, beyond the department-wide roles: those in my groups.
create function private.managed_person_ids() returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(p.id), '{}') from public.profiles p where p.group_id = any (private.scope_group_ids())
$$;

grant execute on function private.shared_document_ids(), private.managed_person_ids() to authenticated, service_role;
revoke execute on function private.shared_document_ids(), private.managed_person_ids() from anon, public;

alter policy "readers by access level" on public.documents using (
  (select auth.uid()) is not null and (
    access_level = 'public'
    or (access_level = 'internal' and (owner_id = (select auth.uid()) or (select private.is_department_member())))
    or (access_level = 'confidential' and (
          owner_id = (select auth.uid())
          or (select private.is_dept_wide())
          or owner_id = any ((select private.managed_person_ids())::uuid[])
          or group_id = any ((select private.scope_group_ids())::uuid[])
          or id = any ((select private.shared_document_ids())::uuid[])))
    or (access_level = 'secret' and (
          owner_id = (select auth.uid()) or (select private.has_role('dept_manager')) or private.has_document_grant(id)))));
