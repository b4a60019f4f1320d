-- Scheduled jobs of the customers / quotations module. On Supabase, pg_cron runs them; where
-- pg_cron is not available (the local stack, plain PostgreSQL) this does nothing and the local
-- stack's scheduler (supabase/local/scheduler.ts) calls the same functions.
do $$
begin
  if not exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_cron') then
    raise notice 'pg_cron is not available: scheduled jobs are left to the local scheduler';
    return;
  end if;
  create extension if not exists pg_cron;
  -- cron.schedule(name, …) replaces a job of the same name, so re-running is harmless.
  execute $sql$select cron.schedule('recycle-idle-customers', '17 * * * *', 'select public.recycle_idle_customers()')$sql$;
  execute $sql$select cron.schedule('expire-quotations', '5 0 * * *', 'select public.expire_quotations()')$sql$;
  execute $sql$select cron.schedule('remind-overdue-revisits', '0 1 * * *', 'select public.remind_overdue_revisits()')$sql$;
end
$$;
