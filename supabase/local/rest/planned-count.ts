// `Prefer: count=planned`: the planner's row estimate for the filtered relation.
// `Prefer: count=estimated`: the exact count while it is small (up to max_rows), else the estimate.
import type { DbSession } from '../db/types.ts';
import type { ReadPlan } from './plan.ts';
import { levelConditions } from './sql-where.ts';
import { Params } from './sql-text.ts';

function filtered(plan: ReadPlan, from: string, p: Params): string {
  const conds = levelConditions(plan, p);
  return `select 1 from ${from}${conds.length ? ` where ${conds.join(' and ')}` : ''}`;
}

export async function plannedCount(tx: DbSession, plan: ReadPlan, from: string): Promise<number> {
  const p = new Params();
  const res = await tx.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${filtered(plan, from, p)}`, p.values);
  const raw = res.rows[0]?.['QUERY PLAN'];
  const doc = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return Math.round(Number((doc as any)?.[0]?.Plan?.['Plan Rows'] ?? 0));
}

export async function estimatedCount(tx: DbSession, plan: ReadPlan, from: string, maxRows: number | undefined): Promise<number> {
  const planned = await plannedCount(tx, plan, from);
  if (maxRows !== undefined && planned > maxRows) return planned;
  const p = new Params();
  const res = await tx.query<{ n: string }>(`select count(*)::text as n from (${filtered(plan, from, p)}) _pgrst_c`, p.values);
  return Number(res.rows[0].n);
}
