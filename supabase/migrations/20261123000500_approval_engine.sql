-- Approval engine functions: internals in `private`, and the RPCs every module's approval panel
-- calls. Error codes (class BZ) are listed in 20261123000400_approvals.sql.

-- ---------------------------------------------------------------------------------------------
-- Engine internals (security definer: they act on any record type's table)
-- ---------------------------------------------------------------------------------------------
create function private.raise_engine(code text, message text, key text) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = code, message = message, hint = 'approval.errors.' || key;
end
$$;

create function private.record_type(rtype text) returns public.approval_record_types
language plpgsql stable
set search_path = ''
as $$
declare
  rt public.approval_record_types;
begin
  select * into rt from public.approval_record_types where record_type = rtype;
  if not found then
    perform private.raise_engine('BZ001', format('unknown record type "%s"', rtype), 'unknown_record_type');
  end if;
  return rt;
end
$$;

create function private.load_record(rt public.approval_record_types, rid uuid) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  rec jsonb;
begin
  execute format('select to_jsonb(t) from %s t where t.id = $1', rt.table_name) into rec using rid;
  return rec;
end
$$;

create function private.set_record_status(rt public.approval_record_types, rid uuid, new_status text) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  col_type text;
begin
  select format_type(a.atttypid, a.atttypmod) into col_type
    from pg_catalog.pg_attribute a
   where a.attrelid = rt.table_name and a.attname = rt.status_column and not a.attisdropped;
  execute format('update %s set %I = $1::%s where id = $2', rt.table_name, rt.status_column, col_type)
    using new_status, rid;
end
$$;

-- Evaluates a step condition against the record: {"field","op","value"} or {"all"|"any": [...]}.
create function private.condition_holds(cond jsonb, rec jsonb) returns boolean
language plpgsql immutable
set search_path = ''
as $$
declare
  lhs jsonb;
  rhs jsonb;
  op text;
  c jsonb;
begin
  if cond is null or cond = '{}'::jsonb then
    return true;
  end if;
  if cond ? 'all' then
    for c in select * from jsonb_array_elements(cond -> 'all') loop
      if not private.condition_holds(c, rec) then return false; end if;
    end loop;
    return true;
  end if;
  if cond ? 'any' then
    for c in select * from jsonb_array_elements(cond -> 'any') loop
      if private.condition_holds(c, rec) then return true; end if;
    end loop;
    return false;
  end if;
  lhs := rec -> (cond ->> 'field');
  rhs := cond -> 'value';
  op := cond ->> 'op';
  if lhs is null or jsonb_typeof(lhs) = 'null' then
    return false;
  end if;
  if jsonb_typeof(rhs) = 'number' then
    return case op
      when '>' then (lhs #>> '{}')::numeric > (rhs #>> '{}')::numeric
      when '>=' then (lhs #>> '{}')::numeric >= (rhs #>> '{}')::numeric
      when '<' then (lhs #>> '{}')::numeric < (rhs #>> '{}')::numeric
      when '<=' then (lhs #>> '{}')::numeric <= (rhs #>> '{}')::numeric
      when '=' then (lhs #>> '{}')::numeric = (rhs #>> '{}')::numeric
      when '<>' then (lhs #>> '{}')::numeric <> (rhs #>> '{}')::numeric
      else false end;
  end if;
  return case op
    when '=' then lhs #>> '{}' = rhs #>> '{}'
    when '<>' then lhs #>> '{}' <> rhs #>> '{}'
    when 'in' then (lhs #>> '{}') in (select jsonb_array_elements_text(rhs))
    else false end;
end
$$;

-- The people a step waits for, never the submitter. Falls back to the department manager(s)
-- when a rule finds nobody (e.g. the owner leads their own group), so no step is skipped silently.
create function private.resolve_approvers(step public.workflow_steps, grp uuid, submitter uuid) returns uuid[]
language plpgsql stable security definer
set search_path = ''
as $$
declare
  found_ids uuid[];
begin
  found_ids := case step.approver_rule
    when 'role' then (select array_agg(r.user_id) from public.user_roles r join public.profiles p on p.id = r.user_id
                       where r.role = step.approver_role and p.status = 'active')
    when 'group_leader' then (select array_agg(g.leader_id) from public.business_groups g
                               join public.profiles p on p.id = g.leader_id and p.status = 'active' where g.id = grp)
    when 'deputy_in_charge' then (select array_agg(g.deputy_id) from public.business_groups g
                                   join public.profiles p on p.id = g.deputy_id and p.status = 'active' where g.id = grp)
    when 'dept_manager' then (select array_agg(r.user_id) from public.user_roles r join public.profiles p on p.id = r.user_id
                               where r.role = 'dept_manager' and p.status = 'active')
    when 'named_user' then (select array_agg(p.id) from public.profiles p where p.id = step.approver_user_id and p.status = 'active')
  end;
  found_ids := array_remove(coalesce(found_ids, '{}'), submitter);
  if cardinality(found_ids) = 0 then
    found_ids := array_remove(coalesce((select array_agg(r.user_id) from public.user_roles r
      join public.profiles p on p.id = r.user_id where r.role = 'dept_manager' and p.status = 'active'), '{}'), submitter);
  end if;
  return found_ids;
end
$$;

create function private.log_action(req uuid, step int, kind public.approval_action_kind, note text, target uuid default null)
returns void
language sql security definer
set search_path = ''
as $$
  insert into public.approval_actions (request_id, step_no, actor_id, action, comment, target_user_id)
  values (req, step, auth.uid(), kind, note, target)
$$;

create function private.request_link(rt public.approval_record_types, rid uuid) returns text
language sql immutable
set search_path = ''
as $$
  select replace(coalesce(rt.link_template, '/approvals'), '{id}', rid::text)
$$;

-- Closes a request: the record goes to its approved or draft status, the submitter is told.
create function private.finish_request(req public.approval_requests, outcome public.approval_status, note text)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  rt public.approval_record_types := private.record_type(req.record_type);
begin
  update public.approval_requests r set status = outcome, decided_at = now(), current_step = null,
         last_comment = coalesce(note, r.last_comment)
   where r.id = req.id;
  update public.approval_tasks t set status = 'cancelled', acted_at = now()
   where t.request_id = req.id and t.status = 'pending';
  perform private.set_record_status(rt, req.record_id,
    case when outcome = 'approved' then rt.approved_status else rt.draft_status end);
  if outcome in ('approved', 'rejected') then
    perform private.notify(req.submitted_by, outcome::text::public.notification_kind,
      coalesce(req.title, req.record_type), note, req.record_type, req.record_id, private.request_link(rt, req.record_id));
  end if;
  if rt.on_decided is not null then
    execute format('select %s($1, $2)', rt.on_decided) using req.record_id, outcome::text;
  end if;
end
$$;

-- Moves a request to the first step after `after_step` whose condition holds, creating its tasks;
-- with no such step the request is approved.
create function private.advance(req_id uuid, after_step int) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  req public.approval_requests;
  rt public.approval_record_types;
  rec jsonb;
  step public.workflow_steps;
  approvers uuid[];
  who uuid;
begin
  select * into req from public.approval_requests where id = req_id;
  rt := private.record_type(req.record_type);
  rec := private.load_record(rt, req.record_id);
  for step in
    select * from public.workflow_steps s where s.workflow_id = req.workflow_id and s.step_no > after_step order by s.step_no
  loop
    if not private.condition_holds(step.condition, rec) then
      continue;
    end if;
    approvers := private.resolve_approvers(step, req.group_id, req.submitted_by);
    if cardinality(approvers) = 0 then
      perform private.raise_engine('BZ008', format('no approver can be found for step "%s"', step.name), 'no_approver');
    end if;
    update public.approval_requests r set current_step = step.step_no where r.id = req.id;
    foreach who in array approvers loop
      insert into public.approval_tasks (request_id, step_no, step_name, approver_id) values (req.id, step.step_no, step.name, who);
      perform private.notify(who, 'approval_waiting', coalesce(req.title, req.record_type), step.name,
        req.record_type, req.record_id, private.request_link(rt, req.record_id));
    end loop;
    perform private.set_record_status(rt, req.record_id, coalesce(step.record_status, rt.pending_status));
    return;
  end loop;
  if after_step = 0 then
    perform private.log_action(req.id, null, 'auto_approve', null);
  end if;
  perform private.finish_request(req, 'approved', null);
end
$$;

-- The pending request and my pending task on its current step, or an engine error.
create function private.my_current_task(req_id uuid, out req public.approval_requests, out task public.approval_tasks)
language plpgsql security definer
set search_path = ''
as $$
begin
  select * into req from public.approval_requests r where r.id = req_id for update;
  if not found then
    perform private.raise_engine('BZ001', 'approval request not found', 'request_not_found');
  end if;
  if req.status <> 'pending' then
    perform private.raise_engine('BZ005', format('this request is already %s', req.status), 'already_decided');
  end if;
  select * into task from public.approval_tasks t
   where t.request_id = req_id and t.step_no = req.current_step and t.approver_id = auth.uid() and t.status = 'pending'
   for update;
  if not found then
    perform private.raise_engine('BZ003', 'you are not an approver of the current step', 'not_current_approver');
  end if;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- RPCs
-- ---------------------------------------------------------------------------------------------
create function public.approval_submit(record_type text, record_id uuid, comment text default null)
returns public.approval_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  rt public.approval_record_types := private.record_type(approval_submit.record_type);
  rec jsonb := private.load_record(rt, approval_submit.record_id);
  wf uuid;
  owner uuid;
  grp uuid;
  req public.approval_requests;
begin
  if rec is null then
    perform private.raise_engine('BZ001', 'record not found', 'record_not_found');
  end if;
  owner := (rec ->> rt.owner_column)::uuid;
  if owner is distinct from auth.uid() then
    perform private.raise_engine('BZ006', 'only the owner of a record can submit it', 'not_owner');
  end if;
  if rec ->> rt.status_column is distinct from rt.draft_status then
    perform private.raise_engine('BZ002', format('only a %s record can be submitted', rt.draft_status), 'not_draft');
  end if;
  grp := case when rt.group_column is not null then (rec ->> rt.group_column)::uuid end;
  if grp is null then
    select p.group_id into grp from public.profiles p where p.id = owner;
  end if;
  select w.id into wf from public.workflow_definitions w where w.record_type = rt.record_type and w.active;
  if wf is null then
    perform private.raise_engine('BZ008', format('no active workflow is defined for %s', rt.record_type), 'no_workflow');
  end if;
  insert into public.approval_requests (record_type, record_id, workflow_id, title, owner_id, group_id, submitted_by, last_comment)
  values (rt.record_type, approval_submit.record_id, wf,
          case when rt.title_column is not null then rec ->> rt.title_column end, owner, grp, auth.uid(), comment)
  returning * into req;
  perform private.log_action(req.id, null, 'submit', comment);
  perform private.advance(req.id, 0);
  select * into req from public.approval_requests r where r.id = req.id;
  return req;
end
$$;

create function public.approval_approve(request_id uuid, comment text default null)
returns public.approval_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  cur record := private.my_current_task(approval_approve.request_id);
  mode public.approval_mode;
  req public.approval_requests;
begin
  update public.approval_tasks t set status = 'approved', acted_at = now(), comment = approval_approve.comment
   where t.id = (cur.task).id;
  perform private.log_action((cur.req).id, (cur.req).current_step, 'approve', comment);
  select s.mode into mode from public.workflow_steps s
   where s.workflow_id = (cur.req).workflow_id and s.step_no = (cur.req).current_step;
  if coalesce(mode, 'any') = 'any' then
    update public.approval_tasks t set status = 'skipped', acted_at = now()
     where t.request_id = (cur.req).id and t.step_no = (cur.req).current_step and t.status = 'pending';
  end if;
  if not exists (select 1 from public.approval_tasks t
                  where t.request_id = (cur.req).id and t.step_no = (cur.req).current_step and t.status = 'pending') then
    update public.approval_requests r set last_comment = coalesce(approval_approve.comment, r.last_comment)
     where r.id = (cur.req).id;
    perform private.advance((cur.req).id, (cur.req).current_step);
  end if;
  select * into req from public.approval_requests r where r.id = (cur.req).id;
  return req;
end
$$;

create function public.approval_reject(request_id uuid, comment text)
returns public.approval_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  cur record;
  req public.approval_requests;
begin
  if coalesce(trim(comment), '') = '' then
    perform private.raise_engine('BZ004', 'a reason is required to reject', 'comment_required');
  end if;
  cur := private.my_current_task(approval_reject.request_id);
  update public.approval_tasks t set status = 'rejected', acted_at = now(), comment = approval_reject.comment
   where t.id = (cur.task).id;
  perform private.log_action((cur.req).id, (cur.req).current_step, 'reject', comment);
  perform private.finish_request(cur.req, 'rejected', comment);
  select * into req from public.approval_requests r where r.id = (cur.req).id;
  return req;
end
$$;

create function public.approval_withdraw(request_id uuid, comment text default null)
returns public.approval_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  req public.approval_requests;
begin
  select * into req from public.approval_requests r where r.id = approval_withdraw.request_id for update;
  if not found then
    perform private.raise_engine('BZ001', 'approval request not found', 'request_not_found');
  end if;
  if req.submitted_by is distinct from auth.uid() then
    perform private.raise_engine('BZ006', 'only the submitter can withdraw a request', 'not_submitter');
  end if;
  if req.status <> 'pending' then
    perform private.raise_engine('BZ005', format('this request is already %s', req.status), 'already_decided');
  end if;
  perform private.log_action(req.id, req.current_step, 'withdraw', comment);
  perform private.finish_request(req, 'withdrawn', comment);
  select * into req from public.approval_requests r where r.id = req.id;
  return req;
end
$$;

create function public.approval_transfer(request_id uuid, to_user uuid, comment text default null)
returns public.approval_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  cur record := private.my_current_task(approval_transfer.request_id);
  rt public.approval_record_types;
  req public.approval_requests;
begin
  if to_user is null or to_user = auth.uid() or to_user = (cur.req).submitted_by
     or not exists (select 1 from public.profiles p where p.id = to_user and p.status = 'active')
     or exists (select 1 from public.approval_tasks t where t.request_id = (cur.req).id
                 and t.step_no = (cur.req).current_step and t.approver_id = to_user and t.status = 'pending') then
    perform private.raise_engine('BZ009', 'the request cannot be transferred to that person', 'invalid_target');
  end if;
  update public.approval_tasks t set status = 'transferred', acted_at = now(), comment = approval_transfer.comment
   where t.id = (cur.task).id;
  insert into public.approval_tasks (request_id, step_no, step_name, approver_id)
  values ((cur.req).id, (cur.task).step_no, (cur.task).step_name, to_user);
  perform private.log_action((cur.req).id, (cur.req).current_step, 'transfer', comment, to_user);
  rt := private.record_type((cur.req).record_type);
  perform private.notify(to_user, 'approval_waiting', coalesce((cur.req).title, (cur.req).record_type),
    (cur.task).step_name, (cur.req).record_type, (cur.req).record_id, private.request_link(rt, (cur.req).record_id));
  select * into req from public.approval_requests r where r.id = (cur.req).id;
  return req;
end
$$;

create function public.approval_comment(request_id uuid, comment text)
returns public.approval_actions
language plpgsql security definer
set search_path = ''
as $$
declare
  req public.approval_requests;
  rt public.approval_record_types;
  act public.approval_actions;
  who uuid;
begin
  if coalesce(trim(comment), '') = '' then
    perform private.raise_engine('BZ004', 'the comment is empty', 'comment_required');
  end if;
  select * into req from public.approval_requests r where r.id = approval_comment.request_id;
  if not found then
    perform private.raise_engine('BZ001', 'approval request not found', 'request_not_found');
  end if;
  if not (private.in_request(req.id) or private.is_dept_wide()) then
    perform private.raise_engine('BZ010', 'only people taking part in a request can comment on it', 'not_participant');
  end if;
  insert into public.approval_actions (request_id, step_no, actor_id, action, comment)
  values (req.id, req.current_step, auth.uid(), 'comment', approval_comment.comment)
  returning * into act;
  rt := private.record_type(req.record_type);
  for who in
    select distinct x from (
      select req.submitted_by as x
      union select t.approver_id from public.approval_tasks t where t.request_id = req.id
    ) people where x <> auth.uid()
  loop
    perform private.notify(who, 'comment', coalesce(req.title, req.record_type), comment,
      req.record_type, req.record_id, private.request_link(rt, req.record_id));
  end loop;
  return act;
end
$$;

create function public.approval_cc(request_id uuid, user_ids uuid[], comment text default null)
returns public.approval_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  req public.approval_requests;
  rt public.approval_record_types;
  who uuid;
begin
  select * into req from public.approval_requests r where r.id = approval_cc.request_id;
  if not found then
    perform private.raise_engine('BZ001', 'approval request not found', 'request_not_found');
  end if;
  if not (req.submitted_by = auth.uid()
          or exists (select 1 from public.approval_tasks t where t.request_id = req.id and t.approver_id = auth.uid())) then
    perform private.raise_engine('BZ010', 'only the submitter or an approver can copy a request to others', 'not_participant');
  end if;
  if coalesce(cardinality(user_ids), 0) = 0
     or exists (select 1 from unnest(user_ids) u where not exists (
                  select 1 from public.profiles p where p.id = u and p.status = 'active')) then
    perform private.raise_engine('BZ009', 'copy to active colleagues only', 'invalid_target');
  end if;
  rt := private.record_type(req.record_type);
  foreach who in array user_ids loop
    insert into public.approval_cc (request_id, user_id) values (req.id, who) on conflict do nothing;
    perform private.log_action(req.id, req.current_step, 'cc', comment, who);
    perform private.notify(who, 'cc', coalesce(req.title, req.record_type), comment,
      req.record_type, req.record_id, private.request_link(rt, req.record_id));
  end loop;
  return req;
end
$$;

-- Internals are reached only through the RPCs above (which run as their owner).
revoke execute on function private.load_record(public.approval_record_types, uuid),
  private.set_record_status(public.approval_record_types, uuid, text),
  private.finish_request(public.approval_requests, public.approval_status, text),
  private.advance(uuid, integer), private.my_current_task(uuid),
  private.log_action(uuid, integer, public.approval_action_kind, text, uuid) from authenticated, service_role;
revoke execute on function public.approval_submit(text, uuid, text), public.approval_approve(uuid, text),
  public.approval_reject(uuid, text), public.approval_withdraw(uuid, text), public.approval_transfer(uuid, uuid, text),
  public.approval_comment(uuid, text), public.approval_cc(uuid, uuid[], text) from anon, public;
grant execute on function public.approval_submit(text, uuid, text), public.approval_approve(uuid, text),
  public.approval_reject(uuid, text), public.approval_withdraw(uuid, text), public.approval_transfer(uuid, uuid, text),
  public.approval_comment(uuid, text), public.approval_cc(uuid, uuid[], text) to authenticated;

