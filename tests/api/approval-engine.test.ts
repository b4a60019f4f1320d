// The approval engine end to end through its RPCs, as the right people and the wrong ones, on a
// fixture record type registered the way module migrations register theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople, GROUPS, type DemoPerson } from '../helpers/demo.ts';
import { EXPENSE_CLAIMS_SQL, registerExpenseClaims } from '../helpers/expense-claims.ts';

let t: TestStack;
let as: ReturnType<typeof demoPeople>;

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
  await t.stack.ctx.db.exec(`
    ${EXPENSE_CLAIMS_SQL}
    ${registerExpenseClaims('/claims/show/{id}')}
    insert into public.workflow_steps (workflow_id, step_no, name, approver_rule, approver_role, mode, condition, record_status) values
      ('41000000-0000-4000-8000-000000000001', 1, '组长审批', 'group_leader', null, 'any', null, null),
      ('41000000-0000-4000-8000-000000000001', 2, '部门经理审批', 'dept_manager', null, 'any',
       '{"field": "amount", "op": ">=", "value": 10000}', 'manager_review'),
      ('41000000-0000-4000-8000-000000000001', 3, '副经理会签', 'role', 'deputy_manager', 'all',
       '{"field": "amount", "op": ">=", "value": 50000}', null);
  `);
  await t.reloadSchema();
});
afterAll(() => t?.close());

async function newClaim(who: DemoPerson, amount: number, title = `报销 ${amount}`) {
  const { client } = await as(who);
  const group = who === 'cs1' ? GROUPS.customerService : GROUPS.marketing;
  const { data, error } = await client.from('expense_claims').insert({ title, amount, group_id: group }).select().single();
  expect(error).toBeNull();
  return data as { id: string; status: string };
}

async function status(id: string) {
  const { data } = await t.admin().from('expense_claims').select('status').eq('id', id).single();
  return data!.status as string;
}

async function submit(who: DemoPerson, id: string) {
  const { client } = await as(who);
  const res = await client.rpc('approval_submit', { record_type: 'expense_claim', record_id: id });
  expect(res.error).toBeNull();
  return res.data as { id: string; status: string; current_step: number | null };
}

describe('approval engine', () => {
  it('a small claim: the group leader approves and the submitter is told', async () => {
    const claim = await newClaim('sales1', 800);
    const req = await submit('sales1', claim.id);
    expect(req).toMatchObject({ status: 'pending', current_step: 1 });
    expect(await status(claim.id)).toBe('pending');

    const leader = await as('leaderMkt');
    const inbox = await leader.client.from('approval_tasks').select('request_id, step_name, status').eq('status', 'pending')
      .eq('request_id', req.id);
    expect(inbox.data).toEqual([{ request_id: req.id, step_name: '组长审批', status: 'pending' }]);
    // The approver can read the record and was notified.
    const visible = await leader.client.from('expense_claims').select('id').eq('id', claim.id);
    expect(visible.data).toHaveLength(1);
    const waiting = await leader.client.from('notifications').select('kind, link').eq('record_id', claim.id);
    expect(waiting.data).toEqual([{ kind: 'approval_waiting', link: `/claims/show/${claim.id}` }]);

    // Someone who is not the approver of this step is refused and nothing moves.
    for (const who of ['sales2', 'manager', 'sales1'] as DemoPerson[]) {
      const wrong = await (await as(who)).client.rpc('approval_approve', { request_id: req.id });
      expect(wrong.status, who).toBe(400);
      expect(wrong.error, who).toMatchObject({ code: 'BZ003', hint: 'approval.errors.not_current_approver' });
    }
    expect(await status(claim.id)).toBe('pending');

    const ok = await leader.client.rpc('approval_approve', { request_id: req.id, comment: '同意' });
    expect(ok.data).toMatchObject({ status: 'approved', current_step: null });
    expect(await status(claim.id)).toBe('approved');
    const told = await (await as('sales1')).client.from('notifications').select('kind').eq('record_id', claim.id);
    expect(told.data).toEqual([{ kind: 'approved' }]);

    // Approving twice is refused as already decided.
    const again = await leader.client.rpc('approval_approve', { request_id: req.id });
    expect(again.error).toMatchObject({ code: 'BZ005' });
  });

  it('a condition adds the manager step, which sets its own record status', async () => {
    const claim = await newClaim('sales1', 12000);
    const req = await submit('sales1', claim.id);
    await (await as('leaderMkt')).client.rpc('approval_approve', { request_id: req.id });
    expect(await status(claim.id)).toBe('manager_review');
    const mgr = await (await as('manager')).client.rpc('approval_approve', { request_id: req.id });
    expect(mgr.data).toMatchObject({ status: 'approved' });
    expect(await status(claim.id)).toBe('approved');
  });

  it('an "all must approve" step waits for every approver', async () => {
    const claim = await newClaim('sales1', 60000);
    const req = await submit('sales1', claim.id);
    await (await as('leaderMkt')).client.rpc('approval_approve', { request_id: req.id });
    await (await as('manager')).client.rpc('approval_approve', { request_id: req.id });
    const first = await (await as('deputy1')).client.rpc('approval_approve', { request_id: req.id });
    expect(first.data).toMatchObject({ status: 'pending', current_step: 3 });
    const second = await (await as('deputy2')).client.rpc('approval_approve', { request_id: req.id });
    expect(second.data).toMatchObject({ status: 'approved' });
  });

  it('reject needs a reason, returns the record to draft and keeps the reason', async () => {
    const claim = await newClaim('sales1', 900);
    const req = await submit('sales1', claim.id);
    const leader = await as('leaderMkt');
    const bare = await leader.client.rpc('approval_reject', { request_id: req.id, comment: '  ' });
    expect(bare.error).toMatchObject({ code: 'BZ004', hint: 'approval.errors.comment_required' });
    expect(await status(claim.id)).toBe('pending');
    const rejected = await leader.client.rpc('approval_reject', { request_id: req.id, comment: '发票不全' });
    expect(rejected.data).toMatchObject({ status: 'rejected', last_comment: '发票不全' });
    expect(await status(claim.id)).toBe('draft');
    const { client } = await as('sales1');
    const timeline = await client.from('approval_actions').select('action, comment').eq('request_id', req.id).order('created_at');
    expect(timeline.data).toEqual([{ action: 'submit', comment: null }, { action: 'reject', comment: '发票不全' }]);
    // Fixed and resubmitted: a new request.
    const again = await submit('sales1', claim.id);
    expect(again.id).not.toBe(req.id);
  });

  it('only the submitter withdraws, and only while pending', async () => {
    const claim = await newClaim('sales1', 700);
    const req = await submit('sales1', claim.id);
    const other = await (await as('leaderMkt')).client.rpc('approval_withdraw', { request_id: req.id });
    expect(other.error).toMatchObject({ code: 'BZ006' });
    const own = await (await as('sales1')).client.rpc('approval_withdraw', { request_id: req.id });
    expect(own.data).toMatchObject({ status: 'withdrawn' });
    expect(await status(claim.id)).toBe('draft');
    const twice = await (await as('sales1')).client.rpc('approval_withdraw', { request_id: req.id });
    expect(twice.error).toMatchObject({ code: 'BZ005' });
    const late = await (await as('leaderMkt')).client.rpc('approval_approve', { request_id: req.id });
    expect(late.error).toMatchObject({ code: 'BZ005' });
  });

  it('transfer hands the step to another person, who may then act', async () => {
    const claim = await newClaim('sales1', 500);
    const req = await submit('sales1', claim.id);
    const leader = await as('leaderMkt');
    const self = await leader.client.rpc('approval_transfer', { request_id: req.id, to_user: (await as('sales1')).id });
    expect(self.error).toMatchObject({ code: 'BZ009' });
    const deputy = await as('deputy1');
    const moved = await leader.client.rpc('approval_transfer', { request_id: req.id, to_user: deputy.id, comment: '出差中' });
    expect(moved.error).toBeNull();
    const stale = await leader.client.rpc('approval_approve', { request_id: req.id });
    expect(stale.error).toMatchObject({ code: 'BZ003' });
    const done = await deputy.client.rpc('approval_approve', { request_id: req.id });
    expect(done.data).toMatchObject({ status: 'approved' });
  });

  it('comments and copies reach the participants; outsiders are refused', async () => {
    const claim = await newClaim('sales1', 650);
    const req = await submit('sales1', claim.id);
    const hr = await as('hr');
    expect((await hr.client.from('approval_requests').select('id').eq('id', req.id)).data).toEqual([]);
    const outsider = await hr.client.rpc('approval_comment', { request_id: req.id, comment: '我来看看' });
    expect(outsider.error).toMatchObject({ code: 'BZ010' });
    const cc = await (await as('sales1')).client.rpc('approval_cc', { request_id: req.id, user_ids: [hr.id] });
    expect(cc.error).toBeNull();
    expect((await hr.client.from('approval_requests').select('id').eq('id', req.id)).data).toEqual([{ id: req.id }]);
    const note = await hr.client.rpc('approval_comment', { request_id: req.id, comment: '已知悉' });
    expect(note.data).toMatchObject({ action: 'comment', comment: '已知悉' });
    const leaderNotes = await (await as('leaderMkt')).client.from('notifications').select('kind').eq('record_id', claim.id).eq('kind', 'comment');
    expect(leaderNotes.data).toHaveLength(1);
    // Another group's salesperson sees neither the request nor its timeline.
    const cs1 = await as('cs1');
    expect((await cs1.client.from('approval_requests').select('id').eq('id', req.id)).data).toEqual([]);
    expect((await cs1.client.from('approval_actions').select('id').eq('request_id', req.id)).data).toEqual([]);
  });

  it('status changes only through the engine, even for the owner', async () => {
    const claim = await newClaim('sales1', 300);
    const { client } = await as('sales1');
    const direct = await client.from('expense_claims').update({ status: 'approved' }).eq('id', claim.id).select();
    expect(direct.status).toBe(400);
    expect(direct.error).toMatchObject({ code: 'BZ007', hint: 'approval.errors.status_protected' });
    const born = await client.from('expense_claims').insert({ title: 'x', amount: 1, status: 'approved' }).select();
    expect(born.error).toMatchObject({ code: 'BZ007' });
    const svc = await t.admin().from('expense_claims').update({ status: 'approved' }).eq('id', claim.id).select();
    expect(svc.error).toMatchObject({ code: 'BZ007' });
    expect(await status(claim.id)).toBe('draft');
    // Other fields stay editable by the owner.
    const edit = await client.from('expense_claims').update({ title: '差旅报销' }).eq('id', claim.id).select('title').single();
    expect(edit.data).toEqual({ title: '差旅报销' });
  });

  it('bad input: unknown record, not the owner, not a draft, unknown type', async () => {
    const { client } = await as('sales1');
    const unknown = await client.rpc('approval_submit', { record_type: 'expense_claim', record_id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.error).toMatchObject({ code: 'BZ001' });
    const claim = await newClaim('sales2', 100);
    const notOwner = await client.rpc('approval_submit', { record_type: 'expense_claim', record_id: claim.id });
    expect(notOwner.error).toMatchObject({ code: 'BZ006' });
    await submit('sales2', claim.id);
    const twice = await (await as('sales2')).client.rpc('approval_submit', { record_type: 'expense_claim', record_id: claim.id });
    expect(twice.error).toMatchObject({ code: 'BZ002' });
    const type = await client.rpc('approval_submit', { record_type: 'nope', record_id: claim.id });
    expect(type.error).toMatchObject({ code: 'BZ001' });
    const noRequest = await client.rpc('approval_approve', { request_id: '00000000-0000-4000-8000-000000000000' });
    expect(noRequest.error).toMatchObject({ code: 'BZ001' });
    const anon = await t.client().rpc('approval_approve', { request_id: '00000000-0000-4000-8000-000000000000' });
    expect(anon.status).toBe(401);
  });

  it('a group leader cannot approve a step that belongs to another group', async () => {
    const claim = await newClaim('cs1', 400);
    const req = await submit('cs1', claim.id);
    const wrong = await (await as('leaderMkt')).client.rpc('approval_approve', { request_id: req.id });
    expect(wrong.error).toMatchObject({ code: 'BZ003' });
    const right = await (await as('leaderCs')).client.rpc('approval_approve', { request_id: req.id });
    expect(right.data).toMatchObject({ status: 'approved' });
  });

  it('workflow definitions are admin data', async () => {
    const sales = await as('sales1');
    const refused = await sales.client.from('workflow_steps').update({ name: 'x' }).eq('workflow_id', '41000000-0000-4000-8000-000000000001').select();
    expect(refused.data).toEqual([]);
    const admin = await as('admin');
    const changed = await admin.client.from('workflow_steps').update({ condition: { field: 'amount', op: '>=', value: 20000 } })
      .eq('workflow_id', '41000000-0000-4000-8000-000000000001').eq('step_no', 2).select('condition').single();
    expect(changed.data).toEqual({ condition: { field: 'amount', op: '>=', value: 20000 } });
    const claim = await newClaim('sales1', 15000);
    const req = await submit('sales1', claim.id);
    await (await as('leaderMkt')).client.rpc('approval_approve', { request_id: req.id });
    expect(await status(claim.id)).toBe('approved'); // 15000 no longer needs the manager
  });
});
