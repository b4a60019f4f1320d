// `Prefer: count=planned|estimated`: the planner's row estimate for the filtered relation.
import type { DbSession } from '../db/types.ts';
import type { ReadPlan } from './plan.ts';
import { levelConditions } from './sql-where.ts';
import { Params } from './sql-text.ts';

export async function plannedCount(tx: DbSession, plan: ReadPlan, from: string): Promise<number> {
  const p = new Params();
  const conds = levelConditions(plan, p);
  // EXPLAIN cannot take bind parameters on every driver path: estimate the unfiltered relation
  // when filters are present (an upper bound), like a planner without statistics would.
  const sql = `explain (format json) select 1 from ${from}${conds.length && !p.values.length ? ` where ${conds.join(' and ')}` : ''}`;
  const res = await tx.query<{ 'QUERY PLAN': unknown }>(sql);
  const raw = res.rows[0]?.['QUERY PLAN'];
  const doc = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return Math.round(Number((doc as any)?.[0]?.Plan?.['Plan Rows'] ?? 0));
}
