-- Contract actions: the private bucket for signed scans (first folder = contract id) and the RPCs
-- that move a contract after approval (sign, archive, execute, complete, terminate) or make one
-- from a quotation. Errors: class CT, listed in 20261123002000_contracts.sql.

-- ---------------------------------------------------------------------------------------------
-- Signed scans: private bucket, first folder = contract id
-- ---------------------------------------------------------------------------------------------
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('contracts', 'contracts', false, 20971520, '{application/pdf,image/jpeg,image/png,image/tiff,image/webp}')
on conflict (id) do nothing;

create policy "contract readers read contract scans" on storage.objects for select to authenticated
  using (bucket_id = 'contracts' and private.contract_readable(private.contract_of_object(name)));
create policy "contract scope uploads scans of approved contracts" on storage.objects for insert to authenticated
  with check (bucket_id = 'contracts' and exists (
    select 1 from public.contracts c where c.id = private.contract_of_object(name)
       and c.status in ('approved', 'signed', 'executing') and private.contract_in_scope(c.id)));

-- ---------------------------------------------------------------------------------------------
-- RPCs
-- ---------------------------------------------------------------------------------------------
-- Locks a contract the caller acts on (owner/scope, or dept-wide), or raises not_found.
create function private.lock_contract(cid uuid) returns public.contracts
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.contracts;
begin
  select * into c from public.contracts t where t.id = cid for update;
  if not found or not private.contract_readable(cid) then
    perform private.raise_contract('CT001', 'contract not found', 'not_found');
  end if;
  return c;
end
$$;

create function private.expect_contract_status(c public.contracts, allowed public.contract_status[]) returns void
language plpgsql
set search_path = ''
as $$
begin
  if not (c.status = any (allowed)) then
    perform private.raise_contract('CT003', format('a contract that is %s cannot do this', c.status), 'wrong_status');
  end if;
end
$$;

create function private.expect_contract_scope(c public.contracts) returns void
language plpgsql
set search_path = ''
as $$
begin
  if not private.can_see(c.owner_id, c.group_id) then
    perform private.raise_contract('CT005', 'only the owner and their managers can do this', 'not_allowed');
  end if;
end
$$;

-- A draft contract from an accepted or approved quotation in my scope, lines copied.
create function public.create_contract_from_quotation(quotation_id uuid) returns public.contracts
language plpgsql security definer
set search_path = ''
as $$
declare
  q public.quotations;
  c public.contracts;
begin
  select * into q from public.quotations t where t.id = create_contract_from_quotation.quotation_id;
  if not found or not private.can_see(q.owner_id, q.group_id) or not private.customer_in_scope(q.customer_id) then
    perform private.raise_contract('CT001', 'quotation not found', 'not_found');
  end if;
  if q.status not in ('accepted', 'approved') then
    perform private.raise_contract('CT003', 'only an accepted or approved quotation becomes a contract', 'wrong_status');
  end if;
  insert into public.contracts (title, customer_id, quotation_id, amount, currency, delivery_on, payment_method, owner_id, created_by)
  values (coalesce(q.title, '合同'), q.customer_id, q.id, q.total_amount, q.currency, q.delivery_on, q.payment_terms,
          auth.uid(), auth.uid())
  returning * into c;
  insert into public.contract_lines (contract_id, line_no, product_id, product_name, spec, unit, quantity, unit_price, discount, created_by)
  select c.id, l.line_no, l.product_id, l.product_name, l.spec, l.unit, l.quantity, l.unit_price, l.discount, auth.uid()
    from public.quotation_lines l where l.quotation_id = q.id;
  return c;
end
$$;

-- Signed: an approved contract with at least one scan stored under its id.
create function public.mark_contract_signed(contract_id uuid, signed_on date default current_date) returns public.contracts
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.contracts := private.lock_contract(mark_contract_signed.contract_id);
begin
  perform private.expect_contract_scope(c);
  perform private.expect_contract_status(c, '{approved}');
  if not exists (select 1 from storage.objects o where o.bucket_id = 'contracts'
                  and private.contract_of_object(o.name) = c.id) then
    perform private.raise_contract('CT004', 'upload the signed scan first', 'scan_missing');
  end if;
  update public.contracts t set status = 'signed', signed_on = coalesce(mark_contract_signed.signed_on, current_date)
   where t.id = c.id returning * into c;
  return c;
end
$$;

-- The archivist records where the paper original is kept.
create function public.record_contract_archive(contract_id uuid, cabinet_no text, box_no text, received_on date)
returns public.contracts
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.contracts := private.lock_contract(record_contract_archive.contract_id);
begin
  if not private.has_any_role('{archivist,admin}'::public.app_role[]) then
    perform private.raise_contract('CT005', 'only the archivist records originals', 'not_allowed');
  end if;
  perform private.expect_contract_status(c, '{signed,executing,completed,terminated}');
  update public.contracts t set cabinet_no = record_contract_archive.cabinet_no, box_no = record_contract_archive.box_no,
         original_received_on = coalesce(received_on, current_date), archived_by = auth.uid()
   where t.id = c.id returning * into c;
  return c;
end
$$;

create function public.start_contract_execution(contract_id uuid) returns public.contracts
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.contracts := private.lock_contract(start_contract_execution.contract_id);
begin
  perform private.expect_contract_scope(c);
  perform private.expect_contract_status(c, '{signed}');
  update public.contracts t set status = 'executing' where t.id = c.id returning * into c;
  return c;
end
$$;

-- Completed: executing and every instalment paid in full.
create function public.complete_contract(contract_id uuid) returns public.contracts
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.contracts := private.lock_contract(complete_contract.contract_id);
begin
  perform private.expect_contract_scope(c);
  perform private.expect_contract_status(c, '{executing}');
  if exists (select 1 from public.payment_instalments i where i.contract_id = c.id
              and i.amount > coalesce((select sum(p.amount) from public.payments p where p.instalment_id = i.id), 0)) then
    perform private.raise_contract('CT012', 'instalments are still unpaid', 'unpaid');
  end if;
  update public.contracts t set status = 'completed' where t.id = c.id returning * into c;
  return c;
end
$$;

-- Direct termination is for department-wide managers; owners go through a change request.
create function public.terminate_contract(contract_id uuid, reason text) returns public.contracts
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.contracts := private.lock_contract(terminate_contract.contract_id);
begin
  if not private.is_dept_wide() then
    perform private.raise_contract('CT005', 'only managers terminate a contract directly', 'not_allowed');
  end if;
  if coalesce(trim(reason), '') = '' then
    perform private.raise_contract('CT011', 'a reason is required', 'reason_required');
  end if;
  perform private.expect_contract_status(c, '{approved,signed,executing}');
  update public.contracts t set status = 'terminated', terminated_reason = reason where t.id = c.id returning * into c;
  return c;
end
$$;

revoke execute on function private.lock_contract(uuid) from authenticated, service_role, public;
revoke execute on function public.create_contract_from_quotation(uuid), public.mark_contract_signed(uuid, date),
  public.record_contract_archive(uuid, text, text, date), public.start_contract_execution(uuid),
  public.complete_contract(uuid), public.terminate_contract(uuid, text) from anon, public;
grant execute on function public.create_contract_from_quotation(uuid), public.mark_contract_signed(uuid, date),
  public.record_contract_archive(uuid, text, text, date), public.start_contract_execution(uuid),
  public.complete_contract(uuid), public.terminate_contract(uuid, text) to authenticated;
