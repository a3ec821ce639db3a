import { expect, test, type Page } from '@playwright/test';

import { fixturePath } from '../support/fixtures';
import { CATALOGUES, type Catalogue, type TestLocale } from './support/catalogue';
import { continueTo, expectNoAxeViolations, fillContact, fillDevice, fillPurchase, openFreshAppeal, screenshot, type PersonAnswers } from './support/pages';

/** A Russian appeal: its letter is too long for a mailto link, so the link carries the short one. */
const PERSON: PersonAnswers = {
  imeiTyped: '868907041234565',
  imei: '868907041234565',
  imei2: '867443033012349',
  serial: '44871/F2ZX01234',
  model: 'Redmi Note 13 Pro 5G',
  country: 'RU',
  seller: 'Электроника Плюс',
  date: '2025-03-14',
  order: '5123-778-0042',
  price: '24 990 ₽',
  name: 'Иван Петров',
  email: 'ivan.petrov@example.com',
  phone: '+7 912 345 67 89',
  account: '+7 912 000 11 22',
  notes: 'Wi-Fi дома: Petrov_Home',
};

/** The quickest way to a finished appeal: a screenshot as the box photo and a PDF receipt. */
async function finishAppeal(page: Page, c: Catalogue) {
  await openFreshAppeal(page);
  await fillDevice(page, c, PERSON);
  await continueTo(page, c, c.form.steps.purchase);
  await fillPurchase(page, c, PERSON);
  await continueTo(page, c, c.form.steps.evidence);
  await page.getByLabel(c.form.evidence.pick.boxPhoto).setInputFiles(fixturePath('order-screenshot.png'));
  await page.getByLabel(c.form.evidence.pick.receipt).setInputFiles(fixturePath('e-receipt.pdf'));
  await expect(page.getByRole('button', { name: new RegExp(`^${c.form.evidence.remove}`) })).toHaveCount(2, { timeout: 30_000 });
  await continueTo(page, c, c.form.steps.contact);
  await fillContact(page, c, PERSON);
  await continueTo(page, c, c.form.steps.review);
  await page.getByRole('button', { name: c.form.generate.start }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.result.heading, { timeout: 60_000 });
}

for (const lang of ['en', 'ru'] as TestLocale[]) {
  test.describe(`result page (${lang})`, () => {
    test.use({ locale: lang === 'en' ? 'en-GB' : 'ru-RU' });

    test(`the two actions come first; the letter waits behind a disclosure (${lang})`, async ({ page }, testInfo) => {
      test.setTimeout(180_000);
      const width = testInfo.project.name === 'phone' ? 360 : 1280;
      const height = testInfo.project.name === 'phone' ? 740 : 800;
      await page.setViewportSize({ width, height });
      const c = CATALOGUES[lang];
      await finishAppeal(page, c);

      const download = page.getByRole('link', { name: new RegExp(c.result.pdf.download.split('(')[0]!.trim()) });
      const mailto = page.getByRole('link', { name: c.result.send.mailto });
      await expect(mailto).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      for (const action of [download, mailto]) {
        const box = await action.boundingBox();
        expect(box, 'action has a box').not.toBeNull();
        expect(box!.y + box!.height, `${await action.innerText()} is in the first viewport`).toBeLessThanOrEqual(height);
      }

      // The mailto link carries the short letter here, and the page says so.
      await expect(page.getByTestId('mailto-short')).toHaveText(c.result.send.mailtoShort);

      // Copy buttons read as a person would write them.
      await expect(page.getByRole('button', { name: c.result.email.copyTo })).toBeVisible();

      // The letter is collapsed until opened.
      const letter = page.getByRole('textbox', { name: c.result.email.body });
      await expect(letter).toBeHidden();
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`result page height at ${width} px (${lang}): ${pageHeight} px`);
      testInfo.annotations.push({ type: 'page height', description: `${width} px ${lang}: ${pageHeight} px` });
      await screenshot(page, testInfo, `result-${lang}-${width}`);

      await page.getByText(c.result.email.showLetter).click();
      await expect(letter).toBeVisible();
      const body = await letter.inputValue();
      const subject = (await page.getByRole('definition').nth(1).locator('span').first().textContent()) ?? '';
      expect(body.split('\n')[0]).not.toBe(subject.replace(/ \[[^\]]+\]$/, ''));
      expect(body).toContain('868907041234565');

      // Follow-ups sit above the way back to the answers.
      const followUps = page.locator('.follow-up');
      const back = page.getByRole('button', { name: c.result.edit });
      const followUpsBox = await followUps.boundingBox();
      const backBox = await back.boundingBox();
      expect(followUpsBox!.y).toBeLessThan(backBox!.y);
      await expectNoAxeViolations(page, 'result page');
    });
  });
}
