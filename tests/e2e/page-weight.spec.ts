import { gzipSync } from 'node:zlib';

import { expect, test } from '@playwright/test';

/** The budget for the form page: compressed JavaScript on first load. */
const FIRST_LOAD_JS_BUDGET = 200 * 1024;

test('the form page loads at most 200 KB of compressed JavaScript, all from this origin', async ({ page, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one measurement is enough');
  const scripts = new Map<string, number>();
  const origins = new Set<string>();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    scripts.set(response.url(), gzipSync(body).length);
  });
  await page.goto('/appeal', { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  const figure = `${(total / 1024).toFixed(1)} KB in ${scripts.size} files`;
  testInfo.annotations.push({ type: 'first-load JS (gzip)', description: figure });
  console.log(`first-load JS of /appeal (gzip): ${figure}`);
  expect(total).toBeGreaterThan(50 * 1024);
  expect(total).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET);
  expect([...origins].filter((origin) => origin !== new URL(baseURL!).origin && !origin.startsWith('blob:'))).toEqual([]);
});
