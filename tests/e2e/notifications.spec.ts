// The bell's unread count, the drawer, and the notifications page (mark one / all read).
import { test, expect, signIn, signedInClient } from './fixtures.ts';
import { GROUPS } from '../helpers/demo.ts';

test('unread notifications: bell count, drawer, mark one and all read', async ({ page }) => {
  // Two claims from customer service wait for its group leader, who is told twice.
  const cs1 = await signedInClient('cs1');
  for (const title of ['E2E 客服报销 1', 'E2E 客服报销 2']) {
    const { data } = await cs1.client.from('expense_claims').insert({ title, amount: 100, group_id: GROUPS.customerService }).select().single();
    const res = await cs1.client.rpc('approval_submit', { record_type: 'expense_claim', record_id: data!.id, comment: null });
    expect(res.error).toBeNull();
  }
  const leader = await signedInClient('leaderCs');
  const unread = async () =>
    (await leader.client.from('notifications').select('id', { count: 'exact', head: true }).is('read_at', null)).count;
  expect(await unread()).toBe(2);

  await signIn(page, 'leaderCs');
  const badge = page.getByTestId('unread-count');
  await expect(badge.locator('.ant-badge-count')).toHaveAttribute('title', '2');
  await badge.getByRole('button').click();
  const drawer = page.locator('.ant-drawer-content');
  await expect(drawer.getByTestId('notification-item')).toHaveCount(2);
  await drawer.getByRole('button', { name: '查看全部' }).click();
  await expect(page).toHaveURL(/\/notifications$/);

  const items = page.getByTestId('notification-item');
  await expect(items).toHaveCount(2);
  await items.first().getByRole('button', { name: '标为已读' }).click();
  await expect(page.locator('[data-testid=notification-item][data-unread=true]')).toHaveCount(1);
  await expect(badge.locator('.ant-badge-count')).toHaveAttribute('title', '1');
  expect(await unread()).toBe(1);

  await page.getByTestId('mark-all-read').click();
  await expect(page.locator('[data-testid=notification-item][data-unread=true]')).toHaveCount(0);
  await expect(badge.locator('.ant-badge-count')).toHaveCount(0);
  expect(await unread()).toBe(0);
});

test('the home page shows my inbox count and links to the inbox', async ({ page }) => {
  const sales3 = await signedInClient('sales3');
  const { data } = await sales3.client.from('expense_claims').insert({ title: 'E2E 项目报销', amount: 50, group_id: GROUPS.projectExecution }).select().single();
  await sales3.client.rpc('approval_submit', { record_type: 'expense_claim', record_id: data!.id, comment: null });
  const leader = await signedInClient('leaderPe');
  const { count } = await leader.client.from('approval_tasks').select('id', { count: 'exact', head: true })
    .eq('approver_id', leader.id).eq('status', 'pending');
  await signIn(page, 'leaderPe');
  await expect(page.getByTestId('inbox-count')).toContainText(String(count));
  await expect(page.getByTestId('quick-users')).toHaveCount(0);
  await page.getByTestId('inbox-count').click();
  await expect(page).toHaveURL(/\/inbox/);
});
