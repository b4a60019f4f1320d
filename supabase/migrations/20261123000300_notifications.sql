-- Notifications: one row per recipient, with a link to the record. The app polls the unread count.

create type public.notification_kind as enum (
  'approval_waiting', 'approved', 'rejected', 'withdrawn', 'transferred', 'comment', 'cc', 'reminder', 'info'
);

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references public.profiles (id) on delete cascade,
  kind public.notification_kind not null,
  title text not null,
  body text,
  record_type text,
  record_id uuid,
  link text,
  actor_id uuid references public.profiles (id) on delete set null,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notifications_recipient_idx on public.notifications (recipient_id, created_at desc);
create index notifications_unread_idx on public.notifications (recipient_id) where read_at is null;

alter table public.notifications enable row level security;
revoke insert, update, delete on public.notifications from anon, authenticated;
grant update (read_at) on public.notifications to authenticated;
create policy "people read their own notifications" on public.notifications for select to authenticated
  using (recipient_id = (select auth.uid()));
create policy "people mark their own notifications read" on public.notifications for update to authenticated
  using (recipient_id = (select auth.uid())) with check (recipient_id = (select auth.uid()));

-- Called by the engine and by modules (security definer) to notify someone.
create function private.notify(
  recipient uuid, kind public.notification_kind, title text, body text default null,
  record_type text default null, record_id uuid default null, link text default null
) returns void
language sql security definer
set search_path = ''
as $$
  insert into public.notifications (recipient_id, kind, title, body, record_type, record_id, link, actor_id)
  select recipient, kind, title, body, record_type, record_id, link, auth.uid()
   where recipient is not null
$$;
revoke execute on function private.notify(uuid, public.notification_kind, text, text, text, uuid, text) from authenticated;

create function public.mark_notifications_read(ids uuid[]) returns integer
language sql
set search_path = ''
as $$
  with done as (
    update public.notifications set read_at = now()
     where id = any (ids) and recipient_id = (select auth.uid()) and read_at is null
    returning 1
  )
  select count(*)::int from done
$$;

create function public.mark_all_notifications_read() returns integer
language sql
set search_path = ''
as $$
  with done as (
    update public.notifications set read_at = now()
     where recipient_id = (select auth.uid()) and read_at is null
    returning 1
  )
  select count(*)::int from done
$$;

revoke execute on function public.mark_notifications_read(uuid[]), public.mark_all_notifications_read() from anon, public;
grant execute on function public.mark_notifications_read(uuid[]), public.mark_all_notifications_read() to authenticated;
