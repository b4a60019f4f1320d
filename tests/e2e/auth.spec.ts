// Signing in and out, the menu each role sees, a wrong password, language switching, and the
// admin pages refused by URL to others.
import { test, expect, signIn, menuLabels, menuRoutes } from './fixtures.ts';
import { DEMO, type DemoPerson } from '../helpers/demo.ts';

// The menu each role sees, as the routes it links to: the workspace and the sales module for
// everyone, the admin pages for the administrator only. Module helpers extend these lists.
const WORKSPACE = ['/', '/inbox', '/notifications', '/profile'];
const SALES = ['/customers', '/quotations', '/products'];
const ADMIN = ['/admin/users', '/admin/groups', '/admin/workflows'];
// Contracts and receivables: the roles that may read contracts (sellers, legal, finance, archivist).
const CONTRACTS = ['/contracts', '/receivables'];
// The document library and the borrowing register for everyone; agreements and handovers for HR
// and the department-wide roles.
const DOCUMENTS = ['/documents', '/documents/loans'];
const HR = ['/hr/agreements', '/handovers'];
const STAFF = [...WORKSPACE, ...SALES, ...DOCUMENTS];
const READER = [...STAFF, ...CONTRACTS];

const EXPECTED_MENU: Record<DemoPerson, string[]> = {
  gm: [...READER, ...HR], manager: [...READER, ...HR], deputy1: READER, deputy2: READER, leaderMkt: READER, sales1: READER,
  sales2: READER, merch1: STAFF, leaderPe: READER, sales3: READER, leaderCs: READER, cs1: STAFF,
  legal: READER, hr: [...STAFF, ...HR], finance: READER, archivist: READER, admin: [...READER, ...HR, ...ADMIN],
};
// The table editor (/admin/data) sits in the admin group: admins edit, department-wide roles read.
for (const who of ['gm', 'manager', 'admin'] as const) EXPECTED_MENU[who] = [...EXPECTED_MENU[who], '/admin/data'];

test.describe('sign-in', () => {
  for (const who of ['admin', 'manager', 'gm', 'leaderMkt', 'sales1', 'legal', 'hr', 'finance', 'archivist', 'cs1'] as DemoPerson[]) {
    test(`${who} sees exactly their menu`, async ({ page }) => {
      await signIn(page, who);
      expect((await menuRoutes(page)).sort()).toEqual([...EXPECTED_MENU[who]].sort());
    });
  }

  test('a wrong password shows the error and stays on the login page', async ({ page }) => {
    await page.goto('/login');
    await page.locator('input#email').fill(DEMO.sales1);
    await page.locator('input#password').fill('not-the-password');
    await page.locator('form button[type=submit]').click();
    await expect(page.getByTestId('login-error')).toHaveText('邮箱或密码不正确');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('signing out returns to the login page and guards the app', async ({ page }) => {
    await signIn(page, 'sales1');
    await page.getByTestId('logout').click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/inbox');
    await expect(page).toHaveURL(/\/login/);
    // A deliberate sign-out is not an expired session.
    await expect(page.getByText('登录已过期，请重新登录')).toHaveCount(0);
  });

  test('the language switch changes every label and is remembered', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(page.getByText('我的待办').first()).toBeVisible();
    await page.getByTestId('language-switch').getByText('EN').click();
    const labels = await menuLabels(page);
    for (const label of ['Workspace', 'Home', 'My approvals', 'Notifications', 'My profile', 'Administration', 'Users', 'Business groups', 'Workflows']) {
      expect(labels).toContain(label);
    }
    // No label is left untranslated (a raw i18n key) or still in Chinese.
    expect(labels.filter((l) => /^[a-z_]+\.[a-z_.]+$/.test(l) || /[\u4e00-\u9fff]/.test(l))).toEqual([]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByTestId('logout')).toHaveText(/Sign out/);
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect(page.getByTestId('logout')).toHaveText(/退出登录/);
  });
});

test.describe('admin pages by URL', () => {
  for (const path of ['/admin/users', '/admin/groups', '/admin/workflows', '/admin/users/create']) {
    test(`a salesperson is refused ${path}`, async ({ page }) => {
      await signIn(page, 'sales1');
      await page.goto(path);
      await expect(page.getByTestId('forbidden')).toBeVisible();
      await expect(page.locator('table')).toHaveCount(0);
    });
  }

  test('the administrator reaches the users page', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/admin/users');
    // Lists paginate on the server: 10 of the demo people, then a search narrows to one.
    await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(10);
    await page.getByPlaceholder('按姓名搜索').fill('赵磊');
    await page.getByPlaceholder('按姓名搜索').press('Enter');
    await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(1);
    await expect(page.getByRole('cell', { name: DEMO.sales1 })).toBeVisible();
    await expect(page.getByTestId('forbidden')).toHaveCount(0);
  });
});
