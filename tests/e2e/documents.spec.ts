// The secret-document journey of issue 11: the owner uploads a secret document; a colleague cannot
// find it and asks for access; the manager approves in 我的待办; the colleague downloads it once
// through the document-access function; the owner sees that access in the log; once the grant has
// run out the download is refused with a translated message.
import fs from 'node:fs';
import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect, apiClient, signIn, signedInClient, switchUser } from './fixtures.ts';

const rows = (page: Page) => page.locator('tbody tr.ant-table-row');

async function pickOption(page: Page, fieldId: string, text: string) {
  await page.locator(`.ant-select:has(#${fieldId})`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

async function searchLibrary(page: Page, text: string) {
  await page.goto('/documents');
  await page.getByPlaceholder('搜索标题或标签').fill(text);
  await page.getByPlaceholder('搜索标题或标签').press('Enter');
}

test('secret document: upload → refused colleague asks → manager approves → one download → logged → refused after expiry', async ({ page }) => {
  test.setTimeout(180_000);
  const suffix = crypto.randomUUID().slice(0, 6);
  const title = `底价测算 ${suffix}`;
  const tag = `底价-${suffix}`;
  // Plain text: a PDF would come back stamped with the reader's name (a copy, not these bytes).
  const content = `secret prices ${title}`;

  // The owner uploads a secret document (stored through the function: the storage API refuses secret
  // files), then a second version.
  await signIn(page, 'sales1');
  await page.goto('/documents');
  await page.getByTestId('document-upload').click();
  await page.locator('#title').fill(title);
  await pickOption(page, 'category', '市场调研报告');
  await expect(page.locator('.ant-modal .ant-tag').filter({ hasText: '内部' }).first()).toBeVisible(); // the category's default level
  await pickOption(page, 'access_level', '机密');
  await page.locator('#tags').fill(tag);
  await page.locator('#tags').press('Enter');
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'prices.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
  await page.locator('#document-upload-ok').click();
  await expect(page).toHaveURL(/\/documents\/show\/[0-9a-f-]{36}$/);
  const docId = page.url().split('/').pop()!;
  await expect(page.getByTestId('document-level')).toHaveText('机密');
  await expect(page.getByTestId('version-table').locator('tbody tr.ant-table-row')).toHaveCount(1);
  // A new version keeps the first one.
  await page.getByTestId('versions-card').locator('input[type=file]').setInputFiles({ name: 'prices.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
  await expect(page.getByTestId('version-table').locator('tbody tr.ant-table-row')).toHaveCount(2);
  // Lowering the level is the manager's: the owner is told so and the level stays.
  await pickOption(page, 'level-select', '内部');
  await page.getByTestId('level-save').click();
  await expect(page.locator('.ant-message')).toContainText('只有部门经理可以降低密级');
  await expect(page.getByTestId('document-level')).toHaveText('机密');
  // The owner finds it in the library by its tag (a server-side search over titles and tags).
  await searchLibrary(page, tag);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText(title);

  // A colleague does not find it in the library, and its page offers only the request form.
  await switchUser(page, 'sales2');
  await searchLibrary(page, title);
  await expect(page.locator('.ant-table-placeholder')).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
  await page.goto(`/documents/show/${docId}`);
  await expect(page.getByTestId('no-access')).toBeVisible();
  await expect(page.getByTestId('document-download')).toHaveCount(0);
  await page.getByTestId('request-reason').fill('准备华东报价，需要参考底价');
  await page.locator('#period_days').fill('3');
  await page.getByTestId('request-send').click();
  await expect(page.getByTestId('grant-state')).toHaveAttribute('data-state', 'pending');

  // The department manager approves it in 我的待办.
  await switchUser(page, 'manager');
  await page.goto('/inbox');
  const task = rows(page).filter({ hasText: title });
  await expect(task).toHaveCount(1);
  await task.getByTestId('row-approve').click();
  await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).click();
  await expect(task).toHaveCount(0);

  // The colleague now downloads it once, through the function, as a short-lived signed URL.
  await switchUser(page, 'sales2');
  await page.goto(`/documents/show/${docId}`);
  await expect(page.getByTestId('document-title')).toHaveText(title);
  const opened = page.waitForResponse((r) => r.url().includes('/functions/v1/document-access') && r.request().method() === 'POST');
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('document-download').click();
  const answer = await (await opened).json();
  expect(answer).toMatchObject({ expires_in: 60, version_no: 2, file_name: '孙婷-prices.txt' });
  const file = await downloaded;
  expect(file.suggestedFilename()).toBe('孙婷-prices.txt');
  expect(fs.readFileSync((await file.path())!, 'utf8')).toBe(content);

  // The owner sees that access in the log.
  await switchUser(page, 'sales1');
  await page.goto(`/documents/show/${docId}`);
  const log = page.getByTestId('access-log');
  await expect(log.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(log).toContainText('孙婷');
  await expect(page.getByTestId('access-requests')).toContainText('孙婷');

  // The grant runs out while the colleague has the page open: the next download is refused.
  await switchUser(page, 'sales2');
  await page.goto(`/documents/show/${docId}`);
  await expect(page.getByTestId('document-title')).toHaveText(title);
  const { client } = await signedInClient('sales2');
  const request = await client.from('document_access_requests').select('id').eq('document_id', docId).single();
  expect(request.error).toBeNull();
  const expired = await apiClient(process.env.E2E_SERVICE_KEY).rpc('e2e_expire_document_grant', { request_id: request.data!.id });
  expect(expired.error).toBeNull();
  const refused = page.waitForResponse((r) => r.url().includes('/functions/v1/document-access') && r.request().method() === 'POST');
  await page.getByTestId('document-download').click();
  expect((await refused).status()).toBe(403);
  await expect(page.locator('.ant-message')).toContainText('你没有有效的查阅授权');
  // The page then shows the document as closed again, with the grant marked expired.
  await expect(page.getByTestId('no-access')).toBeVisible();
  await expect(page.getByTestId('grant-state')).toHaveAttribute('data-state', 'expired');
  // Still one logged access: the refusal opened nothing.
  const { client: owner } = await signedInClient('sales1');
  const entries = await owner.from('document_access_log').select('user_id').eq('document_id', docId);
  expect(entries.data).toHaveLength(1);
});
