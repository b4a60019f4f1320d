// Shared by the customers-* and quotations-* API suites: demo ids of the seed and small helpers.
import { expect } from 'vitest';
import type { TestStack } from '../helpers/stack.ts';
import type { demoPeople, DemoPerson } from '../helpers/demo.ts';

export const PEOPLE = {
  leaderMkt: '10000000-0000-4000-8000-000000000011',
  sales1: '10000000-0000-4000-8000-000000000012',
  sales2: '10000000-0000-4000-8000-000000000013',
  leaderPe: '10000000-0000-4000-8000-000000000021',
  sales3: '10000000-0000-4000-8000-000000000023',
  cs1: '10000000-0000-4000-8000-000000000032',
} as const;

export type As = ReturnType<typeof demoPeople>;

export interface CustomerRow {
  id: string;
  name: string;
  owner_id: string | null;
  group_id: string | null;
}

/** Creates a customer as `who` through the API and returns it. */
export async function createCustomer(as: As, who: DemoPerson, fields: Record<string, unknown> = {}): Promise<CustomerRow> {
  const { client } = await as(who);
  const name = `测试客户 ${who} ${Math.random().toString(36).slice(2, 8)}`;
  const { data, error } = await client.from('customers').insert({ name, ...fields }).select().single();
  expect(error).toBeNull();
  return data as CustomerRow;
}

/** Runs SQL as the database owner (what the scheduler and the seed do). */
export async function sql<R = Record<string, unknown>>(t: TestStack, text: string, params: unknown[] = []): Promise<R[]> {
  return (await t.stack.ctx.db.query<R>(text, params)).rows;
}

/** A pool customer (no owner) in `group`, made as the database owner. */
export async function poolCustomer(t: TestStack, group: string, name = `公海客户 ${Math.random().toString(36).slice(2, 8)}`) {
  const [row] = await sql<CustomerRow>(
    t,
    'insert into public.customers (name, owner_id, group_id) values ($1, null, $2) returning id, name, owner_id, group_id',
    [name, group],
  );
  return row!;
}
