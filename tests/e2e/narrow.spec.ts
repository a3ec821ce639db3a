import { expect, test, type Page } from '@playwright/test';

import { CATALOGUES } from './support/catalogue';
import { addQuickEvidence, continueTo, expectStep, fillDevice, reachReview, RUSSIAN_OWNER, screenshot } from './support/pages';

const c = CATALOGUES.ru; // the longest words of the four languages are in Russian and Bulgarian

test.use({ locale: 'ru-RU', viewport: { width: 360, height: 740 } });

async function expectNoSideways(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${where} scrolls sideways at ${page.viewportSize()?.width} px`).toBeLessThanOrEqual(0);
}

test('usable at 360 px: nothing scrolls sideways', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'one narrow run is enough');
  await page.goto('/');
  await page.getByRole('radio', { name: c.home.check.lostMode.label }).check();
  await expectNoSideways(page, 'start page');
  await screenshot(page, testInfo, '360-start');

  await page.goto('/appeal');
  await expectStep(page, c.form.steps.device);
  await fillDevice(page, c, {
    imeiTyped: '8612340567890107',
    imei: '861234056789012',
    imei2: '',
    serial: '',
    model: '',
  } as Parameters<typeof fillDevice>[2]);
  await expectNoSideways(page, 'device step');
  await continueTo(page, c, c.form.steps.purchase);
  await page.getByLabel(c.form.purchase.country.label).selectOption('UA');
  await expectNoSideways(page, 'purchase step');
  await screenshot(page, testInfo, '360-purchase');
});

test('usable at 320 px: the review step, whose headings are single long words, does not scroll sideways', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'one narrow run is enough');
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  await reachReview(page, c, RUSSIAN_OWNER, addQuickEvidence);
  // "Доказательства" beside its "Изменить" button once ran 16 px past the screen.
  await expectNoSideways(page, 'review step');
  await screenshot(page, testInfo, '320-review');
});
