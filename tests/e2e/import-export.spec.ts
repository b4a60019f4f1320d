// Import and export of lists (issue 12): a salesperson imports an XLSX with one bad row into
// customers (the preview flags it, the valid rows go in, the report lists the skipped one); the
// manager exports the current view of the price list (search and sort) and the files hold exactly
// the rows the table shows, in its order; roles that may not create see no import button.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { test, expect, signIn, signedInClient } from './fixtures.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('import customers from XLSX: the bad row is flagged and skipped, the valid rows appear', async ({ page }) => {
  const prefix = `E2E 导入 ${Date.now()}`;
  const file = await workbook([
    ['公司名称', '城市', '客户等级', '负责人', '预算'],
    [`${prefix} 甲`, '北京', '重要客户', '赵磊', 1200.5],
    [`${prefix} 乙`, '上海', '一般客户', null, null],
    [`${prefix} 丙`, '广州', '超级客户', null, null],
  ]);
  await signIn(page, 'sales1');
  await page.goto('/customers');
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.getByTestId('import-button').click();
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'customers.xlsx', mimeType: XLSX_MIME, buffer: file });

  // Every header found its column.
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping).toBeVisible();
  await expect(mapping.locator('.ant-select-selection-item')).toHaveText(['公司名称 (必填)', '城市', '客户等级', '负责人', '预算']);
  // The workbook was read off the main thread.
  expect(workers.some((url) => url.includes('read-worker'))).toBe(true);
  await page.getByTestId('import-next').click();

  await expect(page.getByTestId('import-summary')).toHaveText('共 3 行：有效 2 行，有问题 1 行');
  const problem = page.getByTestId('import-problem-row');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('4');
  await expect(problem).toContainText('客户等级: 请选择以下之一');
  await expect(problem.getByTestId('import-bad-cell')).toHaveText('超级客户');
  await expect(page.getByTestId('import-mode-valid-only')).toBeChecked();
  await page.getByTestId('import-commit').click();

  await expect(page.getByTestId('import-result-title')).toHaveText('已导入 2 条记录');
  await expect(page.getByTestId('import-skipped').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByTestId('import-close').click();

  const search = page.getByPlaceholder('搜索公司名称');
  await search.fill(prefix);
  await search.press('Enter');
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(2);
  const { client } = await signedInClient('sales1');
  const { data } = await client.from('customers').select('name, city, level, budget').like('name', `${prefix}%`).order('name');
  expect(data).toEqual([
    { name: `${prefix} 乙`, city: '上海', level: 'general', budget: null },
    { name: `${prefix} 甲`, city: '北京', level: 'key', budget: 1200.5 },
  ]);
});

test('all or nothing: one bad row and nothing is imported', async ({ page }) => {
  const prefix = `E2E 全有全无 ${Date.now()}`;
  const file = await workbook([['Company name', 'Level'], [`${prefix} 1`, 'key'], [`${prefix} 2`, 'nope']]);
  await signIn(page, 'sales1');
  await page.goto('/customers');
  await page.getByTestId('import-button').click();
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'c.xlsx', mimeType: XLSX_MIME, buffer: file });
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-mode-all-or-nothing').click();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result-title')).toContainText('第 3 行');
  const { client } = await signedInClient('sales1');
  const { data } = await client.from('customers').select('id').like('name', `${prefix}%`);
  expect(data).toEqual([]);
});

test('a malformed or huge file gets a clear message and the wizard stays usable', async ({ page }) => {
  // Handing Chromium a 21 MB file takes a while on a loaded machine.
  test.setTimeout(150_000);
  await signIn(page, 'sales1');
  await page.goto('/customers');
  await page.getByTestId('import-button').click();
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'broken.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from('not a workbook') });
  await expect(page.getByTestId('import-file-error')).toHaveText('文件已损坏或不是有效的 CSV / XLSX 文件');
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(21 * 1024 * 1024, 'a') });
  await expect(page.getByTestId('import-file-error')).toHaveText('文件超过 20 MB，无法导入');
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'ok.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF公司名称\nE2E 坏文件后 1\n') });
  await expect(page.getByTestId('import-mapping')).toBeVisible();
});

test('10k rows: read, checked and committed from the browser in one request', async ({ page }) => {
  // Seconds on an idle machine; generous bounds for a loaded CI runner.
  test.setTimeout(180_000);
  const prefix = `E2E 万行 ${Date.now()}`;
  const csv = '\uFEFF公司名称,城市\n' + Array.from({ length: 10000 }, (_, i) => `${prefix} ${i},城${i % 30}`).join('\n');
  await signIn(page, 'sales1');
  await page.goto('/customers');
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/rest/v1/customers')) writes.push(r.url());
  });
  await page.getByTestId('import-button').click();
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-summary')).toHaveText('共 10000 行：有效 10000 行，有问题 0 行', { timeout: 60_000 });
  await expect(page.getByTestId('import-mode-all-or-nothing')).toBeChecked();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result-title')).toHaveText('已导入 10000 条记录', { timeout: 60_000 });
  expect(writes).toHaveLength(1);
  const { client } = await signedInClient('sales1');
  const { count } = await client.from('customers').select('id', { count: 'exact', head: true }).like('name', `${prefix} %`);
  expect(count).toBe(10000);
});

test('export the current view of the price list: searched and sorted rows, in the table order', async ({ page }) => {
  const prefix = `E2EX${Date.now()}`;
  const { client } = await signedInClient('manager');
  const { error } = await client.from('products').insert([
    { code: `${prefix}-1`, name: `${prefix} 螺栓`, list_price: 5, unit: '件' },
    { code: `${prefix}-2`, name: `${prefix} 轴承`, list_price: 80, unit: '套' },
    { code: `${prefix}-3`, name: `${prefix} 电机`, list_price: 1200, unit: '台' },
  ]);
  expect(error).toBeNull();
  await signIn(page, 'manager');
  await page.goto('/products');
  const search = page.getByPlaceholder('搜索产品');
  await search.fill(prefix);
  await search.press('Enter');
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(3);
  // Sort by list price, highest first (two clicks: ascending, then descending).
  const priceHeader = page.locator('thead th', { hasText: '标准价' });
  await priceHeader.click();
  await priceHeader.click();
  await expect(page.locator('tbody tr.ant-table-row').first()).toContainText('电机');
  const shown = await page.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
  expect(shown).toEqual([`${prefix} 电机`, `${prefix} 轴承`, `${prefix} 螺栓`]);

  await page.getByTestId('export').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await (await downloading).path())!);
  const sheet = wb.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['编码', '产品', '规格', '单位', '标准价', '币种', '在售']);
  expect(sheet.rowCount).toBe(4);
  expect([2, 3, 4].map((i) => sheet.getRow(i).getCell(2).value)).toEqual(shown);
  expect(sheet.getRow(2).getCell(5).value).toBe(1200);

  await page.getByTestId('export').click();
  const downloadingCsv = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = fs.readFileSync((await (await downloadingCsv).path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(shown);
});

test('no import button for roles that may not create the records', async ({ page }) => {
  await signIn(page, 'sales1');
  await page.goto('/products');
  await expect(page.getByTestId('export')).toBeVisible();
  await expect(page.getByTestId('import-button')).toHaveCount(0);
  await page.goto('/customers');
  await expect(page.getByTestId('import-button')).toBeVisible();
});
