import { expect, test, type Page } from '@playwright/test';

import { fixturePath } from '../support/fixtures';

const IMEI1 = '868907041234565';
const IMEI2 = '867443033012349';
const digits = (value: string) => value.replace(/\D/g, '');

/** Device and purchase steps filled as a person would, up to the evidence step. */
async function reachEvidenceStep(page: Page, imei: string) {
  await page.goto('/appeal');
  await page.getByLabel('IMEI (IMEI1)').fill(imei);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Country where you bought the phone').selectOption('RU');
  await page.getByLabel('Authorised electronics shop').check();
  await page.getByLabel('Date of purchase', { exact: false }).first().fill('2025-03-14');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Box label', level: 2 })).toBeVisible();
}

test('uploading the box photo fills the empty IMEI field from the label barcode', async ({ page }) => {
  await reachEvidenceStep(page, IMEI1);
  await page.locator('#boxPhoto-input').setInputFiles(fixturePath('box-label-12mp.jpg'));

  const panel = page.locator('.assistant-panel');
  await expect(panel).toContainText('Read from the box label: 86 890704 123456 5, 86 744303 301234 9.', { timeout: 30_000 });
  await expect(panel.getByTestId('assistant-imei-imei')).toContainText('Matches the box label barcode.');
  await expect(panel.getByTestId('assistant-imei-imei2')).toContainText('Read from the box photo.');
  await expect(page.locator('.thumb .note').first()).toContainText('Read from the box label');
  await page.screenshot({ path: test.info().outputPath('evidence-step.png'), fullPage: true });

  // Back on the device step, the second IMEI is there as if typed.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Second IMEI (IMEI2)')).toHaveValue(IMEI2);
  expect(digits(await page.getByLabel('IMEI (IMEI1)').inputValue())).toBe(IMEI1);
});

test('a typed IMEI the box label contradicts gets a clear warning', async ({ page }) => {
  await reachEvidenceStep(page, '861234056789012');
  await page.locator('#boxPhoto-input').setInputFiles(fixturePath('box-label-12mp.jpg'));
  const warning = page.locator('.assistant-panel').getByTestId('assistant-mismatch-imei');
  await expect(warning).toContainText('The IMEI you typed (86 123405 678901 2) is not on the box label', { timeout: 30_000 });
});
