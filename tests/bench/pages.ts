// The requests the app's pages send (selects and embeds copied from src/resources/*), through
// supabase-js as the signed-in user: 25 rows, ordered, exactly counted, as Refine's data provider
// asks. Each throws on an API error, so a bench run with errors fails.
import type { SupabaseClient } from '@supabase/supabase-js';

const PAGE = 25;

type Built = PromiseLike<{ error: unknown; data?: unknown }>;

async function ok(q: Built): Promise<unknown> {
  const { error, data } = await q;
  if (error) throw new Error(`API error: ${JSON.stringify(error)}`);
  return data;
}

const CUSTOMERS = 'id, name, industry, city, level, stage, tags, owner_id, last_follow_up_at, next_follow_up_on, ' +
  'owner:profiles!customers_owner_id_fkey(full_name), group:business_groups!customers_group_id_fkey(name)';
const CONTRACTS = 'id, contract_no, title, status, amount, currency, credit_warning, created_at, customer:customers(name), owner:profiles!contracts_owner_id_fkey(full_name)';
const QUOTATIONS = 'id, quote_no, title, status, total_amount, currency, valid_until, created_at, customer:customers(name), owner:profiles!quotations_owner_id_fkey(full_name)';
const TIMELINE = 'id, method, content, customer_feedback, next_step, next_date, followed_at, owner:profiles!follow_ups_owner_id_fkey(full_name)';
const INBOX = 'id, step_no, step_name, created_at, request:approval_requests(id, title, record_type, record_id, submitted_at, submitter:profiles!approval_requests_submitted_by_fkey(full_name))';

export interface PageContext {
  client: SupabaseClient;
  userId: string;
  /** A customer this user can see (for the customer page). */
  customerId: string;
}

export const LIST_PAGES: Record<string, (c: PageContext) => Promise<unknown>> = {
  customers: ({ client }) => ok(client.from('customers').select(CUSTOMERS, { count: 'exact' }).order('created_at', { ascending: false }).range(0, PAGE - 1)),
  'customers (key, search)': ({ client }) =>
    ok(client.from('customers').select(CUSTOMERS, { count: 'exact' }).eq('level', 'key').ilike('name', '%有限%').order('created_at', { ascending: false }).range(0, PAGE - 1)),
  contracts: ({ client }) => ok(client.from('contracts').select(CONTRACTS, { count: 'exact' }).order('created_at', { ascending: false }).range(0, PAGE - 1)),
  'contracts (executing)': ({ client }) =>
    ok(client.from('contracts').select(CONTRACTS, { count: 'exact' }).eq('status', 'executing').order('created_at', { ascending: false }).range(0, PAGE - 1)),
  quotations: ({ client }) => ok(client.from('quotations').select(QUOTATIONS, { count: 'exact' }).order('created_at', { ascending: false }).range(0, PAGE - 1)),
  documents: ({ client }) =>
    ok(client.from('documents').select('id, title, category, access_level, created_at, owner:profiles!documents_owner_id_fkey(full_name)', { count: 'exact' }).order('created_at', { ascending: false }).range(0, PAGE - 1)),
};

/** The customer page: the file, contacts, and the timeline's three lists (as timeline-card.tsx). */
export const customerPage = ({ client, customerId }: PageContext) =>
  Promise.all([
    ok(client.from('customers').select('*').eq('id', customerId).single()),
    ok(client.from('contacts').select('*', { count: 'exact' }).eq('customer_id', customerId).range(0, 49)),
    ok(client.from('follow_ups').select(TIMELINE, { count: 'exact' }).eq('customer_id', customerId).order('followed_at', { ascending: false }).range(0, 49)),
    ok(client.from('visit_plans').select('*', { count: 'exact' }).eq('customer_id', customerId).range(0, 49)),
    ok(client.from('quotations').select('id, quote_no, status, total_amount, currency, created_at', { count: 'exact' }).eq('customer_id', customerId).range(0, 49)),
  ]);

/** The receivables page: ageing by customer and the open instalments (src/resources/receivables). */
export const receivablesPage = ({ client }: PageContext) =>
  Promise.all([
    ok(client.from('receivables_ageing_today').select('*', { count: 'exact' }).order('total_outstanding', { ascending: false }).range(0, 9)),
    ok(client.from('receivables').select('*', { count: 'exact' }).order('due_on', { ascending: true }).range(0, 9)),
  ]);

/** The inbox: my pending approval tasks (src/resources/inbox/waiting-table.tsx). */
export const inboxPage = ({ client, userId }: PageContext) =>
  ok(client.from('approval_tasks').select(INBOX, { count: 'exact' }).eq('approver_id', userId).eq('status', 'pending').order('created_at', { ascending: false }).range(0, 9));
