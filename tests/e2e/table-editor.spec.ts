// The admin table editor: open a table, edit a cell, paste a 3×4 block from clipboard text, see a
// refused cell's message with nothing saved, undo; a salesperson is refused by URL; a manager
// reads without editing. Works on products made for the test (the run shares one database).
import type { Page } from '@playwright/test';
import { test, expect, signIn, signedInClient } from './fixtures.ts';

interface Product {
  id: string;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  list_price: number;
}

async function makeProducts(tag: string): Promise<Product[]> {
  const { client } = await signedInClient('admin');
  const rows = [1, 2, 3, 4].map((i) => ({ code: `${tag}-${i}`, name: `表格产品${i}`, spec: `S${i}`, unit: '件', list_price: i * 10 }));
  const { data, error } = await client.from('products').insert(rows).select('id, code, name, spec, unit, list_price');
  if (error) throw error;
  return (data as Product[]).sort((a, b) => a.code.localeCompare(b.code));
}

async function readProducts(tag: string): Promise<Product[]> {
  const { client } = await signedInClient('admin');
  const { data } = await client.from('products').select('id, code, name, spec, unit, list_price').like('code', `${tag}-%`).order('code');
  return (data ?? []) as Product[];
}

/** Opens products filtered to this test's rows, sorted by code. */
async function openProducts(page: Page, tag: string) {
  await page.goto('/admin/data/products');
  await expect(page.getByTestId('table-grid')).toBeVisible();
  await page.getByTestId('filter-code').click();
  await page.getByTestId('filter-input-code').fill(tag);
  await page.getByTestId('filter-input-code').press('Enter');
  await expect(page.getByTestId('row-count')).toHaveText('共 4 行');
  await page.locator('.rdg-header-row [role=columnheader]', { hasText: '编码' }).locator('.te-header-title').click();
  await expect(page.getByTestId('cell-0-code')).toHaveText(`${tag}-1`);
}

async function paste(page: Page, rows: string[][]) {
  const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('an admin edits a cell, pastes a block, sees a refused cell and undoes', async ({ page }) => {
  const tag = `TE${Date.now().toString(36)}`;
  await makeProducts(tag);
  await signIn(page, 'admin');
  await openProducts(page, tag);

  // Edit one cell in place.
  await page.getByTestId('cell-0-name').dblclick();
  await page.getByTestId('cell-editor').fill('改名产品');
  await page.getByTestId('cell-editor').press('Enter');
  await expect(page.getByTestId('cell-0-name')).toHaveText('改名产品');
  await expect.poll(async () => (await readProducts(tag))[0].name).toBe('改名产品');

  // A 3×4 block from Excel onto name, spec, unit, list_price of rows 1-3; a quoted cell holds a tab.
  const beforePaste = await readProducts(tag);
  await page.getByTestId('cell-0-name').click();
  await paste(page, [
    ['甲', '"规格\t一"', '箱', '1,200.50'],
    ['乙', '规格二', '套', '¥30'],
    ['丙', '', '个', '45'],
  ]);
  await expect(page.getByTestId('cell-2-name')).toHaveText('丙');
  const pasted = await readProducts(tag);
  expect(pasted.slice(0, 3).map((p) => [p.name, p.spec, p.unit, Number(p.list_price)])).toEqual([
    ['甲', '规格\t一', '箱', 1200.5],
    ['乙', '规格二', '套', 30],
    ['丙', null, '个', 45],
  ]);
  expect(pasted[3]).toEqual(beforePaste[3]);

  // One refused cell (a negative price breaks the table's check): nothing of the block is saved.
  await page.getByTestId('cell-0-name').click();
  await paste(page, [
    ['丁', 'x', '件', '1'],
    ['戊', 'y', '件', '-5'],
  ]);
  await expect(page.getByTestId('edit-error')).toContainText('第 2 行');
  await expect(page.getByTestId('cell-1-list_price')).toHaveAttribute('data-error', /products_list_price_check/);
  expect(await readProducts(tag)).toEqual(pasted);

  // Undo takes the last applied batch (the block) back, in one write.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('cell-2-name')).toHaveText(beforePaste[2].name);
  await expect.poll(async () => (await readProducts(tag)).map((p) => [p.name, p.spec, p.unit, Number(p.list_price)])).toEqual(
    beforePaste.map((p) => [p.name, p.spec, p.unit, Number(p.list_price)]),
  );
  await expect(page.getByTestId('redo')).toBeEnabled();

  // Row history: the undo, the paste and the first edit of the name, newest first; restore one.
  await page.getByTestId('cell-0-name').click();
  await page.getByTestId('row-history-button').click();
  await expect(page.getByTestId('history-change-name')).toHaveCount(3);
  await expect(page.getByTestId('history-change-name').first()).toContainText('甲 → 改名产品');
  await page.getByTestId('history-change-name').first().getByTestId('restore-name').click();
  await expect(page.getByTestId('cell-0-name')).toHaveText('甲');
  await expect.poll(async () => (await readProducts(tag))[0].name).toBe('甲');
  await page.keyboard.press('Escape');

  // A range (Shift+click) copies as Excel text, and Ctrl+D fills its first row down.
  await page.getByTestId('cell-0-spec').click();
  await page.getByTestId('cell-2-unit').click({ modifiers: ['Shift'] });
  const copied = await page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
  const now = await readProducts(tag);
  expect(copied).toBe(now.slice(0, 3).map((p) => `${p.spec ?? ''}\t${p.unit}`).join('\r\n'));
  await page.keyboard.press('Control+d');
  await expect.poll(async () => (await readProducts(tag)).slice(0, 3).map((p) => [p.spec, p.unit])).toEqual([0, 1, 2].map(() => [now[0].spec, now[0].unit]));

  // Keyboard: arrows move, Enter edits, Escape leaves without saving, Tab saves and moves on.
  await page.getByTestId('cell-3-name').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.getByTestId('cell-editor').fill('不保存');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cell-editor')).toHaveCount(0);
  await expect(page.getByTestId('cell-3-spec')).toHaveText('S4');
  await page.keyboard.press('Enter');
  await page.getByTestId('cell-editor').fill('用 Tab 保存');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('cell-3-spec')).toHaveText('用 Tab 保存');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cell-editor')).toHaveValue('件');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await readProducts(tag))[3].spec).toBe('用 Tab 保存');
});

test('an admin adds a row and deletes it', async ({ page }) => {
  const tag = `TA${Date.now().toString(36)}`;
  await makeProducts(tag);
  await signIn(page, 'admin');
  await openProducts(page, tag);
  await page.getByTestId('add-row').click();
  await page.getByTestId('add-code').fill(`${tag}-5`);
  await page.getByTestId('add-name').fill('新增产品');
  await page.getByTestId('add-list_price').fill('12.5.0');
  await page.getByTestId('add-row-save').click();
  await expect(page.getByTestId('add-row-form')).toContainText('请输入金额');
  await page.getByTestId('add-list_price').fill('¥12.50');
  await page.getByTestId('add-row-save').click();
  await expect(page.getByTestId('row-count')).toHaveText('共 5 行');
  await expect(page.getByTestId('cell-4-name')).toHaveText('新增产品');
  expect((await readProducts(tag))[4]).toMatchObject({ code: `${tag}-5`, unit: '件', list_price: 12.5 });

  await page.getByTestId('cell-4-code').locator('xpath=ancestor::*[@role="row"]').locator('input[type=checkbox]').check();
  await page.getByTestId('delete-rows').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(page.getByTestId('row-count')).toHaveText('共 4 行');
  expect((await readProducts(tag)).map((p) => p.code)).toEqual([1, 2, 3, 4].map((i) => `${tag}-${i}`));
});

test('a delete of two rows that one refuses deletes neither and names the refused row', async ({ page }) => {
  const tag = `删除${Date.now().toString(36)}`;
  const { client } = await signedInClient('admin');
  const { data, error } = await client.from('customers').insert([1, 2].map((i) => ({ name: `${tag}-${i}` }))).select('id, name');
  if (error) throw error;
  const customers = data as { id: string; name: string }[];
  // A quotation keeps its customer (foreign key without cascade).
  const quoted = customers.find((c) => c.name === `${tag}-2`)!;
  const quotation = await client.from('quotations').insert({ customer_id: quoted.id, valid_until: '2099-12-31' });
  if (quotation.error) throw quotation.error;
  await signIn(page, 'admin');
  await page.goto('/admin/data/customers');
  await page.getByTestId('filter-name').click();
  await page.getByTestId('filter-input-name').fill(tag);
  await page.getByTestId('filter-input-name').press('Enter');
  await expect(page.getByTestId('row-count')).toHaveText('共 2 行');
  for (const row of [0, 1]) await page.getByTestId(`cell-${row}-name`).locator('xpath=ancestor::*[@role="row"]').locator('input[type=checkbox]').check();
  await page.getByTestId('delete-rows').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(page.getByTestId('delete-refused')).toContainText('未删除任何行');
  await expect(page.getByTestId('delete-refused')).toContainText(quoted.id);
  await expect(page.getByTestId('row-count')).toHaveText('共 2 行');
  const { data: left } = await client.from('customers').select('id').in('id', customers.map((c) => c.id));
  expect(left).toHaveLength(2);
});

test('a foreign key shows the referenced name and is picked by searching it; a refused boolean keeps its value', async ({ page }) => {
  const tag = `联系人${Date.now().toString(36)}`;
  const { client } = await signedInClient('admin');
  const { data: customers } = await client.from('customers').select('id, name').in('name', ['上海华东精密机械有限公司', '佛山南海陶瓷有限公司']);
  const byName = (name: string) => (customers as { id: string; name: string }[]).find((c) => c.name === name)!;
  const [shanghai, foshan] = [byName('上海华东精密机械有限公司'), byName('佛山南海陶瓷有限公司')];
  const { data: contact, error } = await client.from('contacts').insert({ customer_id: shanghai.id, name: tag }).select('id').single();
  if (error) throw error;
  await signIn(page, 'admin');
  await page.goto('/admin/data/contacts');
  await page.getByTestId('filter-name').click();
  await page.getByTestId('filter-input-name').fill(tag);
  await page.getByTestId('filter-input-name').press('Enter');
  await expect(page.getByTestId('row-count')).toHaveText('共 1 行');
  await expect(page.getByTestId('cell-0-customer_id')).toHaveText(shanghai.name);

  await page.getByTestId('cell-0-customer_id').dblclick();
  await page.getByTestId('fk-picker').locator('input').fill('南海陶瓷');
  await page.locator('.ant-select-item-option', { hasText: foshan.name }).click();
  await expect(page.getByTestId('cell-0-customer_id')).toHaveText(foshan.name);
  await expect.poll(async () => (await client.from('contacts').select('customer_id').eq('id', contact!.id).single()).data?.customer_id).toBe(foshan.id);

  // Columns are virtualised too: scroll the grid right to bring is_primary in.
  await page.getByTestId('table-grid').evaluate((grid) => grid.scrollBy({ left: 800 }));
  await page.getByTestId('cell-0-is_primary').dblclick();
  await page.locator('.ant-select-item-option', { hasText: '是' }).click();
  // The customer has a primary contact already: the database refuses, the cell says why.
  await expect(page.getByTestId('edit-error')).toContainText('contacts_one_primary');
  await expect(page.getByTestId('cell-0-is_primary')).toHaveAttribute('data-error', /contacts_one_primary/);
  await expect(page.getByTestId('cell-0-is_primary')).toHaveText('FALSE');
  expect((await client.from('contacts').select('is_primary').eq('id', contact!.id).single()).data?.is_primary).toBe(false);
});

test('rows arrive page by page as the grid scrolls, up to the last one', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/data/audit_log');
  await expect(page.getByTestId('row-count')).toHaveText(/共 \d+ 行/);
  const total = Number((await page.getByTestId('row-count').innerText()).replace(/\D/g, ''));
  expect(total).toBeGreaterThan(250); // more than two pages of 100
  await expect(page.getByTestId('cell-0-id')).not.toHaveText('…');
  await page.getByTestId('table-grid').evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
  await expect(page.getByTestId(`cell-${total - 1}-id`)).toHaveText(/^\d+$/);
});

test('a salesperson cannot open the table editor by URL', async ({ page }) => {
  await signIn(page, 'sales1');
  await page.goto('/admin/data/products');
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByTestId('table-grid')).toHaveCount(0);
  await page.goto('/admin/data');
  await expect(page.getByTestId('forbidden')).toBeVisible();
});

test('a manager reads a table without editing it', async ({ page }) => {
  const tag = `TM${Date.now().toString(36)}`;
  await makeProducts(tag);
  await signIn(page, 'manager');
  await openProducts(page, tag);
  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByTestId('undo')).toHaveCount(0);
  await page.getByTestId('cell-0-name').dblclick();
  await expect(page.getByTestId('cell-editor')).toHaveCount(0);
  await paste(page, [['不应写入']]);
  await expect(page.getByTestId('cell-0-name')).toHaveText('表格产品1');
});
