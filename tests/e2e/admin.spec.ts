// Admin pages: a group with its leader picked by name, a workflow step condition validated before
// saving, and people managed through the admin-users function.
import { test, expect, signIn, signedInClient } from './fixtures.ts';

// An option of the open select dropdown, by its text (closed dropdowns stay in the DOM hidden).
const option = (page: import('@playwright/test').Page, text: string) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text });

test('the administrator creates a group, picking the leader by name', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/groups/create');
  await page.getByLabel('小组名称').fill('E2E 大客户组');
  await page.getByLabel('类型').click();
  await option(page, '其他').click();
  await page.getByLabel('部门').click();
  await option(page, '业务部').click();
  await page.getByLabel('组长').fill('赵磊');
  await option(page, '赵磊').click();
  await page.getByRole('button', { name: /保存/ }).click();
  await expect(page).toHaveURL(/\/admin\/groups(\?|$)/);
  const row = page.locator('tbody tr', { hasText: 'E2E 大客户组' });
  await expect(row).toContainText('赵磊');

  const admin = await signedInClient('admin');
  const { data } = await admin.client.from('business_groups').select('name, group_type, leader:profiles!business_groups_leader_id_fkey(email)').eq('name', 'E2E 大客户组').single();
  expect(data).toEqual({ name: 'E2E 大客户组', group_type: 'other', leader: { email: 'sales1@bizdesk.test' } });
});

test('a workflow step condition is validated before it is saved', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/workflows/edit/40000000-0000-4000-8000-000000000003');
  const row = page.locator('tbody tr', { hasText: '部门经理审批' });
  await row.getByRole('button', { name: /编\s?辑/ }).click();
  const modal = page.locator('.ant-modal-content');
  const condition = modal.getByLabel('条件');
  await condition.fill('{"field": "days", "op": "~", "value": 5}');
  await modal.getByRole('button', { name: /确 ?定|OK/ }).click();
  await expect(modal.getByText('不支持的运算符')).toBeVisible();
  await condition.fill('{"field": "days", "op": ">", "value": 5');
  await expect(modal.getByText('不是有效的 JSON')).toBeVisible();

  const admin = await signedInClient('admin');
  const before = await admin.client.from('workflow_steps').select('condition').eq('workflow_id', '40000000-0000-4000-8000-000000000003').eq('step_no', 2).single();
  expect(before.data?.condition).toEqual({ field: 'days', op: '>', value: 3 });

  await condition.fill('{"field": "days", "op": ">", "value": 5}');
  await modal.getByRole('button', { name: /确 ?定|OK/ }).click();
  await expect(row).toContainText('"value":5');
  const after = await admin.client.from('workflow_steps').select('condition').eq('workflow_id', '40000000-0000-4000-8000-000000000003').eq('step_no', 2).single();
  expect(after.data?.condition).toEqual({ field: 'days', op: '>', value: 5 });
});

test('the administrator creates a person through the admin-users function, then deactivates them', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  await page.goto('/admin/users/create');
  await page.getByLabel('邮箱').fill('e2e.newcomer@bizdesk.test');
  await page.getByLabel('密码').fill('Newcomer#2026');
  await page.getByLabel('姓名').fill('测试新人');
  await page.getByLabel('所属小组').fill('市场');
  await option(page, '市场营销组').click();
  await page.getByLabel('角色').click();
  await option(page, '业务员').click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /保存/ }).click();
  await expect(page).toHaveURL(/\/admin\/users(\?|$)/, { timeout: 30_000 });

  const newcomer = await signedInClient('admin');
  const { data } = await newcomer.client.from('profiles').select('id, full_name, group_id, user_roles(role)').eq('email', 'e2e.newcomer@bizdesk.test').single();
  expect(data).toMatchObject({ full_name: '测试新人', group_id: '30000000-0000-4000-8000-000000000001', user_roles: [{ role: 'salesperson' }] });

  await page.getByPlaceholder('按姓名搜索').fill('测试新人');
  await page.getByPlaceholder('按姓名搜索').press('Enter');
  const row = page.locator('tbody tr', { hasText: '测试新人' });
  await expect(row).toContainText('业务员');
  await row.getByRole('button', { name: /停\s?用/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确 ?定|OK/ }).click();
  await expect(row.getByTestId('status-tag')).toHaveAttribute('data-status', 'left');
});

test('a duplicate email is shown on the field, not as a raw error', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/users/create');
  await page.getByLabel('邮箱').fill('sales2@bizdesk.test');
  await page.getByLabel('密码').fill('Another#2026');
  await page.getByLabel('姓名').fill('重复邮箱');
  await page.getByLabel('角色').click();
  await option(page, '业务员').click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /保存/ }).click();
  await expect(page.locator('.ant-form-item-explain-error', { hasText: '该邮箱已被使用' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('{')).toHaveCount(0);
});
