// Settings from config.toml's [api]: several exposed schemas (Accept-Profile / Content-Profile)
// and max_rows.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, tempDir, type TestStack } from '../helpers/stack.ts';
import { PROJECT_ROOT } from '../../supabase/local/config.ts';
import { reloadSchema, rest } from './rest-fixture.ts';

let t: TestStack;
let dir: string;
beforeAll(async () => {
  dir = tempDir('bizdesk-rest-config-');
  const toml = fs
    .readFileSync(path.join(PROJECT_ROOT, 'supabase/config.toml'), 'utf8')
    .replace(/^schemas = .*$/m, 'schemas = ["public", "crm"]')
    .replace(/^max_rows = .*$/m, 'max_rows = 3');
  fs.writeFileSync(path.join(dir, 'config.toml'), toml);
  t = await startTestStack({ tomlPath: path.join(dir, 'config.toml') });
  await t.stack.ctx.db.exec(`
    create schema crm;
    grant usage on schema crm to anon, authenticated, service_role;
    create table crm.leads (id int primary key, name text not null);
    create table public.leads (id int primary key, label text);
    grant all on crm.leads to anon, authenticated, service_role;
    create function crm.lead_count() returns bigint language sql stable as 'select count(*) from crm.leads';
    grant execute on function crm.lead_count() to anon, authenticated, service_role;
    insert into crm.leads select i, 'lead ' || i from generate_series(1, 5) i;
    insert into public.leads values (1, 'public lead');`);
  await reloadSchema(t);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('exposed schemas', () => {
  it('the first schema is the default; Accept-Profile picks another', async () => {
    const pub = await t.admin().from('leads').select();
    expect(pub.data).toEqual([{ id: 1, label: 'public lead' }]);
    const crm = await t.admin().schema('crm').from('leads').select('name').eq('id', 2);
    expect(crm.error).toBeNull();
    expect(crm.data).toEqual([{ name: 'lead 2' }]);
  });

  it('Content-Profile directs writes and rpc', async () => {
    const ins = await t.admin().schema('crm').from('leads').insert({ id: 6, name: 'new' }).select().single();
    expect(ins.data).toEqual({ id: 6, name: 'new' });
    const { rows } = await t.stack.ctx.db.query(`select name from crm.leads where id = 6`);
    expect(rows).toEqual([{ name: 'new' }]);
    expect((await t.admin().schema('crm').rpc('lead_count')).data).toBe(6);
    await t.stack.ctx.db.exec(`delete from crm.leads where id = 6`);
  });

  it('refuses schemas that are not exposed', async () => {
    const res = await rest(t, '/users', { headers: { 'Accept-Profile': 'auth' } });
    expect(res.status).toBe(406);
    expect(await res.json()).toEqual({ code: 'PGRST106', details: null, hint: 'Only the following schemas are exposed: public, crm', message: 'Invalid schema: auth' });
  });
});

describe('max_rows', () => {
  it('caps every read, even with a larger limit', async () => {
    const capped = await t.admin().schema('crm').from('leads').select('id', { count: 'exact' }).order('id');
    expect(capped.data).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(capped.count).toBe(5);
    expect(capped.status).toBe(206);
    const limited = await t.admin().schema('crm').from('leads').select('id').order('id').range(1, 10);
    expect(limited.data).toEqual([{ id: 2 }, { id: 3 }, { id: 4 }]);
  });
});
