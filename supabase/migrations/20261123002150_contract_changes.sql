-- Change and termination requests for approved contracts, approved through the engine as record
-- type 'contract_change'; the approved change is applied to the contract by the on_decided hook
-- (so the contract's audit trail shows before and after).

create type public.contract_change_kind as enum ('change', 'termination');
create type public.contract_change_status as enum ('draft', 'manager_review', 'legal_review', 'approved');

create table public.contract_changes (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references public.contracts (id) on delete cascade,
  kind public.contract_change_kind not null default 'change',
  title text,
  reason text not null check (length(trim(reason)) between 1 and 2000),
  -- Only the contract's term fields (checked by trigger).
  proposed jsonb not null default '{}' check (jsonb_typeof(proposed) = 'object'),
  status public.contract_change_status not null default 'draft',
  applied_at timestamptz,
  owner_id uuid not null default auth.uid() references public.profiles (id),
  group_id uuid references public.business_groups (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index contract_changes_contract_id_idx on public.contract_changes (contract_id);
create index contract_changes_owner_id_idx on public.contract_changes (owner_id);
create index contract_changes_group_id_idx on public.contract_changes (group_id);
create index contract_changes_status_idx on public.contract_changes (status);

create function private.prepare_contract_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.contracts;
  bad text;
begin
  select * into c from public.contracts t where t.id = new.contract_id;
  if tg_op = 'INSERT' and c.status not in ('approved', 'signed', 'executing') then
    perform private.raise_contract('CT003', 'only an approved, signed or running contract can be changed', 'wrong_status');
  end if;
  select k into bad from jsonb_object_keys(new.proposed) k
   where k not in ('title', 'rights_duties', 'specs', 'amount', 'currency', 'delivery_on', 'payment_method', 'breach_terms')
   limit 1;
  if bad is not null then
    perform private.raise_contract('CT011', format('"%s" cannot be changed by a change request', bad), 'bad_change');
  end if;
  if new.kind = 'change' and new.proposed = '{}'::jsonb then
    perform private.raise_contract('CT011', 'a change request proposes at least one change', 'bad_change');
  end if;
  new.title := coalesce(nullif(trim(new.title), ''),
    case new.kind when 'termination' then '合同终止：' else '合同变更：' end || c.contract_no);
  return new;
end
$$;
create trigger group_from_owner before insert or update of owner_id on public.contract_changes
  for each row execute function private.group_from_owner();
create trigger prepare_contract_change before insert or update on public.contract_changes
  for each row execute function private.prepare_contract_change();
create trigger touch_updated_at before update on public.contract_changes
  for each row execute function private.touch_updated_at();

-- on_decided hook: applies an approved change (or termination) to its contract.
create function private.apply_contract_change(rid uuid, outcome text) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  ch public.contract_changes;
  c public.contracts;
begin
  if outcome <> 'approved' then
    return;
  end if;
  select * into ch from public.contract_changes t where t.id = rid for update;
  select * into c from public.contracts t where t.id = ch.contract_id for update;
  if ch.kind = 'termination' then
    update public.contracts t set status = 'terminated', terminated_reason = ch.reason where t.id = c.id;
  else
    c := jsonb_populate_record(c, ch.proposed);
    update public.contracts t set title = c.title, rights_duties = c.rights_duties, specs = c.specs, amount = c.amount,
           currency = c.currency, delivery_on = c.delivery_on, payment_method = c.payment_method, breach_terms = c.breach_terms
     where t.id = c.id;
  end if;
  update public.contract_changes t set applied_at = now() where t.id = rid;
end
$$;
revoke execute on function private.apply_contract_change(uuid, text) from authenticated, service_role, public;

select private.enable_audit('public.contract_changes');
select private.register_approval_type('contract_change', 'public.contract_changes', '/contracts/changes/{id}', 'title',
  'owner_id', 'group_id', 'status', 'draft', 'manager_review', 'approved', 'private.apply_contract_change'::regproc);

alter table public.contract_changes enable row level security;
create policy "contract readers and approvers read changes" on public.contract_changes for select to authenticated
  using (private.contract_readable(contract_id) or private.is_approver_of('contract_change', id));
create policy "scope requests changes" on public.contract_changes for insert to authenticated
  with check (owner_id = (select auth.uid()) and private.contract_in_scope(contract_id));
create policy "scope edits draft changes" on public.contract_changes for update to authenticated
  using (status = 'draft' and private.can_see(owner_id, group_id))
  with check (private.can_see(owner_id, group_id) and private.contract_in_scope(contract_id));
create policy "owners delete draft changes" on public.contract_changes for delete to authenticated
  using (status = 'draft' and owner_id = (select auth.uid()));
