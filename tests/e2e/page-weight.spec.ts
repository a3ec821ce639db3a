import { gzipSync } from 'node:zlib';

import { expect, test, type Page } from '@playwright/test';

import assistant from '@/lib/i18n/messages/en/assistant.json';
import form from '@/lib/i18n/messages/en/form.json';

/**
 * Compressed JavaScript on first load, per page. Issue 13 asks for `/` ≤ 100 KB and `/appeal` ≤ 120 KB,
 * but React 19 + the Next.js 16 App Router runtime alone weigh about 127 KB gzip on every page
 * (react-dom 70 KB, the router 46 KB, the rest of Next's client and Turbopack's runtime), so those
 * figures cannot be met on this stack. Measured on 2026-11-30: `/` 138.3 KB (the floor and the
 * page's own parts: its texts come formatted from the server, no message formatter, no
 * next/image) and `/appeal` 173.5 KB (next-intl's client, react-hook-form, the draft store, the
 * device step and its photo reader's button, whose chunk loads right after hydration; the photo
 * preparation behind it loads when its file picker opens; the error boundary, 0.9 KB). On
 * 2026-12-01 `/appeal` grew to 175.4 KB with the step addresses that make Back go back a step, the
 * recipient check on Continue and the lock code's Cyrillic note; later that day to 176.1 KB with what a
 * screen reader is told (files added and removed, the phases of creating the appeal, the window
 * title per step, the language list stepped by keyboard). The budgets sit just above those
 * figures, so any real growth fails here.
 */
const BUDGETS: Record<string, number> = {
  '/': 142 * 1024,
  '/appeal': 177 * 1024,
};

/**
 * What shows that a page's first load is complete: the form's photo reader is loaded by
 * next/dynamic after hydration, and "network idle" alone sometimes came before its chunks (a
 * measured 159.7 KB in 7 files one run, 179.1 KB in 10 the next).
 */
const LOADED: Record<string, (page: Page) => Promise<void>> = {
  '/': async () => {},
  '/appeal': async (page) => expect(page.getByText(assistant.label.fromPhoto)).toBeVisible(),
};

/** Every script the page fetches until the network is quiet, gzip size each, and every origin asked. */
async function firstLoad(page: Page, path: string) {
  const scripts = new Map<string, number>();
  const bodies: Promise<void>[] = [];
  const origins = new Set<string>();
  const failed: string[] = [];
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  page.on('response', async (response) => {
    // A chunk the server HTML asks for must exist (a server-rendered next/dynamic once preloaded one
    // the client build never emitted: vercel/next.js#98804).
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    if (response.request().resourceType() !== 'script') return;
    // Kept, so the sum waits for every body (one still arriving was once counted as nothing).
    bodies.push(response.body().then((body) => void scripts.set(response.url(), gzipSync(body).length), () => undefined));
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await LOADED[path]!(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(bodies);
  return { total: [...scripts.values()].reduce((a, b) => a + b, 0), files: scripts.size, origins, failed };
}

for (const [path, budget] of Object.entries(BUDGETS)) {
  test(`${path} loads at most ${budget / 1024} KB of compressed JavaScript, all from this origin`, async ({ page, baseURL }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'one measurement is enough');
    const { total, files, origins, failed } = await firstLoad(page, path);
    expect(failed).toEqual([]);
    const figure = `${(total / 1024).toFixed(1)} KB in ${files} files (budget ${budget / 1024} KB)`;
    testInfo.annotations.push({ type: `first-load JS of ${path} (gzip)`, description: figure });
    console.log(`first-load JS of ${path} (gzip): ${figure}`);
    expect(total).toBeGreaterThan(50 * 1024);
    expect(total).toBeLessThanOrEqual(budget);
    expect([...origins].filter((origin) => origin !== new URL(baseURL!).origin && !origin.startsWith('blob:'))).toEqual([]);
  });
}

test('the form page draws the first step in its server HTML, before any script runs', async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the HTML is the same for every viewport');
  const html = await (await request.get('/appeal', { headers: { 'Accept-Language': 'en' } })).text();
  // The first step's heading, its fields and their labels, as the server sent them.
  expect(html).toContain(form.steps.device);
  expect(html).toContain(form.device.imei.label);
  expect(html).toMatch(/<input[^>]+name="imei"/);
});
