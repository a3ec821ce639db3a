import { expect, test, type Page } from '@playwright/test';

import { fixturePath } from '../support/fixtures';
import { untranslatedWords, withoutQuotations } from '../support/latin-words';
import { TRANSLATED_CATALOGUES } from './support/catalogue';
import { continueTo, expectStep, fillContact, fillDevice, fillPurchase, openFreshAppeal, type PersonAnswers } from './support/pages';

/** Answers in the user's own script, so any Latin word on the page comes from the app itself. */
const PERSON: PersonAnswers = {
  imeiTyped: '868907041234565',
  imei: '868907041234565',
  imei2: '867443033012349',
  serial: '44871/F2ZX01234',
  model: 'Redmi Note 13 Pro',
  country: 'BG',
  seller: 'Техномаркет',
  date: '2025-03-14',
  order: '5123-778-0042',
  price: '499 лв.',
  name: 'Иван Петров',
  email: 'ivan.petrov@example.com',
  phone: '+359 88 123 4567',
  account: '+359 88 000 1122',
  notes: 'Телефонът е заключен след нулиране.',
};

/**
 * Every text a person can meet on the page, help behind disclosures included: text nodes of
 * rendered elements (visually hidden ones too, as screen readers read them) and the accessible
 * names and hints in attributes. Skipped: what the user typed or picked (fields, options) and
 * text marked as English on purpose (`lang="en"`: the English letter's subject, for instance).
 */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const skip = (element: Element) =>
      element.closest('script, style, noscript, option, textarea, input, select, template') !== null ||
      (element.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('en') ||
      !element.checkVisibility();
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (element && text && !skip(element)) texts.push(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      if (element.closest('[lang]')?.getAttribute('lang')?.startsWith('en')) continue;
      for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/**
 * The Latin words on the page that are neither brands, codes, quotations of what the phone shows
 * nor the user's own answers. Soft: one run lists every page's words.
 */
async function expectNoEnglish(page: Page, where: string) {
  const found = (await pageTexts(page)).flatMap((text) => untranslatedWords(withoutQuotations(text)).map((word) => `${word} (in “${text.slice(0, 80)}”)`));
  expect.soft([...new Set(found)], `English words on ${where}`).toEqual([]);
}

for (const lang of ['ru', 'bg', 'uk'] as const) {
  test.describe(`no English left (${lang})`, () => {
    test.use({ locale: { ru: 'ru-RU', bg: 'bg-BG', uk: 'uk-UA' }[lang] });

    test(`the start page, every wizard step, its errors and the result page are in ${lang}`, async ({ page }) => {
      test.setTimeout(240_000);
      const c = TRANSLATED_CATALOGUES[lang];

      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectNoEnglish(page, 'the start page');

      const unknown = await page.goto('/no-such-page');
      expect(unknown?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.home.notFound.heading);
      await expect(page).toHaveTitle(c.home.notFound.metaTitle);
      await expectNoEnglish(page, 'the page for an unknown address');

      await openFreshAppeal(page);
      await expectStep(page, c.form.steps.device);
      // The errors of an empty step, and the step itself.
      await page.getByRole('button', { name: c.form.continue, exact: true }).click();
      // The error summary (Next.js's route announcer is an alert too, always there and "visible").
      await expect(page.getByRole('alert').filter({ has: page.getByRole('link') })).toBeVisible();
      await expectNoEnglish(page, 'the device step with its errors');
      await fillDevice(page, c, PERSON);
      await expectNoEnglish(page, 'the device step');

      await continueTo(page, c, c.form.steps.purchase);
      await fillPurchase(page, c, PERSON);
      await expectNoEnglish(page, 'the purchase step');

      await continueTo(page, c, c.form.steps.evidence);
      await expectNoEnglish(page, 'the empty proof step');
      await page.getByLabel(c.form.evidence.pick.boxPhoto).setInputFiles(fixturePath('order-screenshot.png'));
      await page.getByLabel(c.form.evidence.pick.receipt).setInputFiles(fixturePath('e-receipt.pdf'));
      await expect(page.getByRole('button', { name: new RegExp(`^${c.form.evidence.remove}`) })).toHaveCount(2, { timeout: 30_000 });
      await expectNoEnglish(page, 'the proof step with files');

      await continueTo(page, c, c.form.steps.contact);
      await fillContact(page, c, PERSON);
      await expectNoEnglish(page, 'the contact step');

      await continueTo(page, c, c.form.steps.review);
      await expectNoEnglish(page, 'the review');

      await page.getByRole('button', { name: c.form.generate.start }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.result.heading, { timeout: 90_000 });
      await expect(page.getByRole('link', { name: c.result.send.mailto })).toBeVisible();
      await expectNoEnglish(page, 'the result page');
    });
  });
}
