// Seeds a large department on top of the demo seed, set-based: one INSERT … SELECT FROM
// generate_series per table. Repeatable: every "random" choice is a hash of the row number and a
// fixed seed (hashint4), ids are md5 of a name, so two runs produce the same data.
// Triggers (audit, derived columns, foreign-key checks) are off while it runs (replica mode): the
// generated rows are consistent by construction, and the audit rows are generated too.
import type { Db } from '../../supabase/local/db/types.ts';
import type { Scale } from './scale.ts';

const SEED = 20261123;
const DEPARTMENT = '20000000-0000-4000-8000-000000000001';
const DEMO_DEPUTIES = ['10000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000004'];

/** A deterministic pseudo-random integer in [0, n) for row i and a salt. */
const pick = (i: string, n: number, salt = 0) => `(abs(hashint4(${i} # ${SEED + salt})) % ${n})`;
const uuidOf = (kind: string, i: string) => `md5('bench-${kind}-' || ${i})::uuid`;
/** Bench user u (1-based) belongs to group (u - 1) / 10; user 1 of each ten leads it. */
const userId = (u: string) => uuidOf('user', u);
const groupOfUser = (u: string) => uuidOf('group', `((${u} - 1) / 10)`);
/** A customer with an owner (not in the pool) picked from row i: every tenth customer is in the pool. */
const ownedCustomer = (i: string, n: number) => `lateral (select case when z % 10 = 0 then z - 1 else z end as c from (select ((${i} * 2) % ${n}) + 1 as z) w) x`;
/** Customer c's owner: none for every tenth (the pool), else a bench user. */
const ownerIdx = (c: string) => `(case when ${c} % 10 = 0 then null else ${pick(c, 200, 1)} + 1 end)`;

export const benchUserEmail = (u: number) => `bench${u}@bizdesk.test`;
/** Bench user 1 leads group 0; user 2 is a salesperson in it. */
export const BENCH_LEADER = 1;
export const BENCH_SALES = 2;

export function generationSteps(s: Scale): { table: string; rows: number; sql: string }[] {
  const contacts = s.customers * s.contactsPerCustomer;
  const instalments = s.contracts * s.instalmentsPerContract;
  const owner = (c: string) => `(select ${userId(ownerIdx(c))})`;
  return [
    {
      table: 'auth.users', rows: s.users,
      sql: `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change, is_super_admin)
        select '00000000-0000-0000-0000-000000000000', ${userId('u')}, 'authenticated', 'authenticated', 'bench' || u || '@bizdesk.test',
               (select encrypted_password from auth.users where email = 'sales1@bizdesk.test'), now(),
               '{"provider":"email","providers":["email"]}', jsonb_build_object('full_name', '压测员' || u), now(), now(), '', '', '', '', false
          from generate_series(1, ${s.users}) u`,
    },
    {
      table: 'auth.identities', rows: s.users,
      sql: `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
        select ${userId('u')}::text, ${userId('u')}, jsonb_build_object('sub', ${userId('u')}::text, 'email', 'bench' || u || '@bizdesk.test', 'email_verified', true), 'email', now(), now(), now()
          from generate_series(1, ${s.users}) u`,
    },
    {
      table: 'profiles', rows: s.users,
      sql: `insert into public.profiles (id, full_name, email, department_id, joined_on)
        select ${userId('u')}, '压测员' || u, 'bench' || u || '@bizdesk.test', '${DEPARTMENT}', date '2024-01-01' from generate_series(1, ${s.users}) u`,
    },
    {
      table: 'business_groups', rows: s.groups,
      sql: `insert into public.business_groups (id, department_id, name, group_type, leader_id, deputy_id)
        select ${uuidOf('group', 'g')}, '${DEPARTMENT}', '压测组' || g, (array['marketing','project_execution','customer_service'])[g % 3 + 1]::public.group_type,
               ${userId('(g * 10 + 1)')}, (array['${DEMO_DEPUTIES[0]}','${DEMO_DEPUTIES[1]}']::uuid[])[g % 2 + 1]
          from generate_series(0, ${s.groups - 1}) g;
        update public.profiles p set group_id = ${groupOfUser('u')} from generate_series(1, ${s.users}) u where p.id = ${userId('u')}`,
    },
    {
      table: 'user_roles', rows: s.users * 2,
      sql: `insert into public.user_roles (user_id, role)
        select ${userId('u')}, r::public.app_role from generate_series(1, ${s.users}) u,
          lateral unnest(case when u % 10 = 1 then array['group_leader', 'salesperson'] else array['salesperson'] end) r`,
    },
    {
      table: 'customers', rows: s.customers,
      sql: `insert into public.customers (id, name, industry, city, source, level, stage, owner_id, group_id, owner_assigned_at, credit_rating, credit_limit, credit_term_days, tags, last_follow_up_at, next_follow_up_on, created_at, updated_at)
        select ${uuidOf('customer', 'c')}, '压测客户' || c || '有限公司', (array['制造','零售','能源','医药','物流','教育'])[${pick('c', 6, 2)} + 1],
               (array['上海','北京','深圳','杭州','成都'])[${pick('c', 5, 3)} + 1],
               (array['research','trade_show','web','referral','telemarketing','other'])[${pick('c', 6, 4)} + 1]::public.customer_source,
               (array['key','general','potential'])[${pick('c', 3, 5)} + 1]::public.customer_level,
               (array['potential','initial_contact','needs_analysis','proposal','negotiation','won','lost'])[${pick('c', 7, 6)} + 1]::public.customer_stage,
               ${userId(ownerIdx('c'))}, case when c % 10 = 0 then null else ${groupOfUser(ownerIdx('c'))} end, now() - interval '30 days',
               (array['AAA','AA','A','B'])[${pick('c', 4, 7)} + 1], 100000 + ${pick('c', 900000, 8)}, 30 + ${pick('c', 60, 9)},
               case when c % 7 = 0 then array['重点'] else '{}' end,
               now() - (${pick('c', 90, 10)} || ' days')::interval, current_date + ${pick('c', 30, 11)},
               timestamptz '2023-01-01' + (c * interval '15 minutes'), now()
          from generate_series(1, ${s.customers}) c`,
    },
    {
      table: 'contacts', rows: contacts,
      sql: `insert into public.contacts (id, customer_id, name, title, phone, email, is_primary)
        select ${uuidOf('contact', 'k')}, ${uuidOf('customer', `((k - 1) / ${s.contactsPerCustomer} + 1)`)}, '联系人' || k, '采购经理',
               '138' || lpad((k % 100000000)::text, 8, '0'), 'contact' || k || '@example.com', (k - 1) % ${s.contactsPerCustomer} = 0
          from generate_series(1, ${contacts}) k`,
    },
    {
      table: 'follow_ups', rows: s.followUps,
      sql: `insert into public.follow_ups (customer_id, method, content, followed_at, owner_id, group_id, created_at, updated_at)
        select ${uuidOf('customer', 'x.c')}, (array['phone','email','visit','meeting','im'])[${pick('f', 5, 12)} + 1]::public.follow_up_method,
               '第' || f || '次跟进：沟通需求与报价', now() - (${pick('f', 720, 13)} || ' days')::interval,
               coalesce(${userId(ownerIdx('x.c'))}, ${userId('1')}), case when x.c % 10 = 0 then ${groupOfUser('1')} else ${groupOfUser(ownerIdx('x.c'))} end, now(), now()
          from generate_series(1, ${s.followUps}) f, lateral (select ${pick('f', s.customers, 14)} + 1 as c) x`,
    },
    {
      table: 'quotations', rows: s.quotations,
      sql: `insert into public.quotations (id, quote_no, title, customer_id, valid_until, status, total_amount, owner_id, group_id, created_at, updated_at)
        select ${uuidOf('quotation', 'q')}, 'BQ' || lpad(q::text, 7, '0'), '报价单 ' || q, ${uuidOf('customer', 'x.c')}, current_date + ${pick('q', 60, 15)} - 20,
               (array['draft','pending','approved','sent','accepted','rejected','expired'])[${pick('q', 7, 16)} + 1]::public.quotation_status,
               1000 + ${pick('q', 500000, 17)}, ${userId(ownerIdx('x.c'))}, ${groupOfUser(ownerIdx('x.c'))},
               timestamptz '2024-01-01' + (q * interval '10 minutes'), now()
          from generate_series(1, ${s.quotations}) q, ${ownedCustomer('q', s.customers)}`,
    },
    {
      table: 'contracts', rows: s.contracts,
      sql: `insert into public.contracts (id, contract_no, title, customer_id, amount, status, owner_id, group_id, signed_on, created_at, updated_at)
        select ${uuidOf('contract', 'k')}, 'BH' || lpad(k::text, 7, '0'), '采购合同 ' || k, ${uuidOf('customer', 'x.c')}, 10000 + ${pick('k', 2000000, 18)},
               (array['draft','manager_review','legal_review','approved','signed','executing','executing','completed'])[${pick('k', 8, 19)} + 1]::public.contract_status,
               ${userId(ownerIdx('x.c'))}, ${groupOfUser(ownerIdx('x.c'))}, current_date - ${pick('k', 400, 20)},
               timestamptz '2024-01-01' + (k * interval '10 minutes'), now()
          from generate_series(1, ${s.contracts}) k, ${ownedCustomer('k', s.customers)}`,
    },
    {
      table: 'payment_instalments', rows: instalments,
      sql: `insert into public.payment_instalments (id, contract_id, seq, due_on, amount, condition)
        select ${uuidOf('instalment', 'i')}, ${uuidOf('contract', `((i - 1) / ${s.instalmentsPerContract} + 1)`)}, (i - 1) % ${s.instalmentsPerContract} + 1,
               current_date - 200 + ${pick('i', 300, 21)}, 2500 + ${pick('i', 100000, 22)}, '按进度'
          from generate_series(1, ${instalments}) i`,
    },
    {
      table: 'payments', rows: Math.floor(instalments / 2),
      sql: `insert into public.payments (instalment_id, contract_id, amount, received_on, method, recorded_by)
        select ${uuidOf('instalment', 'i')}, ${uuidOf('contract', `((i - 1) / ${s.instalmentsPerContract} + 1)`)}, 1000, current_date - ${pick('i', 100, 23)}, 'bank_transfer',
               (select id from auth.users where email = 'finance@bizdesk.test')
          from generate_series(2, ${instalments}, 2) i`,
    },
    {
      table: 'audit_log', rows: s.audit,
      sql: `insert into public.audit_log (table_name, record_id, action, actor_id, at, changed_columns, old_values, new_values)
        select 'customers', ${uuidOf('customer', `(${pick('a', s.customers, 24)} + 1)`)}, 'UPDATE', ${userId(`(${pick('a', 200, 25)} + 1)`)},
               now() - (${pick('a', 525600, 26)} || ' minutes')::interval, array['stage'], '{"stage":"potential"}', '{"stage":"proposal"}'
          from generate_series(1, ${s.audit}) a`,
    },
    {
      table: 'documents', rows: s.documents,
      sql: `insert into public.documents (id, title, category, tags, access_level, owner_id, group_id, created_at, updated_at)
        select ${uuidOf('document', 'd')}, '压测文档 ' || d,
               (array['customer_files','contracts','project_docs','market_research','rules','meeting_minutes','training','other'])[${pick('d', 8, 27)} + 1]::public.document_category,
               '{}', (array['public','internal','internal','confidential'])[${pick('d', 4, 28)} + 1]::public.access_level,
               ${userId(`(${pick('d', 200, 29)} + 1)`)}, ${groupOfUser(`(${pick('d', 200, 29)} + 1)`)}, timestamptz '2024-01-01' + (d * interval '5 minutes'), now()
          from generate_series(1, ${s.documents}) d`,
    },
  ];
}

export interface GenerationReport {
  table: string;
  rows: number;
  seconds: number;
}

/** Runs every step in one transaction with triggers off, then ANALYZE. */
export async function generateDepartment(db: Db, s: Scale, log: (line: string) => void = () => {}): Promise<GenerationReport[]> {
  const report: GenerationReport[] = [];
  await db.transaction(async (tx) => {
    await tx.exec(`set local session_replication_role = replica`);
    for (const step of generationSteps(s)) {
      const started = Date.now();
      await tx.exec(step.sql);
      report.push({ table: step.table, rows: step.rows, seconds: (Date.now() - started) / 1000 });
      log(`  ${step.table}: ${step.rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  });
  // The receivables table is kept by triggers, which were off.
  const rebuilt = Date.now();
  await db.exec('select private.rebuild_receivables()');
  report.push({ table: '(receivables rebuilt)', rows: 0, seconds: (Date.now() - rebuilt) / 1000 });
  const started = Date.now();
  await db.exec('analyze');
  report.push({ table: '(analyze)', rows: 0, seconds: (Date.now() - started) / 1000 });
  return report;
}
