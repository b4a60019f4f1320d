// The sales journey of issue 9: a salesperson creates a customer with a contact, logs a follow-up
// and makes a quotation over the discount threshold; the group leader approves it in the inbox;
// the salesperson marks it sent.
import dayjs from 'dayjs';
import { test, expect, signIn, signedInClient } from './fixtures.ts';

const ok = (page: import('@playwright/test').Page) =>
  page.locator('.ant-modal:visible').getByRole('button', { name: /^(确\s?定|OK)$/ });

test('customer, contact, follow-up, quotation over the threshold, approval, sent', async ({ page }) => {
  const name = `E2E 华北重工 ${Date.now()}`;
  await signIn(page, 'sales1');
  await page.goto('/customers/create');
  await page.getByTestId('customer-name').fill(name);
  await page.getByRole('button', { name: /保存/ }).click();
  await expect(page).toHaveURL(/\/customers\/show\//);

  await page.getByTestId('add-contact').click();
  await page.getByTestId('contact-name').fill('王经理');
  await ok(page).click();
  await expect(page.getByRole('cell', { name: '王经理' })).toBeVisible();

  await page.getByTestId('add-follow-up').click();
  await page.getByTestId('follow-up-content').fill('电话沟通年度采购计划');
  await ok(page).click();
  await expect(page.getByTestId('timeline-follow-up')).toContainText('电话沟通年度采购计划');

  await page.getByRole('button', { name: '新建报价' }).click();
  await expect(page).toHaveURL(/\/quotations\/create\?customer_id=/);
  await page.locator('input#valid_until').click();
  await page.locator('input#valid_until').fill(dayjs().add(30, 'day').format('YYYY-MM-DD'));
  await page.locator('input#valid_until').press('Enter');
  await page.getByRole('button', { name: /保存/ }).click();
  await expect(page).toHaveURL(/\/quotations\/show\//);
  const quotationId = page.url().split('/').pop()!;

  await page.getByTestId('add-line').click();
  await page.locator('input#product_name').fill('数控加工中心');
  await page.locator('input#quantity').fill('2');
  await page.locator('input#unit_price').fill('50000');
  await page.locator('input#discount').fill('12');
  await ok(page).click();
  await expect(page.getByTestId('quotation-total')).toContainText('88000');

  const panel = page.getByTestId('approval-panel');
  await panel.getByTestId('submit').click();
  await expect(panel.getByTestId('status-tag')).toHaveText('审批中');

  await page.getByTestId('logout').click();
  await signIn(page, 'leaderMkt');
  await page.goto('/inbox');
  await page.locator('tbody tr', { hasText: name }).getByTestId('open-request').click();
  const drawerPanel = page.getByTestId('approval-panel');
  await drawerPanel.getByTestId('approve').click();
  await page.getByTestId('decision-comment').fill('同意此折扣');
  await ok(page).click();
  await expect(drawerPanel.getByTestId('status-tag')).toHaveText('已通过');
  await page.goto('/');

  await page.getByTestId('logout').click();
  await signIn(page, 'sales1');
  await page.goto(`/quotations/show/${quotationId}`);
  await page.getByTestId('mark-sent').click();
  await expect(page.getByTestId('quotation-status')).toHaveText('已发送');
  const { client } = await signedInClient('sales1');
  const { data } = await client.from('quotations').select('status, total_amount, max_discount').eq('id', quotationId).single();
  expect(data).toEqual({ status: 'sent', total_amount: 88000, max_discount: 12 });
});

test('the similar-name warning appears before saving, and bad input shows field errors', async ({ page }) => {
  await signIn(page, 'sales3');
  await page.goto('/customers/create');
  await page.getByTestId('customer-name').fill('上海华东精密机械公司');
  await expect(page.getByTestId('similar-customers')).toContainText('上海华东精密机械有限公司');
  await page.getByTestId('credit-limit').fill('-5');
  await page.getByRole('button', { name: /保存/ }).click();
  await expect(page.getByText('不能小于 0')).toBeVisible();
  await expect(page).toHaveURL(/\/customers\/create/);
});

test('the pool: a salesperson lists unowned customers and claims one', async ({ page }) => {
  await signIn(page, 'sales2');
  await page.goto('/customers');
  await page.getByTestId('customer-scope').click();
  await page.locator('.ant-select-item-option', { hasText: '公海客户' }).click();
  const claim = page.getByTestId('claim-customer').first();
  await expect(claim).toBeVisible();
  const row = page.locator('tbody tr', { has: claim });
  const name = (await row.locator('td').first().innerText()).trim();
  await claim.click();
  await expect(page.getByText('已领取客户')).toBeVisible();
  const { client, id } = await signedInClient('sales2');
  const { data } = await client.from('customers').select('owner_id').eq('name', name).single();
  expect(data?.owner_id).toBe(id);
});
