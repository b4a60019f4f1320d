// Initial load in Chromium of the production build, served by `vite preview` against the bench's
// stack: the sign-in page (navigation timing, JS fetched) and, signed in, a full load of the
// customers list until its first row shows.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { PROJECT_ROOT } from '../../supabase/local/config.ts';
import { tempDir, type TestStack } from '../helpers/stack.ts';

export interface NavigationResult {
  signIn: { domContentLoadedMs: number; loadMs: number; jsFiles: number; jsKb: number };
  customers: { firstRowMs: number; jsFiles: number; jsKb: number };
}

const CHROMIUM = '/usr/bin/chromium';

export async function navigationTimings(t: TestStack, email: string, password: string): Promise<NavigationResult> {
  const outDir = path.join(tempDir('bizdesk-bench-dist-'), 'dist');
  process.env.VITE_SUPABASE_URL = t.url;
  process.env.VITE_SUPABASE_ANON_KEY = t.anonKey;
  await build({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: fs.existsSync(CHROMIUM) ? CHROMIUM : undefined, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    /** JS fetched by this document (transfer size, compressed when the server compresses). */
    const scripts = () => page.evaluate(() => {
      const js = performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).name.endsWith('.js')) as PerformanceResourceTiming[];
      return { jsFiles: js.length, jsKb: js.reduce((s, e) => s + (e.encodedBodySize || e.transferSize), 0) / 1024 };
    });

    await page.goto(`${base}/login`, { waitUntil: 'load' });
    await page.locator('input#email').waitFor();
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { domContentLoadedMs: n.domContentLoadedEventEnd, loadMs: n.loadEventEnd };
    });
    const signIn = { ...nav, ...(await scripts()) };

    await page.locator('input#email').fill(email);
    await page.locator('input#password').fill(password);
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${base}/customers`, { waitUntil: 'commit' });
    await page.locator('.ant-table-row').first().waitFor({ timeout: 60_000 });
    const firstRowMs = await page.evaluate(() => performance.now());
    return { signIn, customers: { firstRowMs, ...(await scripts()) } };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    fs.rmSync(path.dirname(outDir), { recursive: true, force: true });
  }
}
