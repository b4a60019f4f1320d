// The admin-users edge function: admins provision people in one step; everyone else is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunctionsHttpError, type SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople, GROUPS } from '../helpers/demo.ts';
import { runAsRole } from '../../supabase/local/db/as-role.ts';

let t: TestStack;
let as: ReturnType<typeof demoPeople>;
beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
});
afterAll(() => t?.close());

async function invoke(client: SupabaseClient, body: unknown) {
  const { data, error, response } = await client.functions.invoke('admin-users', { body: body as Record<string, unknown> });
  if (error instanceof FunctionsHttpError) {
    const res = error.context as Response;
    return { status: res.status, body: await res.json() };
  }
  if (error) throw error;
  return { status: response!.status, body: data };
}

const newcomer = {
  action: 'create',
  email: 'newcomer@bizdesk.test',
  password: 'Welcome2026x',
  full_name: '宋佳',
  roles: ['cs_specialist'],
  group_id: GROUPS.customerService,
  phone: '13600000001',
  title: '客户服务专员',
};

describe('admin-users', () => {
  it('refuses non-admins and anonymous callers, and changes nothing', async () => {
    const sales = await as('sales1');
    const r = await invoke(sales.client, newcomer);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    const anon = await invoke(t.client(), newcomer);
    expect(anon.status).toBe(401);
    const { data } = await t.admin().from('profiles').select('id').eq('email', newcomer.email);
    expect(data).toEqual([]);
  });

  it('an admin creates a person with profile, roles and group; they can sign in', async () => {
    const admin = await as('admin');
    const r = await invoke(admin.client, newcomer);
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({ full_name: '宋佳', email: newcomer.email, group_id: GROUPS.customerService, status: 'active' });
    const roles = await t.admin().from('user_roles').select('role').eq('user_id', r.body.user.id);
    expect(roles.data).toEqual([{ role: 'cs_specialist' }]);
    const c = t.client();
    const signIn = await c.auth.signInWithPassword({ email: newcomer.email, password: newcomer.password });
    expect(signIn.error).toBeNull();
    const me = await c.from('profiles').select('full_name').eq('id', r.body.user.id).single();
    expect(me.data).toEqual({ full_name: '宋佳' });
  });

  it('bad input is refused with a clear error and creates nothing', async () => {
    const admin = await as('admin');
    const noRole = await invoke(admin.client, { ...newcomer, email: 'norole@bizdesk.test', roles: [] });
    expect(noRole).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    const badRole = await invoke(admin.client, { ...newcomer, email: 'badrole@bizdesk.test', roles: ['king'] });
    expect(badRole.status).toBe(400);
    const weak = await invoke(admin.client, { ...newcomer, email: 'weak@bizdesk.test', password: 'alllowercase' });
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe('weak_password');
    const badGroup = await invoke(admin.client, { ...newcomer, email: 'badgroup@bizdesk.test', group_id: '00000000-0000-4000-8000-000000000000' });
    expect(badGroup.status).toBe(400);
    const users = await t.admin().auth.admin.listUsers({ perPage: 200 });
    const emails = users.data.users.map((u) => u.email);
    for (const e of ['norole@bizdesk.test', 'badrole@bizdesk.test', 'weak@bizdesk.test', 'badgroup@bizdesk.test']) {
      expect(emails).not.toContain(e);
    }
    const unknown = await invoke(admin.client, { action: 'promote' });
    expect(unknown.status).toBe(400);
  });

  it('changes roles and group; deactivation stops sign-in and role powers at once', async () => {
    const admin = await as('admin');
    const sales3 = await as('sales3');
    const moved = await invoke(admin.client, { action: 'update', user_id: sales3.id, group_id: GROUPS.marketing, roles: ['salesperson', 'group_leader'] });
    expect(moved, JSON.stringify(moved.body)).toMatchObject({ status: 200 });
    expect(moved.body.user.group_id).toBe(GROUPS.marketing);
    const roles = await t.admin().from('user_roles').select('role').eq('user_id', sales3.id).order('role');
    expect(roles.data!.map((r) => r.role).sort()).toEqual(['group_leader', 'salesperson']);
    const history = await admin.client.from('audit_log').select('changed_columns').eq('record_id', sales3.id).eq('action', 'UPDATE').eq('actor_id', admin.id);
    expect(history.data!.some((h) => h.changed_columns.includes('group_id'))).toBe(true);

    const self = await invoke(admin.client, { action: 'deactivate', user_id: admin.id });
    expect(self.status).toBe(400);

    const gone = await invoke(admin.client, { action: 'deactivate', user_id: sales3.id });
    expect(gone.status).toBe(200);
    expect(gone.body.user).toMatchObject({ status: 'left' });
    const again = await t.client().auth.signInWithPassword({ email: 'sales3@bizdesk.test', password: 'Bizdesk#2026' });
    expect(again.error).not.toBeNull();
    // A token issued before deactivation no longer carries any role's powers.
    const rolesOf = () => runAsRole(t.stack.ctx.db, 'authenticated', { sub: sales3.id, role: 'authenticated' },
      { method: 'GET', path: '/', headers: {} }, async (tx) => (await tx.query<{ r: string[] }>('select private.my_roles()::text[] as r')).rows[0].r);
    expect(await rolesOf()).toEqual([]);
    const back = await invoke(admin.client, { action: 'activate', user_id: sales3.id });
    expect(back.body.user).toMatchObject({ status: 'active' });
    const signIn = await t.client().auth.signInWithPassword({ email: 'sales3@bizdesk.test', password: 'Bizdesk#2026' });
    expect(signIn.error).toBeNull();
    expect((await rolesOf()).sort()).toEqual(['group_leader', 'salesperson']);
  });
});
