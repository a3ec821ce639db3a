import { expect, test, type Page } from '@playwright/test';

import { CATALOGUES, type Catalogue, type TestLocale } from './support/catalogue';
import { RUSSIAN_OWNER, addQuickEvidence, createAppeal, expectNoAxeViolations, reachReview, screenshot, shownSubject } from './support/pages';

/**
 * The quickest way to a finished appeal. The Russian owner's letter is too long for a mailto link,
 * so the link carries the short one.
 */
async function finishAppeal(page: Page, c: Catalogue) {
  await reachReview(page, c, RUSSIAN_OWNER, addQuickEvidence);
  await createAppeal(page, c);
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
      const subject = await shownSubject(page, c);
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

test.describe('a Russian appeal, the page switched to English', () => {
  test.use({ locale: 'ru-RU' });

  test('keeps the e-mail in the language the appeal was sent in', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'the language of the e-mail does not depend on the viewport');
    test.setTimeout(180_000);
    const [ru, en] = [CATALOGUES.ru, CATALOGUES.en];
    await finishAppeal(page, ru);
    await page.getByText(ru.result.email.showLetter).click();
    const sent = await page.getByRole('textbox', { name: ru.result.email.body }).inputValue();
    expect(sent).toMatch(/[а-яё]/i);

    await page.getByLabel(ru.home.language).selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.result.heading);
    // The page speaks English now (the open letter stays open: client state survives the switch);
    // the letter to support is still the one the PDF carries.
    await expect(page.getByRole('textbox', { name: en.result.email.body })).toHaveValue(sent);
  });
});
