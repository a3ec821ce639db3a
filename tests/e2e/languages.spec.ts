import { expect, test } from '@playwright/test';

/**
 * Every language renders every page without a missing message: next-intl reports a missing key
 * as a console error and shows the key path instead of words.
 */
for (const locale of ['bg-BG', 'uk-UA', 'ru-RU', 'en-US']) {
  test.describe(locale, () => {
    test.use({ locale });

    test(`start page and wizard are complete in ${locale}`, async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'languages do not depend on the viewport');
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(String(error)));
      const lang = locale.slice(0, 2);

      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await page.getByRole('radio').nth(1).check();
      await page.goto('/appeal');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Open every help text, then try to continue with nothing filled in: summary and field errors.
      for (const help of await page.locator('details').all()) await help.locator('summary').click();
      await page.getByLabel(/IMEI/).first().fill('8698120654321');
      await page.locator('form button[type=submit]').click();
      await expect(page.getByRole('alert').filter({ has: page.getByRole('link') })).toBeVisible();
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/\b(form|errors|result|home)\.[a-z]+/);
      expect(problems).toEqual([]);
    });
  });
}
