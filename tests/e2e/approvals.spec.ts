// The inbox: an approver approves one item and rejects another in place, the record's timeline
// and history follow, the submitter sees the outcome; the API refuses what the UI hides.
import { test, expect, signIn, signedInClient, switchUser } from './fixtures.ts';
import { GROUPS } from '../helpers/demo.ts';

async function submittedClaim(title: string, amount = 800) {
  const { client } = await signedInClient('sales1');
  const { data, error } = await client.from('expense_claims').insert({ title, amount, group_id: GROUPS.marketing }).select().single();
  if (error) throw new Error(error.message);
  const submit = await client.rpc('approval_submit', { record_type: 'expense_claim', record_id: data.id, comment: null });
  if (submit.error) throw new Error(submit.error.message);
  return { id: data.id as string, requestId: (submit.data as { id: string }).id, client };
}

async function claimStatus(id: string) {
  const { client } = await signedInClient('sales1');
  const { data } = await client.from('expense_claims').select('status').eq('id', id).single();
  return data?.status;
}

test('the group leader approves from the record drawer and the timeline shows it', async ({ page }) => {
  const title = `E2E 差旅报销 ${Date.now()}`;
  const claim = await submittedClaim(title);
  await signIn(page, 'leaderMkt');
  await page.goto('/inbox');
  const row = page.locator('tbody tr', { hasText: title });
  await row.getByTestId('open-request').click();
  const panel = page.getByTestId('approval-panel');
  await expect(panel.getByTestId('approval-action')).toHaveCount(1);
  await expect(panel.getByTestId('approval-action').first()).toHaveAttribute('data-action', 'submit');
  await expect(panel.getByTestId('status-tag')).toHaveText('审批中');

  await panel.getByTestId('approve').click();
  await page.getByTestId('decision-comment').fill('同意，按标准报销');
  await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).click();

  await expect(panel.getByTestId('approval-action')).toHaveCount(2);
  await expect(panel.getByTestId('approval-action').nth(1)).toHaveAttribute('data-action', 'approve');
  await expect(panel.getByTestId('approval-action').nth(1)).toContainText('同意，按标准报销');
  await expect(panel.getByTestId('status-tag')).toHaveText('已通过');
  // No more buttons for a decided request; the record's history shows the status change.
  await expect(panel.getByTestId('approve')).toHaveCount(0);
  await expect(page.getByTestId('record-history').getByTestId('history-entry').filter({ hasText: '同意，按标准报销' })).toHaveCount(1);
  expect(await claimStatus(claim.id)).toBe('approved');
});

test('the group leader rejects in place with a required reason; the submitter sees it', async ({ page }) => {
  const title = `E2E 招待费 ${Date.now()}`;
  const claim = await submittedClaim(title, 1200);
  await signIn(page, 'leaderMkt');
  await page.goto('/inbox');
  const row = page.locator('tbody tr', { hasText: title });
  await row.getByTestId('row-reject').click();
  const ok = page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' }));
  await ok.click();
  await expect(page.getByText('驳回时必须填写理由')).toBeVisible();
  expect(await claimStatus(claim.id)).toBe('pending');
  await page.getByTestId('decision-comment').fill('缺少发票');
  await ok.click();
  await expect(row).toHaveCount(0);
  // A rejected record goes back to draft for its owner to fix and resubmit.
  expect(await claimStatus(claim.id)).toBe('draft');

  await switchUser(page, 'sales1');
  await page.goto('/inbox?tab=submitted');
  const mine = page.getByTestId('submitted-table').locator('tbody tr', { hasText: title });
  await expect(mine.getByTestId('status-tag')).toHaveText('已驳回');
});

test('an approval the UI does not offer is refused by the engine', async ({ page }) => {
  const title = `E2E 办公用品 ${Date.now()}`;
  const claim = await submittedClaim(title, 300);
  // sales2 is no approver: no inbox row, and the RPC answers BZ003 and changes nothing.
  const { client } = await signedInClient('sales2');
  const res = await client.rpc('approval_approve', { request_id: claim.requestId, comment: null });
  expect(res.error?.code).toBe('BZ003');
  expect(res.error?.hint).toBe('approval.errors.not_current_approver');
  expect(await claimStatus(claim.id)).toBe('pending');
  await signIn(page, 'sales2');
  await page.goto('/inbox');
  await expect(page.getByTestId('waiting-table')).toBeVisible();
  await expect(page.locator('tbody tr', { hasText: title })).toHaveCount(0);
});

test('admin-only writes hidden from a salesperson are refused by the API too', async () => {
  const { client } = await signedInClient('sales1');
  const insert = await client.from('business_groups').insert({ name: 'E2E 非法小组', department_id: '20000000-0000-4000-8000-000000000001' }).select();
  expect(insert.error?.code).toBe('42501');
  const update = await client.from('workflow_definitions').update({ name: 'hacked' }).eq('record_type', 'contract').select();
  expect(update.error).toBeNull();
  expect(update.data).toEqual([]);
  const admin = await signedInClient('admin');
  const groups = await admin.client.from('business_groups').select('id').eq('name', 'E2E 非法小组');
  expect(groups.data).toEqual([]);
  const wf = await admin.client.from('workflow_definitions').select('name').eq('record_type', 'contract').single();
  expect(wf.data?.name).toBe('合同审批');
});
