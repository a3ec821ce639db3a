import { expect, test } from '@playwright/test';

import { CATALOGUES, prefix } from './support/catalogue';
import { BULGARIAN_BUYER, addEvidence, continueTo, expectStep, fillDevice, listedFiles, reachEvidence, screenshot, textbox } from './support/pages';

const c = CATALOGUES.en;
const ru = CATALOGUES.ru;

test.use({ locale: 'en-GB' });

test('a reload in the middle loses nothing: fields, files, the step', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const recipient = await reachEvidence(page, c, BULGARIAN_BUYER);
  await addEvidence(page, c);
  await continueTo(page, c, c.form.steps.contact);
  await textbox(page, c.form.contact.ownerName.label).fill('Мария Иванова');
  await expect(page.getByText(c.form.saved, { exact: true })).toBeVisible();

  await page.reload();
  await expectStep(page, c.form.steps.contact);
  await expect(textbox(page, c.form.contact.ownerName.label)).toHaveValue('Мария Иванова');

  await page.getByRole('button', { name: c.form.back }).click();
  await expectStep(page, c.form.steps.evidence);
  await expect(listedFiles(page, c)).toHaveCount(4);
  for (const name of ['box-label-12mp.jpg', 'receipt-photo-12mp.jpg', 'e-receipt.pdf', 'order-screenshot.png']) {
    await expect(page.getByRole('button', { name: `${c.form.evidence.remove} ${name}` })).toBeVisible();
  }
  // The restored photos are real images, not empty placeholders.
  await expect
    .poll(() => page.getByRole('img', { name: new RegExp(`^${prefix(c.form.evidence.previewOf)}`) }).evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth > 0)))
    .toEqual([true, true, true]);
  await expect(page.getByRole('checkbox', { name: c.form.evidence.receiptShows.imei })).toBeChecked();

  await page.getByRole('button', { name: c.form.back }).click();
  await expectStep(page, c.form.steps.purchase);
  await expect(page.getByLabel(c.form.purchase.country.label)).toHaveValue(BULGARIAN_BUYER.country);
  await expect(page.getByLabel(c.form.purchase.recipient.label)).toHaveValue(recipient);
  await expect(textbox(page, c.form.purchase.sellerName.label)).toHaveValue(BULGARIAN_BUYER.seller);
  await expect(page.getByLabel(c.form.purchase.purchaseDate.label)).toHaveValue(BULGARIAN_BUYER.date);

  await page.getByRole('button', { name: c.form.back }).click();
  await expect(page.getByLabel(c.form.device.imei.label, { exact: true })).toHaveValue(BULGARIAN_BUYER.imei);
  await expect(textbox(page, c.form.device.model.label)).toHaveValue(BULGARIAN_BUYER.model);

  // Switching the language keeps every answer and translates the page in place.
  await page.getByLabel(c.home.language).selectOption('ru');
  await expectStep(page, ru.form.steps.device);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByLabel(ru.form.device.imei.label, { exact: true })).toHaveValue(BULGARIAN_BUYER.imei);
  await screenshot(page, testInfo, 'reload-switched-to-ru');
});

test('Start over asks first, then clears every answer and file', async ({ page }) => {
  await page.goto('/appeal');
  await fillDevice(page, c, { ...BULGARIAN_BUYER, imeiTyped: BULGARIAN_BUYER.imei });
  const imei = page.getByLabel(c.form.device.imei.label, { exact: true });

  await page.getByRole('button', { name: c.form.startOver.button }).click();
  const dialog = page.getByRole('dialog', { name: c.form.startOver.title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: c.form.startOver.cancel }).click();
  await expect(imei).toHaveValue(BULGARIAN_BUYER.imei);

  await page.getByRole('button', { name: c.form.startOver.button }).click();
  await dialog.getByRole('button', { name: c.form.startOver.confirm }).click();
  await expect(imei).toHaveValue('');
  await page.reload();
  await expectStep(page, c.form.steps.device);
  await expect(page.getByLabel(c.form.device.imei.label, { exact: true })).toHaveValue('');
});
