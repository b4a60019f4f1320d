// What every browser test shares: the app URL from the global setup, API clients for arranging
// data as demo people, and signing in through the UI.
import { test as base, expect, type Page } from '@playwright/test';
import type { SupabaseClient } from '@supabase/supabase-js';
import { makeClient } from '../helpers/stack.ts';
import { DEMO, DEMO_PASSWORD, type DemoPerson } from '../helpers/demo.ts';

// The app URL is known only once the global setup has started it, so it is read per test.
export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
});
export { expect };

export function apiClient(key = process.env.E2E_ANON_KEY!): SupabaseClient {
  return makeClient(process.env.E2E_API_URL!, key);
}

/** A supabase-js client signed in as a demo person. */
export async function signedInClient(who: DemoPerson): Promise<{ client: SupabaseClient; id: string }> {
  const client = apiClient();
  const { data, error } = await client.auth.signInWithPassword({ email: DEMO[who], password: DEMO_PASSWORD });
  if (error) throw new Error(`sign-in of ${who} failed: ${error.message}`);
  return { client, id: data.user.id };
}

/** Signs out and waits for the login form: sign-out is asynchronous, and /login visited before
 *  it finishes would still find the old session. */
export async function signOut(page: Page) {
  await page.getByTestId('logout').click();
  await expect(page.locator('input#email')).toBeVisible();
}

/** Signs out whoever is signed in, then signs `who` in. */
export async function switchUser(page: Page, who: DemoPerson) {
  await signOut(page);
  await signIn(page, who);
}

/** Signs in through the login page and waits for the home page. */
export async function signIn(page: Page, who: DemoPerson, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.locator('input#email').fill(DEMO[who]);
  await page.locator('input#password').fill(password);
  await page.locator('form button[type=submit]').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** The labels of the sider menu, groups and items, in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.locator('.ant-layout-sider .ant-menu').first();
  await expect(menu).toBeVisible();
  // Open every group so their items are rendered.
  for (const title of await menu.locator('.ant-menu-submenu-title').all()) {
    const open = await title.locator('xpath=..').getAttribute('class');
    if (!open?.includes('ant-menu-submenu-open')) await title.click();
  }
  return (await menu.locator('.ant-menu-title-content').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
}

/** The routes the sider menu links to, in order (groups opened first). */
export async function menuRoutes(page: Page): Promise<string[]> {
  await menuLabels(page);
  const menu = page.locator('.ant-layout-sider .ant-menu').first();
  const hrefs = await menu.locator('a[href]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs;
}
