// The document registers of issue 11: a paper loan asked for, approved with a due date, lent and
// returned, with the overdue loan flagged; HR records a confidentiality agreement with its scan;
// HR hands a leaver's records over to a colleague and sees the sheet of every moved record.
import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect, apiClient, signIn, signedInClient, switchUser } from './fixtures.ts';
import { DEMO_PASSWORD, GROUPS } from '../helpers/demo.ts';

const rows = (page: Page) => page.locator('tbody tr.ant-table-row');

async function pickOption(page: Page, fieldId: string, text: string) {
  await page.locator(`.ant-select:has(#${fieldId})`).click();
  await page.locator(`#${fieldId}`).fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

test('a paper loan: request → archivist approves with a due date → lent → returned; the overdue loan is flagged', async ({ page }) => {
  const item = `投标资质原件 ${crypto.randomUUID().slice(0, 6)}`;
  await signIn(page, 'sales2');
  await page.goto('/documents/loans');
  await page.getByTestId('loan-new').click();
  await page.getByTestId('loan-item').fill(item);
  await page.getByTestId('loan-purpose').fill('投标用');
  await page.locator('#loan-ok').click();
  const mine = rows(page).filter({ hasText: item });
  await expect(mine.getByTestId('status-tag')).toHaveAttribute('data-status', 'requested');
  // The borrower cannot decide their own loan: no buttons.
  await expect(mine.getByTestId('loan-approve')).toHaveCount(0);

  await switchUser(page, 'archivist');
  await page.goto('/documents/loans');
  const loan = rows(page).filter({ hasText: item });
  await loan.getByTestId('loan-approve').click();
  await page.locator('#loan-approve-ok').click();
  await expect(loan.getByTestId('status-tag')).toHaveAttribute('data-status', 'approved');
  await loan.getByTestId('loan-lend').click();
  await expect(loan.getByTestId('status-tag')).toHaveAttribute('data-status', 'lent');
  await expect(loan.getByTestId('loan-overdue')).toHaveCount(0);
  await loan.getByTestId('loan-return').click();
  await expect(loan.getByTestId('status-tag')).toHaveAttribute('data-status', 'returned');
  // The seeded loan past its due date is flagged.
  await expect(rows(page).filter({ hasText: '2025 年度合同原件（第 3 盒）' }).getByTestId('loan-overdue')).toBeVisible();
});

test('HR records an agreement with its scan, then hands a leaver over and sees the sheet', async ({ page }) => {
  test.setTimeout(120_000);
  // A person of our own to leave (a handover blocks their sign-in), owning one document.
  const { client: admin } = await signedInClient('admin');
  const suffix = crypto.randomUUID().slice(0, 6);
  const email = `leaver.${suffix}@bizdesk.test`;
  const created = await admin.functions.invoke('admin-users', {
    body: { action: 'create', email, password: DEMO_PASSWORD, full_name: `离职测试${suffix}`, roles: ['salesperson'], group_id: GROUPS.marketing },
  });
  expect(created.error).toBeNull();
  const leaver = (created.data as { user: { id: string } }).user.id;
  const leaverClient = apiClient();
  expect((await leaverClient.auth.signInWithPassword({ email, password: DEMO_PASSWORD })).error).toBeNull();
  const docTitle = `客户拜访纪要 ${suffix}`;
  const doc = await leaverClient.from('documents').insert({ title: docTitle, category: 'meeting_minutes', owner_id: leaver }).select('id').single();
  expect(doc.error).toBeNull();

  // The new colleague has no agreement yet; HR records one with a scan.
  await signIn(page, 'hr');
  await page.goto('/hr/agreements');
  await page.getByRole('tab', { name: /未签署人员/ }).click();
  const missing = page.getByTestId('agreement-missing').locator('tbody tr.ant-table-row').filter({ hasText: `离职测试${suffix}` });
  await missing.getByTestId('agreement-record').click();
  await page.locator('#signed_on').fill('2026-11-02');
  await page.locator('#signed_on').press('Enter');
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'agreement.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 signed') });
  await page.locator('#agreement-ok').click();
  await expect(missing).toHaveCount(0);
  await page.getByRole('tab', { name: '已签署' }).click();
  await expect(page.getByTestId('agreement-table').locator('tbody tr.ant-table-row').filter({ hasText: `离职测试${suffix}` })).toHaveCount(1);

  // The handover moves the document to sales2 and lists it on the sheet.
  await page.goto('/handovers');
  await page.getByTestId('handover-new').click();
  await pickOption(page, 'leaver_id', `离职测试${suffix}`);
  await pickOption(page, 'receiver_id', '孙婷');
  await page.locator('#handover-next').click();
  await expect(page.getByText(`确认将 离职测试${suffix} 的全部客户`)).toBeVisible();
  await page.locator('#handover-confirm').click();
  await expect(page).toHaveURL(/\/handovers\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('handover-leaver')).toHaveText(`离职测试${suffix}`);
  await expect(page.getByTestId('handover-receiver')).toHaveText('孙婷');
  await expect(page.getByTestId('handover-count')).toHaveText('1');
  await expect(page.getByTestId('handover-items')).toContainText(docTitle);

  const { client: receiver, id: receiverId } = await signedInClient('sales2');
  const moved = await receiver.from('documents').select('owner_id').eq('id', doc.data!.id).single();
  expect(moved.data).toEqual({ owner_id: receiverId });
  // The leaver can no longer sign in.
  expect((await apiClient().auth.signInWithPassword({ email, password: DEMO_PASSWORD })).error).not.toBeNull();

  await page.goto('/handovers');
  await expect(rows(page).filter({ hasText: `离职测试${suffix}` })).toHaveCount(1);
});

test('the library narrows by category and by related record', async ({ page }) => {
  await signIn(page, 'sales1');
  await page.goto('/documents');
  await page.getByTestId('category-customer_files').click();
  await expect(rows(page).filter({ hasText: '上海华东精密机械客户档案' })).toHaveCount(1);
  await expect(rows(page).filter({ hasNotText: '客户资料' })).toHaveCount(0);
  await page.getByTestId('category-team').click();
  await expect(rows(page).filter({ hasText: '上海华东精密机械客户档案' })).toHaveCount(0);
  await expect(rows(page).filter({ hasText: '业务部规章制度汇编' })).toHaveCount(1);

  await page.getByTestId('category-all').click();
  const related = page.getByTestId('document-related-filter');
  await related.locator('.ant-select').first().click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '客户' }).first().click();
  await related.locator('.ant-select').nth(1).click();
  await related.locator('.ant-select').nth(1).locator('input').fill('上海华东');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '上海华东精密机械有限公司' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('上海华东精密机械客户档案');
});
