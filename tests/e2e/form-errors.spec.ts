import { readFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';

import { fixturePath } from '../support/fixtures';
import { CATALOGUES, fill } from './support/catalogue';
import {
  MINIMAL_BUYER,
  addQuickEvidence,
  continueTo,
  expectNoAxeViolations,
  expectStep,
  fillDevice,
  fillPurchase,
  goToStep,
  listedFiles,
  openFreshAppeal,
  pressContinue,
  reachEvidence,
  reachReview,
  screenshot,
  textbox,
  zone,
} from './support/pages';

const c = CATALOGUES.en;

test.use({ locale: 'en-GB' });

test('a wrong IMEI is explained live, in the summary and at the field', async ({ page }, testInfo) => {
  await page.goto('/appeal');
  const imei = page.getByLabel(c.form.device.imei.label, { exact: true });
  await imei.fill('868907041234568');
  await expect(page.getByText(c.form.device.imeiLive.wrongCheckDigit)).toBeVisible();

  await pressContinue(page, c);
  const message = fill(c.errors.imei.wrongCheckDigit, { digits: 15 });
  const summary = page.getByRole('alert').filter({ hasText: message });
  await expect(summary).toBeFocused();
  await expect(page.locator('#imei-error')).toHaveText(message);
  // The summary names the field, for messages that alone would not say which one.
  await expect(summary.getByRole('link')).toHaveText(`${c.form.device.imei.label}: ${message}`);
  await expect(imei).toHaveAttribute('aria-invalid', 'true');
  await expect(imei).toHaveAttribute('aria-describedby', /imei-error/);
  await expectStep(page, c.form.steps.device);
  await expectNoAxeViolations(page, 'device step with errors');
  await screenshot(page, testInfo, 'error-imei');

  // The summary's link leads to the field; fixing it lets the user on.
  await summary.getByRole('link', { name: message }).click();
  await expect(imei).toBeFocused();
  await imei.fill('868907041234565');
  await expect(page.locator('#imei-error')).toHaveCount(0);
  await pressContinue(page, c);
  await expectStep(page, c.form.steps.purchase);
});

/** A fresh appeal with the device step done, on the purchase step. */
async function reachPurchase(page: Page) {
  await openFreshAppeal(page);
  await fillDevice(page, c, MINIMAL_BUYER);
  await continueTo(page, c, c.form.steps.purchase);
}

test('a wrong recipient address holds Continue on the purchase step, listed in the summary', async ({ page }, testInfo) => {
  await reachPurchase(page);
  await fillPurchase(page, c, MINIMAL_BUYER);
  const recipient = page.getByLabel(c.form.purchase.recipient.label);
  const r = c.form.purchase.recipient;

  await recipient.fill('foo');
  await pressContinue(page, c);
  await expectStep(page, c.form.steps.purchase);
  const summary = page.getByRole('alert').filter({ hasText: r.invalid });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(`${r.label}: ${r.invalid}`);
  await expect(recipient).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'purchase step with a wrong recipient');
  await screenshot(page, testInfo, 'error-recipient');
  // The summary's link leads to the box, which may be far below on a phone.
  await summary.getByRole('link').click();
  await expect(recipient).toBeFocused();

  // Emptied: still refused, with the message for an empty box.
  await recipient.fill('');
  await pressContinue(page, c);
  await expectStep(page, c.form.steps.purchase);
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(`${r.label}: ${r.empty}`);

  // Corrected: the summary's line goes at once, and Continue lets the user on.
  await recipient.fill('service.de@support.mi.com');
  await expect(page.getByRole('alert').filter({ hasText: r.label })).toHaveCount(0);
  await continueTo(page, c, c.form.steps.evidence);
});

test('a half-typed purchase date is called incomplete, not empty', async ({ page }) => {
  await reachPurchase(page);
  await fillPurchase(page, c, MINIMAL_BUYER);
  const date = page.getByLabel(c.form.purchase.purchaseDate.label);
  await date.fill('');
  // Day and month typed, the year not (the box shows 03/03/yyyy, in either order): the browser reports "".
  await date.focus();
  await page.keyboard.type('0303');
  await expect(date).toHaveValue('');
  expect(await date.evaluate((input: HTMLInputElement) => input.validity.badInput)).toBe(true);

  await pressContinue(page, c);
  await expectStep(page, c.form.steps.purchase);
  const error = page.locator('#purchaseDate-error');
  await expect(error).not.toHaveText(c.errors.required);
  await expect(error).toHaveText(c.errors.date.incomplete);
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(`${c.form.purchase.purchaseDate.label}: ${c.errors.date.incomplete}`);

  // The whole date: the message goes, and the step is done.
  await page.getByRole('alert').getByRole('link').click();
  await date.fill('2025-03-14');
  await expect(error).toHaveCount(0);
  // An empty box is still "required".
  await date.fill('');
  await expect(error).toHaveText(c.errors.required);
  await date.fill('2025-03-14');
  await continueTo(page, c, c.form.steps.evidence);
});

test('an unanswered drop-down or radio group asks to choose, not to fill in', async ({ page }) => {
  await reachPurchase(page);
  await pressContinue(page, c);
  await expect(page.locator('#country-error')).not.toHaveText(c.errors.required);
  await expect(page.locator('#country-error')).toHaveText(c.errors.choice.required);
  await expect(page.locator('#purchaseChannel-error')).toHaveText(c.errors.choice.required);
  // The date is a box to fill in.
  await expect(page.locator('#purchaseDate-error')).toHaveText(c.errors.required);
});

test('the error summary puts no colon after a label that ends in a question mark', async ({ page }) => {
  await reachPurchase(page);
  await pressContinue(page, c);
  const links = page.getByRole('alert').getByRole('link');
  const channel = links.filter({ hasText: c.form.purchase.channel.label });
  await expect(channel).toHaveCount(1);
  await expect(channel).not.toContainText('?:');
  await expect(channel).toHaveText(`${c.form.purchase.channel.label} ${c.errors.choice.required}`);
  await expect(links.filter({ hasText: c.form.purchase.country.label })).toHaveText(`${c.form.purchase.country.label}: ${c.errors.choice.required}`);
});

test('the review repeats the e-mail typo hint, and one tap takes the suggestion', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await reachReview(page, c, { ...MINIMAL_BUYER, email: 'ivan@gmial.com' }, addQuickEvidence);
  const hint = fill(c.form.contact.contactEmail.didYouMean, { suggestion: 'ivan@gmail.com' });
  const contact = page.getByRole('region', { name: c.form.steps.contact });
  await expect(contact.getByText(hint)).toBeVisible();
  await expectNoAxeViolations(page, 'review with an e-mail typo hint');
  await screenshot(page, testInfo, 'review-email-suggestion');

  await contact.getByRole('button', { name: fill(c.form.contact.contactEmail.useSuggestion, { suggestion: 'ivan@gmail.com' }) }).click();
  await expect(contact.getByText(hint)).toHaveCount(0);
  await expect(contact).toContainText('ivan@gmail.com');
  await expect(contact).not.toContainText('gmial');
  // Focus stays in the section: on the address that took the button's place.
  await expect(contact.getByText('ivan@gmail.com', { exact: true })).toBeFocused();
  // Taken into the appeal itself, not only shown: the contact step has it too.
  await goToStep(page, c, 'contact');
  await expect(textbox(page, c.form.contact.contactEmail.label)).toHaveValue('ivan@gmail.com');
});

test('a file that is not an image is refused at once, in its own zone', async ({ page }, testInfo) => {
  await reachEvidence(page, c, MINIMAL_BUYER);

  await page.getByLabel(c.form.evidence.pick.boxPhoto).setInputFiles(fixturePath('not-an-image.jpg'));
  const boxZone = zone(page, c, 'boxPhoto');
  await expect(boxZone).toContainText(fill(c.errors.file.unsupportedType, { file: 'not-an-image.jpg' }));
  await expect(listedFiles(page, c, 'boxPhoto')).toHaveCount(0);
  await expect(zone(page, c, 'receipt')).not.toContainText('not-an-image.jpg');

  // A PDF is not a photo of the box.
  await page.getByLabel(c.form.evidence.pick.boxPhoto).setInputFiles(fixturePath('e-receipt.pdf'));
  await expect(boxZone).toContainText(fill(c.errors.file.pdfNotBoxPhoto, { file: 'e-receipt.pdf' }));

  // Continue without any file: the first zone says that one file, of any kind, is needed.
  await pressContinue(page, c);
  await expect(boxZone).toContainText(c.errors.files.missingEvidence);
  await expect(zone(page, c, 'receipt')).not.toContainText(c.errors.files.missingEvidence);
  await expectNoAxeViolations(page, 'evidence step with errors');
  await screenshot(page, testInfo, 'error-file');

  // The PDF added where it belongs: its refusal under the box label goes.
  await page.getByLabel(c.form.evidence.pick.receipt).setInputFiles(fixturePath('e-receipt.pdf'));
  await expect(listedFiles(page, c, 'receipt')).toHaveCount(1);
  await expect(boxZone).not.toContainText(fill(c.errors.file.pdfNotBoxPhoto, { file: 'e-receipt.pdf' }));

  // Dropping a file on a zone adds it; Replace swaps it for another.
  const png = readFileSync(fixturePath('order-screenshot.png')).toString('base64');
  const dataTransfer = await page.evaluateHandle((base64) => {
    const transfer = new DataTransfer();
    const data = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    transfer.items.add(new File([data], 'dropped-order.png', { type: 'image/png' }));
    return transfer;
  }, png);
  await boxZone.dispatchEvent('drop', { dataTransfer });
  await expect(boxZone.getByRole('button', { name: `${c.form.evidence.remove} dropped-order.png` })).toBeVisible();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    boxZone.getByRole('button', { name: `${c.form.evidence.replace} dropped-order.png` }).click(),
  ]);
  await chooser.setFiles(fixturePath('box-label-12mp.jpg'));
  await expect(boxZone.getByRole('button', { name: `${c.form.evidence.remove} box-label-12mp.jpg` })).toBeVisible({ timeout: 30_000 });
  await expect(listedFiles(page, c, 'boxPhoto')).toHaveCount(1);
  await expect(boxZone).not.toContainText(c.errors.files.missingEvidence);
});

type ServerError = { code: string; message: string; fields: Record<string, string> };

/** From now on the appeal route answers with this error, in the server's own shape. */
async function serverAnswers(page: Page, status: number, error: ServerError) {
  await page.unroute('**/api/appeal');
  await page.route('**/api/appeal', (route) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ error }) }));
}

test('server errors appear where they belong: a 500 at the button, field errors at their step', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await reachReview(page, c, MINIMAL_BUYER);
  const create = page.getByRole('button', { name: c.form.generate.start });

  await serverAnswers(page, 500, { code: 'unexpected', message: 'Something went wrong on our side (test 42).', fields: {} });
  await create.click();
  const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong on our side (test 42).' });
  await expect(alert).toBeFocused();
  await expectStep(page, c.form.steps.review);
  await expectNoAxeViolations(page, 'review with a server error');
  await screenshot(page, testInfo, 'error-server-500');

  // 422: an unreadable receipt → the evidence step, the message in the receipt zone.
  const unreadable = '“receipt-photo-12mp.jpg” could not be read (test).';
  await serverAnswers(page, 422, { code: 'file.unreadable', message: unreadable, fields: { receipt: unreadable } });
  await create.click();
  await expectStep(page, c.form.steps.evidence);
  await expect(zone(page, c, 'receipt')).toContainText(unreadable);
  await expect(page.getByRole('alert').filter({ hasText: unreadable })).toBeFocused();
  await screenshot(page, testInfo, 'error-server-422');

  // 400: the contact e-mail refused by the server → the contact step, at the field.
  const badEmail = 'This is not a valid e-mail address (test).';
  await serverAnswers(page, 400, { code: 'invalid', message: 'Invalid fields', fields: { contactEmail: badEmail } });
  await goToStep(page, c, 'review');
  await create.click();
  await expectStep(page, c.form.steps.contact);
  await expect(page.locator('#contactEmail-error')).toHaveText(badEmail);
  await expect(textbox(page, c.form.contact.contactEmail.label)).toHaveAttribute('aria-invalid', 'true');
});

test('an answer that is not from the app says what to do: a proxy 413, a Wi-Fi sign-in page', async ({ page }) => {
  test.setTimeout(120_000);
  await reachReview(page, c, MINIMAL_BUYER);
  const create = page.getByRole('button', { name: c.form.generate.start });

  // A proxy in front of the app with a smaller upload limit: trying again cannot help.
  await page.route('**/api/appeal', (route) => route.fulfill({ status: 413, contentType: 'text/html', body: '<html><body>413 Request Entity Too Large</body></html>' }));
  await create.click();
  await expect(page.getByRole('alert').filter({ hasText: fill(c.errors.request.tooLarge, { maxMb: 60 }) })).toBeFocused();

  // A hotel Wi-Fi's sign-in page answers instead of the app.
  await page.unroute('**/api/appeal');
  await page.route('**/api/appeal', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>Sign in to Hotel Wi-Fi</body></html>' }));
  await create.click();
  await expect(page.getByRole('alert').filter({ hasText: c.form.generate.notFromServer })).toBeFocused();
  await expectStep(page, c.form.steps.review);
});

test('the upload can be cancelled, and nothing is lost', async ({ page }) => {
  test.setTimeout(120_000);
  await reachReview(page, c, MINIMAL_BUYER);
  // The server never answers: the request stays open until the user cancels it.
  await page.route('**/api/appeal', () => undefined);
  const create = page.getByRole('button', { name: c.form.generate.start });
  await create.click();
  await expect(create).toBeDisabled();
  await expect(page.getByText(c.form.generate.processing).or(page.getByText(c.form.generate.uploading))).toBeVisible();
  await page.getByRole('button', { name: c.form.generate.cancel }).click();
  // Said plainly, and focus goes back to the button that starts again.
  await expect(page.getByText(c.form.generate.cancelled)).toBeVisible();
  await expect(create).toBeEnabled();
  await expect(create).toBeFocused();
  await expect(page.getByRole('button', { name: c.form.generate.cancel })).toHaveCount(0);
  await expectStep(page, c.form.steps.review);
  await expect(page.locator('.review')).toContainText(MINIMAL_BUYER.name);
});

/** HEIC's header (the browser cannot decode HEIC, so it is sent as it is) and then nothing decodable. */
function brokenHeic(): Buffer {
  const header = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
  return Buffer.concat([header, Buffer.alloc(4096, 0x5a)]);
}

test('a file the real server cannot read is reported in the zone of that file', async ({ page }) => {
  test.setTimeout(120_000);
  await reachReview(page, c, MINIMAL_BUYER);
  await goToStep(page, c, 'evidence');
  await page.getByLabel(c.form.evidence.pick.extra).setInputFiles({ name: 'broken.heic', mimeType: 'image/heic', buffer: brokenHeic() });
  const extraZone = zone(page, c, 'extra');
  await expect(extraZone.getByRole('button', { name: new RegExp(`^${c.form.evidence.remove} broken`) })).toBeVisible({ timeout: 30_000 });
  await goToStep(page, c, 'review');
  await page.getByRole('button', { name: c.form.generate.start }).click();

  await expectStep(page, c.form.steps.evidence);
  await expect(extraZone.locator('.field-error').first()).toContainText('broken.heic', { timeout: 60_000 });

  // Removing the file answers the message for good: it does not come back with the step (it is
  // saved with the draft) and does not hold Continue.
  await extraZone.getByRole('button', { name: new RegExp(`^${c.form.evidence.remove} broken`) }).click();
  await expect(extraZone.locator('.field-error')).toHaveCount(0);
  await page.getByRole('button', { name: c.form.back }).click();
  await expectStep(page, c.form.steps.purchase);
  // The review has been reached: Continue goes back to it.
  await continueTo(page, c, c.form.steps.review);
  await goToStep(page, c, 'evidence');
  await expect(page.getByText('broken.heic')).toHaveCount(0);
  await continueTo(page, c, c.form.steps.review);
});

test('“Change” on a step Review calls incomplete shows what is missing there at once; a complete step stays quiet', async ({ page }) => {
  await reachReview(page, c, MINIMAL_BUYER, addQuickEvidence);
  // Back through the step list, the e-mail wiped, then straight on to Review.
  await goToStep(page, c, 'contact');
  await textbox(page, c.form.contact.contactEmail.label).fill('');
  await goToStep(page, c, 'review');
  const contact = page.getByRole('region', { name: c.form.steps.contact });
  await expect(contact.getByText(c.form.review.incomplete)).toBeVisible();

  await contact.getByRole('button', { name: `${c.form.review.change} ${c.form.steps.contact}` }).click();
  await expectStep(page, c.form.steps.contact);
  // Without pressing Continue: the summary names the field, takes focus, and the field says why.
  // Not Next's route announcer, also an alert: the one headed by the summary's title.
  const summary = page.getByRole('alert').filter({ has: page.locator('#error-summary-title') });
  await expect(summary.getByRole('link')).toHaveText(`${c.form.contact.contactEmail.label}: ${c.errors.required}`);
  await expect(summary).toBeFocused();
  await expect(page.locator('#contactEmail-error')).toHaveText(c.errors.required);
  // The message goes as the field is put right, as it does after a failed Continue.
  await textbox(page, c.form.contact.contactEmail.label).fill(MINIMAL_BUYER.email);
  await expect(page.locator('#contactEmail-error')).toHaveCount(0);

  // A step that passes its check shows nothing on the way back.
  await page.getByRole('button', { name: c.form.back, exact: true }).click();
  await expectStep(page, c.form.steps.evidence);
  await expect(summary).toHaveCount(0);
  await page.getByRole('button', { name: c.form.back, exact: true }).click();
  await expectStep(page, c.form.steps.purchase);
  await expect(summary).toHaveCount(0);
  await expect(page.locator('.field-error')).toHaveCount(0);
});
