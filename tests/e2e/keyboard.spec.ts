import { expect, test, type Locator, type Page } from '@playwright/test';

import { CATALOGUES } from './support/catalogue';
import { EVIDENCE, expectStep, textbox } from './support/pages';

const c = CATALOGUES.en;

test.use({ locale: 'en-GB' });

/** Presses Tab until `target` has focus: proves it is reachable in the tab order, no mouse. */
async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

async function chooseFilesWithKeyboard(page: Page, input: Locator, files: string[]) {
  await tabTo(page, input);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles(files);
}

test('the whole journey works with the keyboard alone', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a keyboard journey is a desktop journey');
  test.setTimeout(120_000);
  await page.goto('/');
  await tabTo(page, page.getByRole('radio').first());
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('link', { name: c.home.start }).first());
  await page.keyboard.press('Enter');
  await expectStep(page, c.form.steps.device);

  await typeInto(page, page.getByLabel(c.form.device.imei.label, { exact: true }), '86981206543210');
  await tabTo(page, page.getByRole('button', { name: c.form.device.imeiLive.use.replace('{imei}', '869812065432104') }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(c.form.device.imei.label, { exact: true })).toHaveValue('869812065432104');
  await page.keyboard.press('Enter'); // submits the step from the field
  await expectStep(page, c.form.steps.purchase);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await tabTo(page, page.getByLabel(c.form.purchase.country.label));
  await page.keyboard.type('Bulgaria');
  await expect(page.getByLabel(c.form.purchase.country.label)).toHaveValue('BG');
  await tabTo(page, page.getByRole('radio', { name: c.form.purchase.channel['mi-store'] }));
  await page.keyboard.press('Space');
  await typeInto(page, page.getByLabel(c.form.purchase.purchaseDate.label), '14032025');
  await expect(page.getByLabel(c.form.purchase.purchaseDate.label)).not.toHaveValue('');
  await tabTo(page, page.getByRole('button', { name: c.form.continue, exact: true }));
  await page.keyboard.press('Enter');
  await expectStep(page, c.form.steps.evidence);

  await chooseFilesWithKeyboard(page, page.getByLabel(c.form.evidence.pick.boxPhoto), EVIDENCE.boxPhoto);
  await chooseFilesWithKeyboard(page, page.getByLabel(c.form.evidence.pick.receipt), [EVIDENCE.receipt[1]!]);
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(2, { timeout: 30_000 });
  await tabTo(page, page.getByRole('button', { name: c.form.continue, exact: true }));
  await page.keyboard.press('Enter');
  await expectStep(page, c.form.steps.contact);

  await typeInto(page, textbox(page, c.form.contact.ownerName.label), 'Keyboard User');
  await typeInto(page, textbox(page, c.form.contact.contactEmail.label), 'keys@example.com');
  await page.keyboard.press('Enter');
  await expectStep(page, c.form.steps.review);

  await tabTo(page, page.getByRole('button', { name: c.form.generate.start }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.result.heading, { timeout: 60_000 });
  await tabTo(page, page.getByRole('link', { name: /Download the PDF/ }));
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
});
