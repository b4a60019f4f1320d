// The contract journey of issue 10: an approved quotation becomes a contract; the manager approves,
// legal rejects with a comment, the salesperson sees the reason and resubmits, manager and legal
// approve; the signed scan is uploaded with a progress bar and the contract marked signed; the
// archivist records the original; finance records a payment; the receivables and ageing follow.
import type { Page } from '@playwright/test';
import { test, expect, signIn, signedInClient, switchUser } from './fixtures.ts';

// BJ2026-0008 of the demo seed: approved, owned by sales1 (赵磊), three lines.
const QUOTATION = '53000000-0000-4000-8000-000000000008';

async function switchTo(page: Page, who: Parameters<typeof signIn>[1], contractId: string) {
  await switchUser(page, who);
  await page.goto(`/contracts/show/${contractId}`);
}

async function decide(page: Page, kind: 'approve' | 'reject', comment?: string) {
  const panel = page.getByTestId('approval-panel');
  await panel.getByTestId(kind).click();
  if (comment) await page.getByTestId('decision-comment').fill(comment);
  await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).click();
  await expect(panel.getByTestId(kind)).toHaveCount(0);
}

// antd puts a data-testid on the <input> itself or on its wrapper, depending on the control.
const inputOf = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

const status = (page: Page) => page.getByTestId('contract-status');

test('quotation → contract → approvals with a rejection → signed scan → archive → payment → receivables', async ({ page }) => {
  // The whole journey through six people: about 1.5 min alone, up to 3 on a busy 2-core machine.
  test.setTimeout(300_000);
  await signIn(page, 'sales1');
  await page.goto(`/quotations/show/${QUOTATION}`);
  await page.getByTestId('create-contract').click();
  await expect(page).toHaveURL(/\/contracts\/show\/[0-9a-f-]{36}$/);
  const contractId = page.url().split('/').pop()!;
  await expect(status(page)).toHaveText('草稿');
  await expect(page.getByTestId('contract-lines').locator('tbody tr.ant-table-row')).toHaveCount(3);
  await page.getByTestId('approval-panel').getByTestId('submit').click();
  await expect(status(page)).toHaveText('经理审核');

  // The list finds it by its number (a server-side search).
  const { client: sales } = await signedInClient('sales1');
  const contractNo = (await sales.from('contracts').select('contract_no').eq('id', contractId).single()).data!.contract_no as string;
  await page.goto('/contracts');
  await page.getByPlaceholder('搜索编号或标题').fill(contractNo);
  await page.getByPlaceholder('搜索编号或标题').press('Enter');
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.locator('tbody tr.ant-table-row')).toContainText(contractNo);

  await switchTo(page, 'manager', contractId);
  await decide(page, 'approve', '同意');
  await expect(status(page)).toHaveText('法务审核');

  await switchTo(page, 'legal', contractId);
  await decide(page, 'reject', '违约条款需明确违约金比例');
  await expect(status(page)).toHaveText('草稿');

  await switchTo(page, 'sales1', contractId);
  await expect(page.getByTestId('reject-reason')).toContainText('违约条款需明确违约金比例');
  await page.getByTestId('approval-panel').getByTestId('submit').click();
  await expect(status(page)).toHaveText('经理审核');

  await switchTo(page, 'manager', contractId);
  await decide(page, 'approve');
  await switchTo(page, 'legal', contractId);
  await decide(page, 'approve', '条款已补充');
  // The amount is over the customer's remaining credit: the page warns and the GM decides too.
  await expect(page.getByTestId('credit-warning')).toBeVisible();
  await expect(status(page)).toHaveText('总经理审核');
  await switchTo(page, 'gm', contractId);
  await decide(page, 'approve');
  await expect(status(page)).toHaveText('已批准');

  // The scan upload is held back a moment so the progress bar can be seen.
  await switchTo(page, 'sales1', contractId);
  await page.route('**/storage/v1/object/contracts/**', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  const signing = page.getByTestId('signing-card');
  // A wrong file type is refused with a message and nothing is stored.
  await signing.locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
  await expect(page.getByText('不支持的文件类型')).toBeVisible();
  await expect(signing.getByTestId('file-item')).toHaveCount(0);
  await signing.locator('input[type=file]').setInputFiles({ name: 'signed.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% signed\n%%EOF\n') });
  await expect(page.getByTestId('upload-progress')).toBeVisible();
  await expect(signing.getByTestId('file-item')).toHaveText(/signed\.pdf/);
  await page.getByTestId('mark-signed').click();
  await expect(status(page)).toHaveText('已签订');

  // Payment plan: one instalment for the whole amount, due in the past so it is overdue.
  await inputOf(page, 'instalment-due').fill('2026-09-01');
  await inputOf(page, 'instalment-due').press('Enter');
  await inputOf(page, 'instalment-amount').fill('329352');
  await page.getByTestId('instalment-add').click();
  await expect(page.getByTestId('instalments').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByTestId('submit-plan').click();
  await expect(page.getByTestId('submit-plan')).toHaveCount(0);
  await expect(page.getByTestId('instalments')).toContainText('逾期');
  // The overdue instalment is collected: a call with its result shows under collection.
  await page.getByTestId('collect').click();
  await page.getByTestId('collection-result').fill('客户承诺月底付款');
  await page.locator('#collection-ok').click();
  await page.getByRole('tab', { name: '催收记录' }).click();
  await expect(page.getByTestId('collection-actions')).toContainText('客户承诺月底付款');

  await switchTo(page, 'archivist', contractId);
  await page.getByTestId('archive-cabinet-input').fill('B-2');
  await page.getByTestId('archive-box-input').fill('H088');
  await page.getByTestId('archive-save').click();
  await expect(page.getByTestId('archive-cabinet')).toHaveText('B-2');

  await switchTo(page, 'finance', contractId);
  await page.getByTestId('record-payment').click();
  await inputOf(page, 'payment-amount').fill('100000');
  await page.locator('#payment-ok').click();
  await expect(page.getByTestId('payments').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('instalment-paid')).toHaveText('100000');

  // Receivables: the open instalment with its outstanding amount, overdue since 2026-09-01.
  await page.goto('/receivables');
  await page.getByTestId('overdue-only').click();
  await page.getByTestId('receivables-search').fill(contractNo);
  await page.getByTestId('receivables-search').press('Enter');
  const rows = page.getByTestId('receivables-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(contractNo);
  await expect(rows.first()).toContainText('229352');
  await expect(rows.first()).toContainText('逾期');
  // Ageing: the rest of this instalment (due 2026-09-01) sits in an overdue bucket of the
  // customer's row, and the page shows the row's total as the view computes it.
  const { client } = await signedInClient('finance');
  const ageing = (await client.from('receivables_ageing_today').select('*').eq('customer_id', '50000000-0000-4000-8000-000000000001')).data!;
  const overdue = ageing.reduce((s, r) => s + Number(r.d31_60) + Number(r.d61_90) + Number(r.d90_plus), 0);
  expect(overdue).toBeGreaterThanOrEqual(229352);
  await page.getByTestId('ageing-search').fill(ageing[0].customer_name as string);
  await page.getByTestId('ageing-search').press('Enter');
  const ageingRows = page.getByTestId('ageing-table').locator('tbody tr.ant-table-row', { hasText: ageing[0].customer_name as string });
  await expect(ageingRows.filter({ hasText: String(Number(ageing[0].total_outstanding)) })).not.toHaveCount(0);
});

test('the contracts menu follows who may read contracts', async ({ page }) => {
  await signIn(page, 'hr');
  await page.goto('/');
  await expect(page.locator('.ant-layout-sider')).not.toContainText('合同');
  await page.getByTestId('logout').click();
  await signIn(page, 'finance');
  await expect(page.locator('.ant-layout-sider')).toContainText('合同');
});

// The approval block of the last change request on the contract page (the contract has its own).
async function decideChange(page: Page, kind: 'approve' | 'reject') {
  await page.getByRole('tab', { name: '变更与终止' }).click();
  const panel = page.getByTestId('contract-change').last().getByTestId('approval-panel');
  await panel.getByTestId(kind).click();
  await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).click();
  await expect(panel.getByTestId(kind)).toHaveCount(0);
}

test('a signed contract: a delivery-date change approved by manager and legal; an order with a stage and a shipment', async ({ page }) => {
  test.setTimeout(180_000);
  // The first demo seller who owns a signed contract with an order (the seed spreads them over owners).
  let owner: Parameters<typeof signIn>[1] | undefined;
  let found: { id: string; delivery_on: string }[] = [];
  for (const who of ['sales1', 'sales2', 'sales3', 'cs1', 'leaderMkt', 'leaderPe', 'leaderCs'] as const) {
    const { client, id } = await signedInClient(who);
    // A seeded one, which already has an order (the first test's contract has none).
    const rows = (await client.from('contracts').select('id, delivery_on, orders(id)').eq('status', 'signed').eq('owner_id', id).order('contract_no')).data!;
    found = rows.filter((r) => (r.orders as unknown[]).length > 0);
    if (found.length > 0) {
      owner = who;
      break;
    }
  }
  expect(owner).toBeDefined();
  const contractId = found[0].id as string;
  const oldDate = found[0].delivery_on as string;
  const newDate = new Date(Date.parse(`${oldDate}T00:00:00Z`) + 15 * 86_400_000).toISOString().slice(0, 10);

  const { client } = await signedInClient(owner!);
  const firstLine = (await client.from('contract_lines').select('product_name, quantity').eq('contract_id', contractId).eq('line_no', 1).single()).data!;
  await signIn(page, owner!);
  await page.goto(`/contracts/show/${contractId}`);
  await expect(page.getByTestId('contract-delivery_on')).toHaveText(oldDate);
  await page.getByTestId('request-change').click();
  await page.getByTestId('change-reason').fill('客户要求延期交货');
  await inputOf(page, 'change-delivery_on').fill(newDate);
  await inputOf(page, 'change-delivery_on').press('Enter');
  await page.locator('#change-ok').click();
  await page.getByRole('tab', { name: '变更与终止' }).click();
  const change = page.getByTestId('contract-change').last();
  await expect(change).toContainText(newDate);
  await expect(change.getByTestId('change-status')).toHaveText('经理审核');

  await switchTo(page, 'manager', contractId);
  await decideChange(page, 'approve');
  // Still the old date until legal approves too.
  await expect(page.getByTestId('contract-delivery_on')).toHaveText(oldDate);
  await switchTo(page, 'legal', contractId);
  await decideChange(page, 'approve');
  await expect(page.getByTestId('contract-change').last().getByTestId('change-status')).toHaveText('已批准');
  await expect(page.getByTestId('contract-delivery_on')).toHaveText(newDate);

  // The owner orders one unit of the first line, records purchasing and ships it.
  await switchTo(page, owner!, contractId);
  await expect(page.getByTestId('contract-delivery_on')).toHaveText(newDate);
  await page.getByRole('tab', { name: '订单与发运' }).click();
  // The orders the contract has (count() does not wait for the tab to load them).
  const before = ((await client.from('orders').select('id').eq('contract_id', contractId)).data ?? []).length;
  await expect(page.getByTestId('order')).toHaveCount(before);
  await page.getByTestId('create-order').click();
  // The seeded order already took part of line 1: the whole contracted quantity is refused, no order made.
  await inputOf(page, 'order-qty-1').fill(String(firstLine.quantity));
  await page.locator('#order-ok').click();
  await expect(page.getByText('订单数量超过合同数量')).toBeVisible();
  await expect(page.getByTestId('order')).toHaveCount(before);
  await inputOf(page, 'order-qty-1').fill('1');
  await page.locator('#order-ok').click();
  await expect(page.getByTestId('order')).toHaveCount(before + 1);
  const order = page.getByTestId('order').last();
  await expect(order).toContainText(`${firstLine.product_name as string} × 1`);
  await expect(order.getByTestId('order-stage')).toHaveText('—');
  await order.getByTestId('progress-note').fill('已向供应商下单');
  await order.getByTestId('record-stage').click();
  await expect(order.getByTestId('order-stage')).toHaveText('采购');
  await order.getByTestId('add-shipment').click();
  await page.getByTestId('shipment-carrier').fill('顺丰速运');
  await page.getByTestId('shipment-tracking').fill('SF1234567890');
  await page.locator('#shipment-ok').click();
  await expect(order.getByTestId('shipments')).toContainText('SF1234567890');
  const ships = (await client.from('shipments').select('tracking_no, carrier').eq('tracking_no', 'SF1234567890')).data!;
  expect(ships).toContainEqual({ tracking_no: 'SF1234567890', carrier: '顺丰速运' });
});

test('a signed contract runs: working files, execution, termination by the manager; ageing by owner and group', async ({ page }) => {
  test.setTimeout(120_000);
  // The last signed contract of the first demo seller who has one (the test above takes the first).
  let owner: Parameters<typeof signIn>[1] | undefined;
  let contract: { id: string; owner: { full_name: string } } | undefined;
  for (const who of ['sales1', 'sales2', 'sales3', 'cs1'] as const) {
    const { client, id } = await signedInClient(who);
    const rows = (await client.from('contracts').select('id, owner:profiles!contracts_owner_id_fkey(full_name)')
      .eq('status', 'signed').eq('owner_id', id).order('contract_no', { ascending: false }).limit(1)).data!;
    if (rows.length > 0) {
      owner = who;
      contract = rows[0] as unknown as typeof contract;
      break;
    }
  }
  expect(contract).toBeDefined();
  await signIn(page, owner!);
  await page.goto(`/contracts/show/${contract!.id}`);
  await expect(status(page)).toHaveText('已签订');

  // A working file goes with the contract, next to (not into) the signed scan.
  const drafts = page.getByTestId('drafts-card');
  await drafts.locator('input[type=file]').setInputFiles({ name: '修改意见.txt', mimeType: 'text/plain', buffer: Buffer.from('客户修改意见') });
  await expect(drafts).toContainText('修改意见.txt');

  // The owner starts execution; terminating directly is for managers only.
  await expect(page.getByTestId('terminate-contract')).toHaveCount(0);
  await page.getByTestId('start-execution').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(status(page)).toHaveText('执行中');
  await expect(page.getByTestId('complete-contract')).toBeVisible();

  // The department manager terminates it with a reason: a reason is required first.
  await switchTo(page, 'manager', contract!.id);
  await expect(drafts).toContainText('修改意见.txt');
  await page.getByTestId('terminate-contract').click();
  await page.locator('#terminate-ok').click();
  await expect(page.getByText('请填写原因')).toBeVisible();
  await page.getByTestId('terminate-reason').fill('客户破产，经协商终止');
  await page.locator('#terminate-ok').click();
  await expect(status(page)).toHaveText('已终止');
  // On the record (the modal's text box may still be fading out).
  await expect(page.locator('.ant-descriptions').getByText('客户破产，经协商终止')).toBeVisible();

  // The manager reads the ageing per owner and per group.
  await page.goto('/receivables');
  const ageing = page.getByTestId('ageing-table');
  await page.getByTestId('ageing-by').getByText('按负责人').click();
  const { client } = await signedInClient('manager');
  const owners = (await client.from('receivables_ageing_owners_today').select('label, total_outstanding').order('total_outstanding', { ascending: false }).limit(1)).data!;
  await expect(ageing.locator('tbody tr.ant-table-row').first()).toContainText(owners[0].label as string);
  await page.getByTestId('ageing-by').getByText('按小组').click();
  const groups = (await client.from('receivables_ageing_groups_today').select('label').order('total_outstanding', { ascending: false }).limit(1)).data!;
  await expect(ageing.locator('tbody tr.ant-table-row').first()).toContainText((groups[0].label as string | null) ?? '未分组');
});
