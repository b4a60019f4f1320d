// Signing in and out, the menu each role sees, a wrong password, language switching, and the
// admin pages refused by URL to others.
import { test, expect, signIn, menuLabels } from './fixtures.ts';
import { DEMO, type DemoPerson } from '../helpers/demo.ts';

const WORKSPACE = ['工作台', '首页', '我的待办', '通知', '个人资料'];
const ADMIN = ['系统管理', '用户管理', '业务小组', '审批流程'];

// Every demo role: the staff and managers see the workspace; only the administrator sees admin pages.
const EXPECTED_MENU: Record<DemoPerson, string[]> = {
  gm: WORKSPACE, manager: WORKSPACE, deputy1: WORKSPACE, deputy2: WORKSPACE, leaderMkt: WORKSPACE, sales1: WORKSPACE,
  sales2: WORKSPACE, merch1: WORKSPACE, leaderPe: WORKSPACE, sales3: WORKSPACE, leaderCs: WORKSPACE, cs1: WORKSPACE,
  legal: WORKSPACE, hr: WORKSPACE, finance: WORKSPACE, archivist: WORKSPACE, admin: [...WORKSPACE, ...ADMIN],
};

test.describe('sign-in', () => {
  for (const who of ['admin', 'manager', 'gm', 'leaderMkt', 'sales1', 'legal', 'hr', 'finance', 'archivist', 'cs1'] as DemoPerson[]) {
    test(`${who} sees exactly their menu`, async ({ page }) => {
      await signIn(page, who);
      expect(await menuLabels(page)).toEqual(EXPECTED_MENU[who]);
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
  });

  test('the language switch changes every label and is remembered', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(page.getByText('我的待办').first()).toBeVisible();
    await page.getByTestId('language-switch').getByText('EN').click();
    expect(await menuLabels(page)).toEqual(['Workspace', 'Home', 'My approvals', 'Notifications', 'My profile', 'Administration', 'Users', 'Business groups', 'Workflows']);
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
    await expect(page.locator('tbody tr')).toHaveCount(10);
    await page.getByPlaceholder('按姓名搜索').fill('赵磊');
    await page.getByPlaceholder('按姓名搜索').press('Enter');
    await expect(page.locator('tbody tr')).toHaveCount(1);
    await expect(page.getByRole('cell', { name: DEMO.sales1 })).toBeVisible();
    await expect(page.getByTestId('forbidden')).toHaveCount(0);
  });
});
