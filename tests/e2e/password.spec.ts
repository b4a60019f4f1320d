// Forgot / reset password through the local mailbox, changing it on the profile page, and an
// expired session sent back to the login page with a message.
import { test, expect, signIn, apiClient } from './fixtures.ts';
import { DEMO, DEMO_PASSWORD } from '../helpers/demo.ts';

interface Mail {
  to: string;
  kind: string;
  links: string[];
}

async function latestMail(to: string): Promise<Mail | undefined> {
  const res = await fetch(`${process.env.E2E_API_URL}/mailbox/api/messages?to=${encodeURIComponent(to)}`);
  const body = (await res.json()) as Mail[] | { messages: Mail[] };
  const list = Array.isArray(body) ? body : body.messages;
  return list.find((m) => m.kind === 'recovery');
}

test('forgot password: the mailed link opens the reset page and the new password works', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: '忘记密码？' }).click();
  // The sign-in page has an email field too: fill the one of the forgot-password form, once shown.
  const send = page.getByRole('button', { name: '发送重置邮件' });
  await expect(send).toBeVisible();
  await page.locator('input#email').fill(DEMO.deputy2);
  await expect(page.locator('input#email')).toHaveValue(DEMO.deputy2);
  await send.click();
  await expect(page.getByText('重置链接已发送', { exact: false })).toBeVisible();

  let mail: Mail | undefined;
  await expect.poll(async () => (mail = await latestMail(DEMO.deputy2))).toBeTruthy();
  const link = mail!.links.find((l) => l.includes('/auth/v1/verify'))!;
  await page.goto(link);
  await expect(page).toHaveURL(/\/update-password/);
  await page.locator('input#password').fill('Renewed#2026');
  await page.locator('input#confirm').fill('Renewed#2026');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();

  const client = apiClient();
  const old = await client.auth.signInWithPassword({ email: DEMO.deputy2, password: DEMO_PASSWORD });
  expect(old.error?.code).toBe('invalid_credentials');
  const renewed = await client.auth.signInWithPassword({ email: DEMO.deputy2, password: 'Renewed#2026' });
  expect(renewed.error).toBeNull();
});

test('profile: change my phone; a bad phone is refused in the form', async ({ page }) => {
  await signIn(page, 'merch1');
  await page.goto('/profile');
  await expect(page.getByTestId('profile-details')).toContainText(DEMO.merch1);
  const phone = page.getByTestId('phone-input');
  await phone.fill('abc');
  await page.getByRole('button', { name: /保\s?存/ }).first().click();
  await expect(page.getByText('电话格式不正确')).toBeVisible();
  await phone.fill('13900001111');
  await page.getByRole('button', { name: /保\s?存/ }).first().click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  const client = apiClient();
  const { data } = await client.auth.signInWithPassword({ email: DEMO.merch1, password: DEMO_PASSWORD });
  const row = await client.from('profiles').select('phone').eq('id', data.user!.id).single();
  expect(row.data?.phone).toBe('13900001111');
});

test('an expired session returns to the login page with a message', async ({ page }) => {
  await signIn(page, 'leaderPe');
  // Both tokens become worthless: the next refresh fails as it does when a session expires.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith('sb-')) continue;
      const session = JSON.parse(localStorage.getItem(key)!);
      session.expires_at = Math.floor(Date.now() / 1000) - 10;
      session.refresh_token = 'revoked-token';
      localStorage.setItem(key, JSON.stringify(session));
    }
  });
  // The app may already be leaving for /login on its own (its background refresh fails), which
  // aborts this navigation; the outcome checked below is the same.
  await page.goto('/inbox').catch((e: Error) => {
    if (!/ERR_ABORTED/.test(e.message)) throw e;
  });
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('登录已过期，请重新登录')).toBeVisible();
});
