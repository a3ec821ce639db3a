import { expect, test } from '@playwright/test';

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
