// The sales journey of issue 9: a salesperson creates a customer with a contact, logs a follow-up
// and makes a quotation over the discount threshold; the group leader approves it in the inbox;
// the salesperson marks it sent.
import dayjs from 'dayjs';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { test, expect, signIn, signedInClient, switchUser } from './fixtures.ts';

// The open modal's confirm button, by place rather than by name: after a refused submit antd keeps a
// collapsed loading icon whose label ("loading") stays in the button's accessible name.
const ok = (page: import('@playwright/test').Page) => page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary');

test('customer, contact, follow-up, quotation over the threshold, approval, sent', async ({ page }) => {
  // A long journey through three people: the default minute is tight on a busy 2-core machine.
  test.setTimeout(120_000);
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

  await switchUser(page, 'leaderMkt');
  await page.goto('/inbox');
  await page.locator('tbody tr', { hasText: name }).getByTestId('open-request').click();
  const drawerPanel = page.getByTestId('approval-panel');
  await drawerPanel.getByTestId('approve').click();
  await page.getByTestId('decision-comment').fill('同意此折扣');
  await ok(page).click();
  await expect(drawerPanel.getByTestId('status-tag')).toHaveText('已通过');
  await page.goto('/');

  await switchUser(page, 'sales1');
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

/** Creates customers as `who` through the API; returns their ids. */
async function arrangeCustomers(who: 'sales1' | 'sales2', names: string[]): Promise<string[]> {
  const { client } = await signedInClient(who);
  const { data, error } = await client.from('customers').insert(names.map((name) => ({ name }))).select('id');
  if (error) throw new Error(error.message);
  return data.map((r) => r.id as string);
}

async function searchCustomers(page: import('@playwright/test').Page, text: string) {
  await page.goto('/customers');
  const search = page.getByPlaceholder('搜索公司名称');
  await search.fill(text);
  await search.press('Enter');
}

test('the group leader reassigns a customer of sales1 to sales2, who then sees it', async ({ page }) => {
  const name = `E2E 转交客户 ${Date.now()}`;
  const [customerId] = await arrangeCustomers('sales1', [name]);
  const { client: sales2, id: sales2Id } = await signedInClient('sales2');
  const { data: before } = await sales2.from('customers').select('id').eq('id', customerId);
  expect(before).toEqual([]);
  const { data: receiver } = await sales2.from('profiles').select('full_name').eq('id', sales2Id).single();

  await signIn(page, 'leaderMkt');
  await searchCustomers(page, name);
  const row = page.locator('tbody tr', { hasText: name });
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('reassign-customers')).toBeDisabled();
  await row.locator('.ant-checkbox-input').check();
  await page.getByTestId('reassign-customers').click();
  const pick = async (fullName: string) => {
    await page.locator('.ant-modal:visible .ant-select').click();
    await page.keyboard.type(fullName);
    await page.locator('.ant-select-item-option', { hasText: fullName }).click();
  };
  // Refused: sales3 is in another group, outside the leader's scope; the error is translated and
  // the customer stays with sales1.
  const { client: sales3, id: sales3Id } = await signedInClient('sales3');
  const { data: outsider } = await sales3.from('profiles').select('full_name').eq('id', sales3Id).single();
  await pick(outsider!.full_name as string);
  // antd's own texts follow the app's language too.
  await expect(ok(page)).toHaveText(/^确\s?定$/);
  await expect(page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-default')).toHaveText(/^取\s?消$/);
  await ok(page).click();
  await expect(page.getByText('接收人必须是您管理范围内的在职同事')).toBeVisible();
  const { client: sales1, id: sales1Id } = await signedInClient('sales1');
  const { data: unchanged } = await sales1.from('customers').select('owner_id').eq('id', customerId).single();
  expect(unchanged?.owner_id).toBe(sales1Id);

  await pick(receiver!.full_name as string);
  await ok(page).click();
  await expect(page.getByText('已转交 1 个客户')).toBeVisible();
  await expect(row).toContainText(receiver!.full_name as string);

  const { data: after } = await sales2.from('customers').select('owner_id').eq('id', customerId).single();
  expect(after?.owner_id).toBe(sales2Id);
  await switchUser(page, 'sales2');
  await searchCustomers(page, name);
  await expect(page.locator('tbody tr', { hasText: name })).toBeVisible();
});

test('a salesperson has no reassign button nor row selection', async ({ page }) => {
  const name = `E2E 无转交 ${Date.now()}`;
  await arrangeCustomers('sales1', [name]);
  await signIn(page, 'sales1');
  await searchCustomers(page, name);
  await expect(page.locator('tbody tr', { hasText: name })).toBeVisible();
  await expect(page.getByTestId('export')).toBeVisible();
  await expect(page.getByTestId('reassign-customers')).toHaveCount(0);
  await expect(page.locator('tbody .ant-checkbox-input')).toHaveCount(0);
});

test('export to XLSX: the current filter, all rows, the visible columns with translated headers', async ({ page }) => {
  const prefix = `E2E 导出 ${Date.now()}`;
  await arrangeCustomers('sales1', [`${prefix} 甲`, `${prefix} 乙`, `${prefix} 丙`]);
  await signIn(page, 'sales1');
  // Hide the city column: it leaves the table and the export, and stays hidden after a reload.
  await page.goto('/customers');
  await expect(page.locator('thead th', { hasText: '城市' })).toBeVisible();
  await page.getByTestId('column-chooser').click();
  await page.getByTestId('column-city').click();
  await expect(page.locator('thead th', { hasText: '城市' })).toHaveCount(0);
  await searchCustomers(page, prefix);
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(3);
  await expect(page.locator('thead th', { hasText: '城市' })).toHaveCount(0);

  await page.getByTestId('export').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^客户管理-\d{8}-\d{6}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0];
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['公司名称', '行业', '客户等级', '客户阶段', '负责人', '所属小组', '标签', '最近跟进', '下次跟进']);
  expect(sheet.rowCount).toBe(4);
  const names = [2, 3, 4].map((i) => sheet.getRow(i).getCell(1).value);
  expect(names.sort()).toEqual([`${prefix} 丙`, `${prefix} 乙`, `${prefix} 甲`].sort());
  expect(sheet.getRow(2).getCell(3).value).toBe('潜在客户');

  // CSV of the same filter: UTF-8 with a BOM so Excel reads the Chinese, header plus three rows.
  await page.getByTestId('export').click();
  const downloadingCsv = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = fs.readFileSync((await (await downloadingCsv).path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('公司名称,行业,客户等级,客户阶段,负责人,所属小组,标签,最近跟进,下次跟进');
  expect(lines).toHaveLength(4);
});
