-- Quotations (DOMAIN.md §3): a header for a customer and priced lines; the database computes the
-- totals the approval workflow's conditions read (total_amount, max_discount). Status:
-- draft → pending (approval engine) → approved → sent → accepted / rejected, or expired after the
-- validity date. Errors (class CU, hints 'quotations.errors.<key>'):
--   CU006 quotation not found   CU007 not in a state that allows this   CU008 not allowed

create type public.quotation_status as enum ('draft', 'pending', 'approved', 'sent', 'accepted', 'rejected', 'expired');

-- A quotation's contact must be one of its customer's contacts (composite foreign key below).
alter table public.contacts add constraint contacts_id_customer_key unique (id, customer_id);

create sequence public.quotation_no_seq;

create table public.quotations (
  id uuid primary key default gen_random_uuid(),
  quote_no text not null unique
    default 'BJ' || to_char(now(), 'YYYYMMDD') || '-' || lpad(nextval('public.quotation_no_seq')::text, 5, '0'),
  title text check (title is null or length(title) <= 200),
  customer_id uuid not null references public.customers (id),
  contact_id uuid,
  valid_until date not null,
  delivery_on date,
  payment_terms text check (payment_terms is null or length(payment_terms) <= 500),
  currency text not null default 'CNY' check (currency ~ '^[A-Z]{3}$'),
  status public.quotation_status not null default 'draft',
  -- Computed from the lines by trigger; whatever a client sends is ignored.
  total_amount numeric(14,2) not null default 0,
  max_discount numeric(5,2) not null default 0,
  notes text,
  sent_at timestamptz,
  decided_at timestamptz,
  owner_id uuid not null default auth.uid() references public.profiles (id),
  group_id uuid references public.business_groups (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  foreign key (contact_id, customer_id) references public.contacts (id, customer_id)
);
create index quotations_customer_id_idx on public.quotations (customer_id);
create index quotations_contact_id_idx on public.quotations (contact_id, customer_id);
create index quotations_owner_id_idx on public.quotations (owner_id);
create index quotations_group_id_idx on public.quotations (group_id);
create index quotations_status_idx on public.quotations (status);
create index quotations_valid_until_idx on public.quotations (valid_until);
create index quotations_created_at_idx on public.quotations (created_at desc);

create table public.quotation_lines (
  id uuid primary key default gen_random_uuid(),
  quotation_id uuid not null references public.quotations (id) on delete cascade,
  line_no integer not null default 1 check (line_no between 1 and 999),
  product_id uuid references public.products (id),
  product_name text not null check (length(trim(product_name)) between 1 and 200),
  spec text,
  unit text,
  quantity numeric(14,3) not null check (quantity > 0),
  unit_price numeric(14,2) not null check (unit_price >= 0),
  discount numeric(5,2) not null default 0 check (discount between 0 and 100),
  line_total numeric(14,2) generated always as (round(quantity * unit_price * (100 - discount) / 100, 2)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid()
);
create index quotation_lines_quotation_idx on public.quotation_lines (quotation_id, line_no);
create index quotation_lines_product_id_idx on public.quotation_lines (product_id);

grant usage on sequence public.quotation_no_seq to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------
-- Totals from the lines and a default title. Definer: it must sum every line whatever the caller
-- may read.
create function private.prepare_quotation() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  select coalesce(sum(l.line_total), 0), coalesce(max(l.discount), 0)
    into new.total_amount, new.max_discount
    from public.quotation_lines l where l.quotation_id = new.id;
  if new.title is null or length(trim(new.title)) = 0 then
    new.title := coalesce((select c.name from public.customers c where c.id = new.customer_id), '') || ' 报价 ' || new.quote_no;
  end if;
  return new;
end
$$;

-- The validity rule: after today when a user sets it. Server-side functions, migrations and the
-- seed may write past dates (e.g. expired quotations). Invoker, to see the caller's role.
create function private.check_quotation_validity() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated', 'service_role')
     and (tg_op = 'INSERT' or new.valid_until is distinct from old.valid_until)
     and new.valid_until <= current_date then
    raise exception 'the quotation must be valid until a date after today'
      using errcode = '23514', constraint = 'quotations_valid_until_future', hint = 'quotations.errors.valid_until_past';
  end if;
  return new;
end
$$;
create trigger check_quotation_validity before insert or update of valid_until on public.quotations
  for each row execute function private.check_quotation_validity();
-- Named to run after group_from_owner and before protect_status / touch_updated_at.
create trigger prepare_quotation before insert or update on public.quotations
  for each row execute function private.prepare_quotation();
create trigger group_from_owner before insert or update of owner_id on public.quotations
  for each row execute function private.group_from_owner();
create trigger touch_updated_at before update on public.quotations
  for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.quotation_lines
  for each row execute function private.touch_updated_at();

-- A line takes its product's name, spec and unit when the client leaves them out.
create function private.fill_quotation_line() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  p public.products;
begin
  if new.product_id is not null then
    select * into p from public.products where id = new.product_id;
    new.product_name := coalesce(new.product_name, p.name);
    new.spec := coalesce(new.spec, p.spec);
    new.unit := coalesce(new.unit, p.unit);
  end if;
  return new;
end
$$;
create trigger fill_quotation_line before insert or update on public.quotation_lines
  for each row execute function private.fill_quotation_line();

-- Any change to the lines re-runs prepare_quotation on the header (definer: no header policy
-- stands in the way; the lines' own policies already allowed the change).
create function private.refresh_quotation_totals() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.quotations q set total_amount = q.total_amount
   where q.id in (select x.quotation_id from new_rows x union select y.quotation_id from old_rows y);
  return null;
end
$$;
create function private.refresh_quotation_totals_ins() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.quotations q set total_amount = q.total_amount
   where q.id in (select x.quotation_id from new_rows x);
  return null;
end
$$;
create function private.refresh_quotation_totals_del() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.quotations q set total_amount = q.total_amount
   where q.id in (select y.quotation_id from old_rows y);
  return null;
end
$$;
create trigger refresh_totals_ins after insert on public.quotation_lines
  referencing new table as new_rows for each statement execute function private.refresh_quotation_totals_ins();
create trigger refresh_totals_upd after update on public.quotation_lines
  referencing new table as new_rows old table as old_rows for each statement execute function private.refresh_quotation_totals();
create trigger refresh_totals_del after delete on public.quotation_lines
  referencing old table as old_rows for each statement execute function private.refresh_quotation_totals_del();

select private.enable_audit('public.quotations');
select private.enable_audit('public.quotation_lines');
select private.register_approval_type('quotation', 'public.quotations', '/quotations/show/{id}', 'title',
  'owner_id', 'group_id', 'status', 'draft', 'pending', 'approved');

-- ---------------------------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------------------------
-- Whether I may change a quotation's content: a draft in my scope.
create function private.quotation_editable(qid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.quotations q
                  where q.id = qid and q.status = 'draft' and private.can_see(q.owner_id, q.group_id))
$$;

alter table public.quotations enable row level security;
alter table public.quotation_lines enable row level security;

create policy "scope and approvers read quotations" on public.quotations for select to authenticated
  using (private.can_see(owner_id, group_id) or private.is_approver_of('quotation', id));
create policy "sellers quote for customers in their scope" on public.quotations for insert to authenticated
  with check (owner_id = (select auth.uid()) and (customer_id is null or private.customer_in_scope(customer_id)));
create policy "scope edits draft quotations" on public.quotations for update to authenticated
  using (status = 'draft' and private.can_see(owner_id, group_id))
  with check (status = 'draft' and private.can_see(owner_id, group_id) and private.customer_in_scope(customer_id));
create policy "owners delete drafts, managers any" on public.quotations for delete to authenticated
  using ((status = 'draft' and owner_id = (select auth.uid())) or (select private.is_dept_wide()));

create policy "read lines of readable quotations" on public.quotation_lines for select to authenticated
  using (exists (select 1 from public.quotations q where q.id = quotation_id));
create policy "scope adds lines to drafts" on public.quotation_lines for insert to authenticated
  with check (quotation_id is null or private.quotation_editable(quotation_id));
create policy "scope edits lines of drafts" on public.quotation_lines for update to authenticated
  using (private.quotation_editable(quotation_id)) with check (private.quotation_editable(quotation_id));
create policy "scope removes lines of drafts" on public.quotation_lines for delete to authenticated
  using (private.quotation_editable(quotation_id));

-- ---------------------------------------------------------------------------------------------
-- Status after approval
-- ---------------------------------------------------------------------------------------------
create function private.raise_quotation(code text, message text, key text) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = code, message = message, hint = 'quotations.errors.' || key;
end
$$;

-- Moves a quotation in my scope from one status to the next, or raises the right error.
create function private.move_quotation(qid uuid, from_status public.quotation_status, to_status public.quotation_status)
returns public.quotations
language plpgsql security definer
set search_path = ''
as $$
declare
  q public.quotations;
begin
  select * into q from public.quotations t where t.id = qid for update;
  if not found or not private.can_see(q.owner_id, q.group_id) then
    perform private.raise_quotation('CU006', 'quotation not found', 'not_found');
  end if;
  if q.status <> from_status then
    perform private.raise_quotation('CU007', format('only a quotation that is %s can become %s', from_status, to_status),
      'wrong_status');
  end if;
  update public.quotations t
     set status = to_status,
         sent_at = case when to_status = 'sent' then now() else t.sent_at end,
         decided_at = case when to_status in ('accepted', 'rejected') then now() else t.decided_at end
   where t.id = qid
  returning * into q;
  return q;
end
$$;
revoke execute on function private.move_quotation(uuid, public.quotation_status, public.quotation_status) from authenticated, service_role;

create function public.mark_quotation_sent(quotation_id uuid) returns public.quotations
language sql security definer
set search_path = ''
as $$
  select * from private.move_quotation(quotation_id, 'approved', 'sent')
$$;

create function public.mark_quotation_accepted(quotation_id uuid) returns public.quotations
language sql security definer
set search_path = ''
as $$
  select * from private.move_quotation(quotation_id, 'sent', 'accepted')
$$;

create function public.mark_quotation_rejected(quotation_id uuid) returns public.quotations
language sql security definer
set search_path = ''
as $$
  select * from private.move_quotation(quotation_id, 'sent', 'rejected')
$$;

-- Scheduled: approved or sent quotations past their validity become expired. Returns how many.
create function public.expire_quotations() returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  n integer;
begin
  update public.quotations q set status = 'expired'
   where q.status in ('approved', 'sent') and q.valid_until < current_date;
  get diagnostics n = row_count;
  return n;
end
$$;

revoke execute on function public.mark_quotation_sent(uuid), public.mark_quotation_accepted(uuid),
  public.mark_quotation_rejected(uuid), public.expire_quotations() from anon, public;
grant execute on function public.mark_quotation_sent(uuid), public.mark_quotation_accepted(uuid),
  public.mark_quotation_rejected(uuid) to authenticated;
revoke execute on function public.expire_quotations() from authenticated;
grant execute on function public.expire_quotations() to service_role;
