/**
 * Issue 14: things a stressed user did by reflex that cost them work or filled the screen. Each
 * runs at a desktop width and at 360 px, where layout decides what sits under the pointer.
 */
import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';
import { createTranslator } from 'next-intl';

import enAssistant from '../../lib/i18n/messages/en/assistant.json';
import { fixturePath } from '../support/fixtures';
import { CATALOGUES, fill, prefix } from './support/catalogue';
import { MINIMAL_BUYER, addQuickEvidence, continueTo, expectNoAxeViolations, expectResult, expectStep, fillPurchase, listedFiles, openFreshAppeal, pressContinue, reachEvidence, reachReview, screenshot, textbox, zone } from './support/pages';

const c = CATALOGUES.en;

test.use({ locale: 'en-GB' });

for (const width of [1280, 360]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('a double click on "Create my appeal" sends one appeal and cancels nothing', async ({ page }, testInfo) => {
      test.setTimeout(180_000);
      await reachReview(page, c, MINIMAL_BUYER, addQuickEvidence);

      const sent: string[] = [];
      const failed: string[] = [];
      const isAppeal = (url: string, method: string) => method === 'POST' && new URL(url).pathname === '/api/appeal';
      page.on('request', (request) => {
        if (isAppeal(request.url(), request.method())) sent.push(request.url());
      });
      page.on('requestfailed', (request) => {
        if (isAppeal(request.url(), request.method())) failed.push(request.failure()?.errorText ?? 'failed');
      });

      await page.getByRole('button', { name: c.form.generate.start }).dblclick();
      await expectResult(page, c);
      expect(sent).toHaveLength(1);
      expect(failed).toEqual([]);
      await screenshot(page, testInfo, `${width}-double-click-result`);
    });

    test('the same IMEI error appears once per place, and the suggestion fills the field', async ({ page }, testInfo) => {
      await openFreshAppeal(page);
      const imei = page.getByLabel(c.form.device.imei.label, { exact: true });
      await imei.fill('86890704123456');
      await pressContinue(page, c);

      const message = fill(c.errors.imei.missingCheckDigit, { suggestion: '868907041234565' });
      const summary = page.getByRole('alert').filter({ hasText: message });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link', { name: message })).toHaveCount(1);
      await expect(page.locator('#imei-error')).toHaveText(message);
      // Once in the summary, once at the field, nowhere else (no third box repeating it).
      await expect(page.getByText(message, { exact: true })).toHaveCount(2);
      // The live line under the box no longer repeats it in its own words.
      await expect(page.getByText(prefix(c.form.device.imeiLive.suggestion))).toHaveCount(0);
      await expectNoAxeViolations(page, 'device step with an IMEI error');
      await screenshot(page, testInfo, `${width}-imei-error-once`);

      const use = page.getByRole('button', { name: fill(c.form.device.imeiLive.use, { imei: '868907041234565' }) });
      await expect(use).toHaveCount(1);
      await use.click();
      await expect(imei).toHaveValue('868907041234565');
      await expect(page.locator('#imei-error')).toHaveCount(0);
      await expect(page.getByText(message, { exact: true })).toHaveCount(0);
    });

    test('a slip in a common mail service is questioned once the box is left, and one tap fixes it', async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      await reachEvidence(page, c, MINIMAL_BUYER);
      await addQuickEvidence(page, c);
      await continueTo(page, c, c.form.steps.contact);
      const email = textbox(page, c.form.contact.contactEmail.label);
      const question = page.getByText(fill(c.form.contact.contactEmail.didYouMean, { suggestion: 'maria.ivanova@gmail.com' }));
      await email.fill('maria.ivanova@gmial.com');
      // Not while typing: only once the user leaves the box.
      await expect(question).toHaveCount(0);
      await page.keyboard.press('Tab');
      await expect(question).toBeVisible();
      await expect(email).toHaveAttribute('aria-describedby', /contactEmail-live/);
      await expectNoAxeViolations(page, 'contact step with an e-mail question');
      await screenshot(page, testInfo, `${width}-email-did-you-mean`);

      await page.getByRole('button', { name: fill(c.form.contact.contactEmail.useSuggestion, { suggestion: 'maria.ivanova@gmail.com' }) }).click();
      await expect(email).toHaveValue('maria.ivanova@gmail.com');
      await expect(email).toBeFocused();
      await expect(question).toHaveCount(0);
      // A right address gets no question.
      await email.fill('petar@abv.bg');
      await page.keyboard.press('Tab');
      await expect(page.locator('#contactEmail-live')).toBeEmpty();

      // An address cut short is refused with what it lacks, read out with the box.
      await email.fill('maria@gmail');
      await pressContinue(page, c);
      const lacks = c.errors.email.noDomainEnding;
      await expect(page.getByRole('alert').getByRole('link', { name: `${c.form.contact.contactEmail.label}: ${lacks}` })).toHaveCount(1);
      await expect(email).toHaveAccessibleDescription(new RegExp(lacks.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    });
  });
}

test('a truncated JPEG is refused in its zone at once, and the step cannot be passed with it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await reachEvidence(page, c, MINIMAL_BUYER);
  const whole = readFileSync(fixturePath('box-label-12mp.jpg'));
  const half = whole.subarray(0, Math.floor(whole.length / 2));
  await page.getByLabel(c.form.evidence.pick.boxPhoto).setInputFiles({ name: 'cut-in-half.jpg', mimeType: 'image/jpeg', buffer: half });

  await expect(zone(page, c, 'boxPhoto')).toContainText(fill(c.errors.file.unreadable, { file: 'cut-in-half.jpg' }), { timeout: 30_000 });
  await expect(listedFiles(page, c, 'boxPhoto')).toHaveCount(0);
  await expect(zone(page, c, 'receipt')).not.toContainText('cut-in-half.jpg');
  await expectNoAxeViolations(page, 'evidence step with a truncated photo refused');
  await screenshot(page, testInfo, 'truncated-refused');

  // The refused file does not count as proof: the step cannot be passed with it alone.
  await pressContinue(page, c);
  await expectStep(page, c.form.steps.evidence);
  await expect(page.locator('main')).toContainText(c.errors.files.missingEvidence);
});

test('two quick picks in a zone cannot pass its limit together', async ({ page }) => {
  test.setTimeout(120_000);
  await reachEvidence(page, c, MINIMAL_BUYER);
  const box = readFileSync(fixturePath('box-label-12mp.jpg'));
  const photos = (names: string[]) => names.map((name) => ({ name, mimeType: 'image/jpeg', buffer: box }));
  const picker = page.getByLabel(c.form.evidence.pick.boxPhoto);
  // The second pick comes while the first pick's 12 MP photos are still being shrunk.
  await picker.setInputFiles(photos(['box-1.jpg', 'box-2.jpg']));
  await picker.setInputFiles(photos(['box-3.jpg', 'box-4.jpg']));

  const boxZone = zone(page, c, 'boxPhoto');
  const tooMany = createTranslator({ locale: 'en', messages: c, namespace: 'errors' })('files.zoneFull', { files: '“box-4.jpg”', count: 1, role: 'boxPhoto', max: 3 });
  await expect(boxZone).toContainText(tooMany, { timeout: 60_000 });
  await expect(listedFiles(page, c, 'boxPhoto')).toHaveCount(3, { timeout: 60_000 });
  await expect(boxZone.getByRole('button', { name: `${c.form.evidence.remove} box-4.jpg` })).toHaveCount(0);
});

test('the box-label photo read on the device step is listed on the Proof step, once', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openFreshAppeal(page);
  await page.getByLabel(enAssistant.label.fromPhoto).setInputFiles(fixturePath('box-label-12mp.jpg'));
  await expect(page.getByTestId('imei-photo-filled')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('imei-photo-added')).toHaveText(enAssistant.label.fromPhotoAdded);
  await expect(textbox(page, c.form.device.imei2.label)).not.toHaveValue('');
  // The same photo read again is not added again, and the note says so rather than "added".
  await page.getByLabel(enAssistant.label.fromPhoto).setInputFiles(fixturePath('box-label-12mp.jpg'));
  await expect(page.getByTestId('imei-photo-added')).toHaveText(fill(enAssistant.label.fromPhotoNotAdded, { max: 3 }), { timeout: 60_000 });
  await continueTo(page, c, c.form.steps.purchase);
  await fillPurchase(page, c, MINIMAL_BUYER);
  await continueTo(page, c, c.form.steps.evidence);

  const listed = zone(page, c, 'boxPhoto').getByRole('button', { name: `${c.form.evidence.remove} box-label-12mp.jpg` });
  await expect(listed).toHaveCount(1);
  // It arrives already read: its entry carries the label's IMEIs.
  await expect(zone(page, c, 'boxPhoto').getByRole('listitem').first()).toContainText('868907041234565');
  await screenshot(page, testInfo, 'label-photo-on-proof-step');

  // Picking the same photo again on this step does not list it twice.
  await page.getByLabel(c.form.evidence.pick.boxPhoto).setInputFiles(fixturePath('box-label-12mp.jpg'));
  await expect(zone(page, c, 'boxPhoto')).toContainText(fill(c.errors.files.alreadyAdded, { file: 'box-label-12mp.jpg' }), { timeout: 30_000 });
  await expect(listedFiles(page, c, 'boxPhoto')).toHaveCount(1);

  // And it can be removed like any other file.
  await listed.click();
  await expect(listedFiles(page, c, 'boxPhoto')).toHaveCount(0);
});

test('typing on after "Continue", while the step’s checks are still loading, does not move to the next step', async ({ page }) => {
  await openFreshAppeal(page);
  const imei = page.getByLabel(c.form.device.imei.label, { exact: true });
  await expect(imei).toBeEnabled();
  // A slow connection from here on: every script arrives 2 s late, the step's checks (zod) among them.
  await page.route('**/_next/static/chunks/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await pressContinue(page, c);
  await imei.fill('868907041234565');

  // The verdict is on the empty step that was submitted: its summary, and still the device step.
  const summary = page.getByRole('alert').filter({ has: page.getByRole('link') });
  await expect(summary.locator('a[href="#imei"]')).toHaveCount(1);
  await expectStep(page, c.form.steps.device);
  await expect(imei).toHaveValue('868907041234565');
  // What was typed meanwhile counts the next time: Continue now moves on.
  await continueTo(page, c, c.form.steps.purchase);
});

test('a part of the form that fails to download gets a reload offer, and the reload brings back what was typed', async ({ page }, testInfo) => {
  await openFreshAppeal(page);
  const imei = page.getByLabel(c.form.device.imei.label, { exact: true });
  await expect(imei).toBeEnabled();
  // The connection drops after the page has loaded: no script arrives any more (the step's checks,
  // the next step).
  await page.route('**/_next/static/chunks/**', (route) => route.abort('internetdisconnected'));
  await imei.fill('868907041234565');
  await pressContinue(page, c);

  const problem = page.getByRole('alert').filter({ hasText: c.form.pageError.heading });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText(c.form.pageError.text);
  await expectNoAxeViolations(page, 'the form’s error boundary');
  await screenshot(page, testInfo, 'form-part-failed');

  // Back online: the reload brings the step back with the IMEI the browser saved.
  await page.unroute('**/_next/static/chunks/**');
  await page.getByRole('button', { name: c.form.pageError.reload }).click();
  await expectStep(page, c.form.steps.device);
  await expect(page.getByLabel(c.form.device.imei.label, { exact: true })).toHaveValue('868907041234565');
  await continueTo(page, c, c.form.steps.purchase);
});
