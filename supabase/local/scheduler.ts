// Runs SQL functions periodically on the local stack, standing in for pg_cron on Supabase (see
// supabase/migrations/20261123001200_customer_jobs.sql, which schedules the same functions there).
// Jobs run as the stack's database user, one at a time per job (a slow run is never overlapped).
import type { StackContext } from './context.ts';

export interface ScheduledJob {
  /** Same name as the pg_cron job, for logs. */
  name: string;
  /** A fixed statement, no parameters (e.g. `select public.recycle_idle_customers()`). */
  sql: string;
  everyMs: number;
  /** Delay before the first run; defaults to a few seconds after start. */
  firstRunMs?: number;
}

const MINUTE = 60_000;

/** The jobs pg_cron runs on Supabase, at local intervals. */
export const LOCAL_JOBS: readonly ScheduledJob[] = [
  { name: 'recycle-idle-customers', sql: 'select public.recycle_idle_customers()', everyMs: 60 * MINUTE },
  { name: 'expire-quotations', sql: 'select public.expire_quotations()', everyMs: 60 * MINUTE },
  { name: 'remind-overdue-revisits', sql: 'select public.remind_overdue_revisits()', everyMs: 6 * 60 * MINUTE },
  // Receivables summed on an earlier day are re-aged (20261123009300_receivable_balances.sql).
  { name: 'age-receivables', sql: 'select private.age_receivable_totals()', everyMs: 10 * MINUTE },
];

export type JobErrorHandler = (job: ScheduledJob, error: unknown) => void;

const logError: JobErrorHandler = (job, error) => {
  console.error(`[scheduler] job ${job.name} failed:`, error instanceof Error ? error.message : error);
};

/**
 * Starts the jobs; returns a function that stops them and waits for runs in progress, so the
 * database can be closed right after.
 */
export function startScheduler(
  ctx: Pick<StackContext, 'db'>,
  jobs: readonly ScheduledJob[] = LOCAL_JOBS,
  onError: JobErrorHandler = logError,
): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const run = (job: ScheduledJob) => {
    if (stopped || running.has(job.name)) return;
    const p = ctx.db
      .query(job.sql)
      .then(() => undefined, (e: unknown) => onError(job, e))
      .finally(() => running.delete(job.name));
    running.set(job.name, p);
  };

  for (const job of jobs) {
    const first = setTimeout(() => {
      run(job);
      const every = setInterval(() => run(job), job.everyMs);
      every.unref();
      timers.push(every);
    }, job.firstRunMs ?? 5_000);
    first.unref();
    timers.push(first);
  }

  return async () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    await Promise.all(running.values());
  };
}
