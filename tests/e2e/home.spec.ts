import { expect, test } from '@playwright/test';

import { CATALOGUES } from './support/catalogue';

test('the home page says what the app is for, in the browser’s language', async ({ browser }) => {
  const en = await browser.newContext({ locale: 'en-GB' });
  const page = await en.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Appeal Kit');
  await expect(page.getByText('Nothing you enter or upload is stored').first()).toBeVisible();
  await en.close();

  const ru = await browser.newContext({ locale: 'ru-RU' });
  const ruPage = await ru.newPage();
  await ruPage.goto('/');
  await expect(ruPage.getByText('не хранится на нашем сервере').first()).toBeVisible();
  await expect(ruPage.locator('html')).toHaveAttribute('lang', 'ru');
  await ru.close();
});

test('an unknown address answers 404 in the reader’s language, with the way to the form and to the start', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  const t = CATALOGUES.ru.home.notFound;
  const response = await page.goto('/appeal/old-link');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.heading);
  await expect(page).toHaveTitle(t.metaTitle);
  await expect(page.getByText(t.text)).toBeVisible();

  await page.getByRole('link', { name: t.appeal }).click();
  await expect(page).toHaveURL(/\/appeal$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(CATALOGUES.ru.form.steps.device);

  await page.goto('/no-such-page');
  await page.getByRole('link', { name: t.home }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CATALOGUES.ru.home.title);
  await context.close();
});
