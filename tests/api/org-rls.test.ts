// Organisation tables and the data-scope rule, per role, through supabase-js as demo users:
// what each may read and change, and what is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople, GROUPS, type DemoPerson } from '../helpers/demo.ts';

let t: TestStack;
let as: ReturnType<typeof demoPeople>;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
  // A fixture business table whose policy is exactly the shared scope rule.
  await t.stack.ctx.db.exec(`
    create table public.scope_probe (
      id uuid primary key default gen_random_uuid(),
      label text not null,
      owner_id uuid references public.profiles (id),
      group_id uuid references public.business_groups (id)
    );
    alter table public.scope_probe enable row level security;
    create policy "scope rule" on public.scope_probe for select to authenticated
      using (private.can_see(owner_id, group_id));
    insert into public.scope_probe (label, owner_id, group_id)
    select p.email, p.id, p.group_id from public.profiles p
     where p.email in ('sales1@bizdesk.test', 'sales2@bizdesk.test', 'sales3@bizdesk.test', 'cs1@bizdesk.test', 'legal@bizdesk.test');
  `);
  await t.reloadSchema();
});
afterAll(() => t?.close());

async function visibleLabels(who: DemoPerson): Promise<string[]> {
  const { client } = await as(who);
  const { data, error } = await client.from('scope_probe').select('label').order('label');
  expect(error).toBeNull();
  return data!.map((r) => r.label as string);
}

describe('data scope rule (private.can_see)', () => {
  const all = ['cs1@bizdesk.test', 'legal@bizdesk.test', 'sales1@bizdesk.test', 'sales2@bizdesk.test', 'sales3@bizdesk.test'];
  it.each([
    ['sales1', ['sales1@bizdesk.test']],
    ['cs1', ['cs1@bizdesk.test']],
    ['leaderMkt', ['sales1@bizdesk.test', 'sales2@bizdesk.test']],
    ['leaderCs', ['cs1@bizdesk.test']],
    ['deputy1', ['sales1@bizdesk.test', 'sales2@bizdesk.test', 'sales3@bizdesk.test']],
    ['deputy2', ['cs1@bizdesk.test']],
    ['manager', all],
    ['gm', all],
    ['admin', all],
    ['finance', []],
    ['hr', []],
  ] as [DemoPerson, string[]][])('%s sees exactly its scope', async (who, expected) => {
    expect(await visibleLabels(who)).toEqual(expected);
  });

  it('anon sees nothing', async () => {
    const { data, error } = await t.client().from('scope_probe').select('label');
    expect(error).toBeNull();
    expect(data).toEqual([]);
  });
});

describe('organisation tables', () => {
  it('signed-in staff read the directory; anon reads nothing', async () => {
    const { client } = await as('sales1');
    const { data } = await client.from('profiles').select('full_name, group_id').eq('email', 'cs1@bizdesk.test').single();
    expect(data).toEqual({ full_name: '黄涛', group_id: GROUPS.customerService });
    const groups = await client.from('business_groups').select('name').order('name');
    expect(groups.data!.length).toBe(3);
    for (const table of ['profiles', 'business_groups', 'departments', 'user_roles']) {
      const anon = await t.client().from(table).select('*');
      expect(anon.data, table).toEqual([]);
    }
  });

  it('a person updates their own phone but not their group, role or anyone else', async () => {
    const { client, id } = await as('sales1');
    const own = await client.from('profiles').update({ phone: '13911112222' }).eq('id', id).select('phone').single();
    expect(own.error).toBeNull();
    expect(own.data).toEqual({ phone: '13911112222' });

    const move = await client.from('profiles').update({ group_id: GROUPS.customerService }).eq('id', id).select();
    expect(move.status).toBe(403);
    expect(move.error).toMatchObject({ code: '42501', hint: 'errors.profile_protected' });

    const other = await client.from('profiles').update({ phone: '13900000000' }).eq('email', 'sales2@bizdesk.test').select();
    expect(other.error).toBeNull();
    expect(other.data).toEqual([]); // RLS hides the row: nothing updated

    const grant = await client.from('user_roles').insert({ user_id: id, role: 'admin' });
    expect(grant.status).toBe(403);
    expect(grant.error!.code).toBe('42501');

    const { data } = await t.admin().from('profiles').select('group_id, phone').eq('email', 'sales2@bizdesk.test').single();
    expect(data!.phone).toBe('13800000013');
    const roles = await t.admin().from('user_roles').select('role').eq('user_id', id);
    expect(roles.data).toEqual([{ role: 'salesperson' }]);
  });

  it('admins change groups and roles; group leaders cannot', async () => {
    const leader = await as('leaderMkt');
    const refused = await leader.client.from('business_groups').update({ name: '营销一组' }).eq('id', GROUPS.marketing).select();
    expect(refused.data).toEqual([]);

    const admin = await as('admin');
    const renamed = await admin.client.from('business_groups').update({ name: '市场营销一组' }).eq('id', GROUPS.marketing).select('name').single();
    expect(renamed.data).toEqual({ name: '市场营销一组' });
    const sales3 = await admin.client.from('profiles').select('id').eq('email', 'sales3@bizdesk.test').single();
    const granted = await admin.client.from('user_roles').insert({ user_id: sales3.data!.id, role: 'merchandiser' }).select('role').single();
    expect(granted.data).toEqual({ role: 'merchandiser' });
    await admin.client.from('business_groups').update({ name: '市场营销组' }).eq('id', GROUPS.marketing);
  });

  it('JWTs carry the app roles through the custom access token hook when enabled', async () => {
    const { data } = await (await as('leaderMkt')).client.auth.getSession();
    // The hook is wired in supabase/config.toml; the UI reads roles from here.
    const payload = JSON.parse(Buffer.from(data.session!.access_token.split('.')[1], 'base64url').toString());
    expect(payload.app_metadata.app_roles).toEqual(['group_leader', 'salesperson']);
  });
});

describe('audit trail', () => {
  it('records who changed which columns, readable by whoever reads the row', async () => {
    const { client, id } = await as('sales2');
    await client.from('profiles').update({ phone: '13700001111' }).eq('id', id);
    const { data } = await client.from('audit_log').select('action, actor_id, changed_columns, old_values, new_values')
      .eq('table_name', 'profiles').eq('record_id', id).eq('action', 'UPDATE').eq('actor_id', id);
    expect(data).toEqual([{
      action: 'UPDATE', actor_id: id, changed_columns: ['phone'],
      old_values: { phone: '13800000013' }, new_values: { phone: '13700001111' },
    }]);
  });

  it('nobody can change or delete audit rows, not even the service role', async () => {
    const admin = await as('admin');
    const rows = await admin.client.from('audit_log').select('id').limit(1).single();
    const upd = await admin.client.from('audit_log').update({ action: 'DELETE' }).eq('id', rows.data!.id);
    expect(upd.error!.code).toBe('42501');
    const del = await admin.client.from('audit_log').delete().eq('id', rows.data!.id);
    expect(del.error!.code).toBe('42501');
    const ins = await admin.client.from('audit_log').insert({ table_name: 'x', record_id: rows.data!.id, action: 'INSERT' });
    expect(ins.error!.code).toBe('42501');
    const svc = await t.admin().from('audit_log').delete().eq('id', rows.data!.id);
    expect(svc.error!.code).toBe('42501');
    // Even the database owner (migrations, seed) is stopped by the trigger.
    await expect(t.stack.ctx.db.query('delete from public.audit_log where id = $1', [rows.data!.id]))
      .rejects.toThrow(/audit trail cannot be changed/);
    await expect(t.stack.ctx.db.query('update public.audit_log set actor_id = null where id = $1', [rows.data!.id]))
      .rejects.toThrow(/audit trail cannot be changed/);
    const still = await t.admin().from('audit_log').select('id').eq('id', rows.data!.id);
    expect(still.data).toHaveLength(1);
  });
});

describe('notifications', () => {
  it('people read and mark only their own', async () => {
    const db = t.stack.ctx.db;
    const sales1 = await as('sales1');
    const sales2 = await as('sales2');
    // Start from a clean slate: whatever the seed sent sales1 is read.
    await sales1.client.rpc('mark_all_notifications_read');
    await db.query(`select private.notify($1, 'info', '测试通知', '第一条通知')`, [sales1.id]);
    await db.query(`select private.notify($1, 'info', '测试通知', '第二条通知')`, [sales1.id]);
    const mine = await sales1.client.from('notifications').select('id, title, read_at').eq('title', '测试通知');
    expect(mine.data).toHaveLength(2);
    const theirs = await sales2.client.from('notifications').select('id').eq('recipient_id', sales1.id);
    expect(theirs.data).toEqual([]);
    const stolen = await sales2.client.rpc('mark_notifications_read', { ids: [mine.data![0].id] });
    expect(stolen.data).toBe(0);
    const forged = await sales2.client.from('notifications').insert({ recipient_id: sales1.id, kind: 'info', title: 'x' });
    expect(forged.error!.code).toBe('42501');
    expect((await sales1.client.rpc('mark_notifications_read', { ids: [mine.data![0].id] })).data).toBe(1);
    expect((await sales1.client.rpc('mark_all_notifications_read')).data).toBe(1);
    const unread = await sales1.client.from('notifications').select('id', { count: 'exact', head: true }).is('read_at', null);
    expect(unread.count).toBe(0);
  });
});
