import { expect, test, type Page } from '@playwright/test';

import { CATALOGUES } from './support/catalogue';
import {
  MINIMAL_BUYER,
  addQuickEvidence,
  continueTo,
  createAppeal,
  expectResult,
  expectStep,
  fillDevice,
  fillPurchase,
  openFreshAppeal,
  pressContinue,
  reachEvidence,
  reachReview,
  textbox,
} from './support/pages';

/**
 * The browser's own Back and Forward (on Android, the system Back gesture) move between the steps
 * the user went through, as the form's Back button does: each step has its own address.
 */

const c = CATALOGUES.en;
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const imei = (page: Page) => page.getByLabel(c.form.device.imei.label, { exact: true });
const seller = (page: Page) => textbox(page, c.form.purchase.sellerName.label);

test.use({ locale: 'en-GB' });

test('Back and Forward move between the steps and keep the answers; Back from step 1 leaves for the start page', async ({ page }) => {
  test.setTimeout(120_000);
  await openFreshAppeal(page);
  await page.goto('/');
  await page.getByRole('link', { name: c.home.start }).first().click();
  await expectStep(page, c.form.steps.device);
  await expect(page).toHaveURL(/\/appeal$/);

  await fillDevice(page, c, MINIMAL_BUYER);
  await continueTo(page, c, c.form.steps.purchase);
  await expect(page).toHaveURL(/\/appeal\?step=purchase$/);
  await fillPurchase(page, c, MINIMAL_BUYER);
  await continueTo(page, c, c.form.steps.evidence);
  await expect(page).toHaveURL(/\/appeal\?step=evidence$/);

  // A Continue the step refuses goes nowhere, so it leaves nothing to go back through.
  await pressContinue(page, c);
  await expect(page.getByText(c.errors.files.missingEvidence).first()).toBeVisible();
  await expectStep(page, c.form.steps.evidence);

  await page.goBack();
  await expectStep(page, c.form.steps.purchase);
  // As after the form's own Back button: focus on the step's heading.
  await expect(heading(page)).toBeFocused();
  await expect(seller(page)).toHaveValue(MINIMAL_BUYER.seller);
  await page.goBack();
  await expectStep(page, c.form.steps.device);
  await expect(page).toHaveURL(/\/appeal$/);
  await expect(heading(page)).toBeFocused();
  await expect(imei(page)).toHaveValue(MINIMAL_BUYER.imei);

  await page.goForward();
  await expectStep(page, c.form.steps.purchase);
  await expect(page.getByLabel(c.form.purchase.country.label)).toHaveValue(MINIMAL_BUYER.country);
  await expect(seller(page)).toHaveValue(MINIMAL_BUYER.seller);

  // The form's own Back is a move too: the browser's Back undoes it, as it undoes a Continue.
  await page.getByRole('button', { name: c.form.back, exact: true }).click();
  await expectStep(page, c.form.steps.device);
  await page.goBack();
  await expectStep(page, c.form.steps.purchase);

  await page.goBack();
  await expectStep(page, c.form.steps.device);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(heading(page)).toHaveText(c.home.title);
});

test('a step chosen in the step list is a move Back undoes', async ({ page }) => {
  test.setTimeout(120_000);
  await reachEvidence(page, c, MINIMAL_BUYER);

  await page.getByRole('navigation', { name: c.form.progress }).getByRole('button', { name: c.form.steps.device }).click();
  await expectStep(page, c.form.steps.device);
  await page.goBack();
  await expectStep(page, c.form.steps.evidence);
});

test('an address names a step only once the user has reached it; a reload keeps the step', async ({ page }) => {
  test.setTimeout(120_000);
  await reachEvidence(page, c, MINIMAL_BUYER);
  await page.goBack();
  await expectStep(page, c.form.steps.purchase);
  await expect(page.getByText(c.form.saved, { exact: true })).toBeVisible();

  await page.reload();
  await expectStep(page, c.form.steps.purchase);
  await expect(seller(page)).toHaveValue(MINIMAL_BUYER.seller);

  // Past the Proof step nobody has been yet: the furthest step reached, and the address says so.
  await page.goto('/appeal?step=contact');
  await expectStep(page, c.form.steps.evidence);
  await expect(page).toHaveURL(/\/appeal\?step=evidence$/);
  await page.goto('/appeal?step=result');
  await expectStep(page, c.form.steps.evidence);
  await expect(page).toHaveURL(/\/appeal\?step=evidence$/);
  // A step already reached opens as asked.
  await page.goto('/appeal?step=device');
  await expectStep(page, c.form.steps.device);
  await expect(imei(page)).toHaveValue(MINIMAL_BUYER.imei);
  // The plain address goes on where the user left off.
  await page.goto('/appeal?step=purchase');
  await expectStep(page, c.form.steps.purchase);
  await page.goto('/appeal');
  await expectStep(page, c.form.steps.purchase);
  await expect(page).toHaveURL(/\/appeal\?step=purchase$/);
});

test('Start over leaves no step of the old appeal to go back or forward to: one Back leaves the form', async ({ page }) => {
  test.setTimeout(120_000);
  await openFreshAppeal(page);
  await page.goto('/');
  await page.getByRole('link', { name: c.home.start }).first().click();
  await expectStep(page, c.form.steps.device);
  await fillDevice(page, c, MINIMAL_BUYER);
  await continueTo(page, c, c.form.steps.purchase);
  await fillPurchase(page, c, MINIMAL_BUYER);
  await continueTo(page, c, c.form.steps.evidence);
  await page.goBack();
  await expectStep(page, c.form.steps.purchase);

  await page.getByRole('button', { name: c.form.startOver.button }).click();
  await page.getByRole('dialog', { name: c.form.startOver.title }).getByRole('button', { name: c.form.startOver.confirm }).click();
  await expectStep(page, c.form.steps.device);
  await expect(page).toHaveURL(/\/appeal$/);
  await expect(imei(page)).toHaveValue('');

  // Forward: the old appeal's Proof step is not offered.
  await page.goForward();
  await expectStep(page, c.form.steps.device);
  await expect(page).toHaveURL(/\/appeal$/);
  await expect(imei(page)).toHaveValue('');
  // Back: the old appeal's entries (its Purchase step, its step 1) would all show this same empty
  // step 1; they are passed over, and one press leaves the form for the start page.
  await page.goBack();
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(heading(page)).toHaveText(c.home.title);
  // And Forward comes back to the fresh appeal, not to a step of the old one.
  await page.goForward();
  await expectStep(page, c.form.steps.device);
  await expect(imei(page)).toHaveValue('');
});

test('the skip link’s own history entry does not turn Back into Forward', async ({ page }) => {
  await openFreshAppeal(page);
  await fillDevice(page, c, MINIMAL_BUYER);
  await continueTo(page, c, c.form.steps.purchase);
  // The skip link is a #fragment link: the browser adds an entry the form did not write.
  await page.getByRole('link', { name: c.home.skipToContent }).focus();
  await page.keyboard.press('Enter');
  await expectStep(page, c.form.steps.purchase);
  await page.goBack();
  await page.goBack();
  await expectStep(page, c.form.steps.device);
  await expect(imei(page)).toHaveValue(MINIMAL_BUYER.imei);
});

test('Back from the result page returns to the review, as “Back to my answers” does; Forward shows the appeal again', async ({ page }) => {
  test.setTimeout(240_000);
  await reachReview(page, c, MINIMAL_BUYER, addQuickEvidence);
  // The review's Change buttons are moves too.
  await page.getByRole('button', { name: `${c.form.review.change} ${c.form.steps.contact}` }).click();
  await expectStep(page, c.form.steps.contact);
  await page.goBack();
  await expectStep(page, c.form.steps.review);
  await createAppeal(page, c);
  await expect(page).toHaveURL(/\/appeal\?step=result$/);
  const reference = page.locator('.case-reference strong').first();
  const shown = await reference.textContent();

  await page.goBack();
  await expectStep(page, c.form.steps.review);
  await expect(heading(page)).toBeFocused();
  await page.goForward();
  await expectResult(page, c);
  await expect(reference).toHaveText(shown!);

  await page.getByRole('button', { name: c.result.edit }).click();
  await expectStep(page, c.form.steps.review);
  await page.goBack();
  await expectResult(page, c);

  // An answer changed after the PDF was made: that PDF no longer says what the form does, so
  // Forward stops at the review, where a new one is made.
  await page.goBack();
  await expectStep(page, c.form.steps.review);
  await page.goBack();
  await expectStep(page, c.form.steps.contact);
  await textbox(page, c.form.contact.ownerName.label).fill('Erika Mustermann');
  await expect(page.getByText(c.form.saved, { exact: true })).toBeVisible();
  await page.goForward();
  await expectStep(page, c.form.steps.review);
  await page.goForward();
  await expectStep(page, c.form.steps.review);
  await expect(page).toHaveURL(/\/appeal\?step=review$/);
  await page.reload();
  await expectStep(page, c.form.steps.review);
  await page.goto('/appeal?step=result');
  await expectStep(page, c.form.steps.review);
});
