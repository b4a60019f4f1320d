// My files on the profile page: upload with a progress bar, download through a signed URL, delete;
// a file over the size limit is refused before any upload.
import fs from 'node:fs';
import { test, expect, signIn } from './fixtures.ts';

test('upload a file with progress, download it, delete it', async ({ page, context }) => {
  await signIn(page, 'sales1');
  await page.goto('/profile');
  const upload = page.getByTestId('file-upload');
  await expect(upload).toBeVisible();
  await expect(upload.getByTestId('file-item')).toHaveCount(0);

  // Slow the upload down so the progress bar is observable.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 512 * 1024 });
  const content = Buffer.alloc(1536 * 1024, 'B');
  await upload.locator('input[type=file]').setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: content });
  await expect(page.getByTestId('upload-progress')).toBeVisible();
  await expect(upload.getByTestId('file-item')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('upload-progress')).toHaveCount(0);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  const item = upload.getByTestId('file-item');
  await expect(item).toContainText('report.txt');
  const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: /下载/ }).click()]);
  expect(download.suggestedFilename()).toBe('report.txt');
  const saved = await download.path();
  expect(fs.readFileSync(saved).equals(content)).toBe(true);

  await item.getByRole('button', { name: /删除/ }).click();
  await page.getByRole('button', { name: /确 ?定|OK/ }).click();
  await expect(upload.getByTestId('file-item')).toHaveCount(0);
});

test('a file over the size limit is refused before uploading', async ({ page }) => {
  await signIn(page, 'sales2');
  await page.goto('/profile');
  const upload = page.getByTestId('file-upload');
  const requests: string[] = [];
  page.on('request', (r) => r.url().includes('/storage/v1/object/attachments') && r.method() === 'POST' && requests.push(r.url()));
  await upload.locator('input[type=file]').setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(11 * 1024 * 1024) });
  await expect(page.getByText('文件太大')).toBeVisible();
  await expect(upload.getByTestId('file-item')).toHaveCount(0);
  expect(requests).toEqual([]);
});
