// Import of quotations (issue 12), one file row per line: a salesperson imports an XLSX with two
// quotations (three lines) and a third whose only line is bad; the preview flags it, "valid only"
// imports the two as drafts and the list shows them with their totals. A role that may not create
// quotations sees no import button.
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { test, expect, signIn, signedInClient } from './fixtures.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CUSTOMER = '上海华东精密机械有限公司'; // sales1's

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('报价').addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('import quotations from XLSX: lines grouped by ref, the bad line flagged and skipped, totals in the list', async ({ page }) => {
  const prefix = `E2E 报价导入 ${Date.now()}`;
  const valid = dayjs().add(30, 'day').format('YYYY-MM-DD');
  const file = await workbook([
    ['报价编号', '客户', '标题', '有效期至', '产品', '名称', '数量', '单价', '折扣%'],
    ['Q1', CUSTOMER, `${prefix} 甲`, valid, 'P-SRV-11', null, 2, 1850, 10],
    ['Q2', CUSTOMER, `${prefix} 乙`, valid, null, '安装服务', 1, 800, null],
    ['Q1', null, null, null, null, '调试服务', 3, 100, null],
    ['Q3', CUSTOMER, `${prefix} 丙`, valid, null, '坏行', 0, 5, null],
  ]);
  await signIn(page, 'sales1');
  await page.goto('/quotations');
  await page.getByTestId('import-button').click();
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'quotations.xlsx', mimeType: XLSX_MIME, buffer: file });

  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.locator('.ant-select-selection-item')).toHaveText(['报价编号', '客户 (必填)', '标题', '有效期至 (必填)', '产品', '名称', '数量 (必填)', '单价 (必填)', '折扣%']);
  await page.getByTestId('import-next').click();

  await expect(page.getByTestId('import-summary')).toContainText('共 4 行：有效 3 行，有问题 1 行');
  await expect(page.getByTestId('import-parents')).toHaveText('有效行组成 2 张报价单');
  const problem = page.getByTestId('import-problem-row');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('数量: 须大于 0');
  await expect(problem.getByTestId('import-bad-cell')).toHaveText('0');
  await expect(page.getByTestId('import-mode-valid-only')).toBeChecked();
  await page.getByTestId('import-commit').click();

  await expect(page.getByTestId('import-result-title')).toHaveText('已导入 2 条记录');
  await expect(page.getByTestId('import-created')).toContainText(/BJ\d{8}-\d{5}, BJ\d{8}-\d{5}/);
  await expect(page.getByTestId('import-skipped').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByTestId('import-close').click();

  const search = page.getByPlaceholder('搜索标题');
  await search.fill(prefix);
  await search.press('Enter');
  const rows = page.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  // 2 × 1850 − 10% + 3 × 100 = 3630; 800.
  await expect(rows.filter({ hasText: `${prefix} 甲` })).toContainText('CNY 3630');
  await expect(rows.filter({ hasText: `${prefix} 乙` })).toContainText('CNY 800');
  await expect(rows.filter({ hasText: `${prefix} 甲` })).toContainText('草稿');

  const { client, id } = await signedInClient('sales1');
  const { data } = await client.from('quotations').select('title, status, owner_id, quotation_lines(product_name, quantity)').like('title', `${prefix}%`).order('title');
  expect(data).toEqual([
    { title: `${prefix} 乙`, status: 'draft', owner_id: id, quotation_lines: [{ product_name: '安装服务', quantity: 1 }] },
    {
      title: `${prefix} 甲`, status: 'draft', owner_id: id,
      quotation_lines: expect.arrayContaining([{ product_name: '伺服电机', quantity: 2 }, { product_name: '调试服务', quantity: 3 }]),
    },
  ]);
});

test('no quotation import for a role that may not create quotations', async ({ page }) => {
  await signIn(page, 'hr');
  await page.goto('/quotations');
  await expect(page.getByTestId('export')).toBeVisible();
  await expect(page.getByTestId('import-button')).toHaveCount(0);
});
