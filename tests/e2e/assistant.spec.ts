import { expect, test, type Page } from '@playwright/test';

import ru from '../../lib/i18n/messages/ru/assistant.json';
import { fixturePath } from '../support/fixtures';
import { CATALOGUES, fill } from './support/catalogue';
import { MINIMAL_BUYER, RUSSIAN_OWNER, addEvidence, continueTo, expectNoAxeViolations, fillContact, fillDevice, fillPurchase, openFreshAppeal, reachEvidence, type PersonAnswers } from './support/pages';

const IMEI1 = '868907041234565';
const IMEI2 = '867443033012349';
const digits = (value: string) => value.replace(/\D/g, '');

const en = CATALOGUES.en;

/** The device and purchase steps filled with `imei` (no second IMEI: the label may fill it). */
const reachEvidenceStep = (page: Page, imei: string) => reachEvidence(page, en, { ...MINIMAL_BUYER, imeiTyped: imei, imei });

test('uploading the box photo fills the empty IMEI field from the label barcode', async ({ page }) => {
  await reachEvidenceStep(page, IMEI1);
  await page.locator('#boxPhoto-input').setInputFiles(fixturePath('box-label-12mp.jpg'));

  const panel = page.locator('.assistant-panel');
  await expect(panel).toContainText('Read from the box label: 868907041234565, 867443033012349.', { timeout: 30_000 });
  await expect(panel.getByTestId('assistant-imei-imei')).toContainText('Matches the box label barcode.');
  await expect(panel.getByTestId('assistant-imei-imei2')).toContainText('Read from the box photo.');
  // The box photo's own entry in the zone's file list carries the same remark.
  await expect(page.getByRole('list', { name: 'Files added: Box label' }).getByRole('listitem').first()).toContainText('Read from the box label');
  await page.screenshot({ path: test.info().outputPath('evidence-step.png'), fullPage: true });

  // Back on the device step, the second IMEI is there as if typed.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Second IMEI (IMEI2)')).toHaveValue(IMEI2);
  expect(digits(await page.getByLabel('IMEI (IMEI1)').inputValue())).toBe(IMEI1);
});

test('a slow label reading that answers after its photo was removed changes nothing', async ({ page }) => {
  await reachEvidenceStep(page, IMEI1);
  // The check is held until the photo is gone, then let through to answer as usual.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/evidence-check', async (route) => {
    await held;
    await route.continue().catch(() => undefined);
  });
  const isCheck = (request: { url(): string }) => request.url().endsWith('/api/evidence-check');
  const asked = page.waitForRequest(isCheck, { timeout: 30_000 });
  await page.locator('#boxPhoto-input').setInputFiles(fixturePath('box-label-12mp.jpg'));
  await asked;
  const settled = Promise.race([page.waitForEvent('requestfinished', isCheck), page.waitForEvent('requestfailed', isCheck)]);
  await page.getByRole('button', { name: `${en.form.evidence.remove} box-label-12mp.jpg` }).click();
  release();
  await settled;
  // Time for a late answer to be applied, if it were.
  await page.waitForTimeout(1_500);

  // The label's second IMEI did not land in the empty field, and nothing claims to have read it.
  await expect(page.getByText('Read from the box label')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Second IMEI (IMEI2)')).toHaveValue('');
});

test('on the device step, a photo of the box label fills both IMEI fields', async ({ page }) => {
  await page.goto('/appeal');
  await page.getByLabel('Read the IMEI from a photo of the box label').setInputFiles(fixturePath('box-label-12mp.jpg'));
  await expect(page.getByTestId('imei-photo-filled')).toContainText('868907041234565, 867443033012349', { timeout: 30_000 });
  expect(digits(await page.getByLabel('IMEI (IMEI1)').inputValue())).toBe(IMEI1);
  expect(digits(await page.getByLabel('Second IMEI (IMEI2)').inputValue())).toBe(IMEI2);
  await expectNoAxeViolations(page, 'device step with the photo reader');
});

test('on the device step, what is said is about the photo picked last, however the readings finish', async ({ page }) => {
  await page.goto('/appeal');
  const picker = page.getByLabel('Read the IMEI from a photo of the box label');
  await expect(picker).toBeAttached();
  // The first photo's check (the box label) is held until the second (a receipt, no barcode) has answered.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let checks = 0;
  await page.route('**/api/evidence-check', async (route) => {
    checks += 1;
    if (checks === 1) await held;
    await route.continue().catch(() => undefined);
  });
  const isCheck = (request: { url(): string }) => request.url().endsWith('/api/evidence-check');
  const first = page.waitForRequest(isCheck, { timeout: 30_000 });
  await picker.setInputFiles(fixturePath('box-label-12mp.jpg'));
  await first;
  await picker.setInputFiles(fixturePath('receipt-photo-12mp.jpg'));
  await expect(page.getByText(en.assistant.label.none)).toBeVisible({ timeout: 30_000 });
  const settled = page.waitForEvent('requestfinished', isCheck);
  release();
  await settled;
  // The label's reading still fills the empty fields and joins the box photos…
  await expect(page.getByLabel('IMEI (IMEI1)')).not.toHaveValue('', { timeout: 10_000 });
  // … but the words under the button stay about the receipt photo, picked last.
  await expect(page.getByText(en.assistant.label.none)).toBeVisible();
  await expect(page.getByTestId('imei-photo-filled')).toHaveCount(0);
});

test('a receipt read on the device step is not filed as a box label: the user is told where to add it', async ({ page }) => {
  await openFreshAppeal(page);
  // The receipt shows the IMEI, as the step's help says, but as text: no barcode to read.
  await page.getByLabel(en.assistant.label.fromPhoto).setInputFiles(fixturePath('receipt-photo-12mp.jpg'));
  await expect(page.getByText(en.assistant.label.none)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('imei-photo-added')).toHaveText(en.assistant.label.fromPhotoNoBarcode);
  await fillDevice(page, en, MINIMAL_BUYER);
  await continueTo(page, en, en.form.steps.purchase);
  await fillPurchase(page, en, MINIMAL_BUYER);
  await continueTo(page, en, en.form.steps.evidence);
  // Before, it sat under "Box label", and the PDF said no receipt was enclosed.
  await expect(page.locator('#boxPhoto-input')).toBeAttached();
  await expect(page.getByRole('button', { name: `${en.form.evidence.remove} receipt-photo-12mp.jpg` })).toHaveCount(0);
});

test('the photo reader offline since the page loaded says so and asks for the IMEI to be typed', async ({ page }) => {
  await page.goto('/appeal');
  const picker = page.getByLabel('Read the IMEI from a photo of the box label');
  await expect(picker).toBeAttached();
  // The photo preparation is fetched only now, when a photo is picked: the network is gone.
  const chunks: string[] = [];
  await page.route('**/_next/static/chunks/**', (route) => {
    chunks.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await picker.setInputFiles(fixturePath('box-label-12mp.jpg'));
  await expect(page.getByText(en.assistant.label.unavailable)).toBeVisible();
  expect(chunks.length).toBeGreaterThan(0);
  // Nothing was added as proof or filled in from a photo that was never read.
  await expect(page.getByTestId('imei-photo-added')).toHaveCount(0);
  await expect(page.getByLabel('IMEI (IMEI1)')).toHaveValue('');
});

test('a typed IMEI the box label contradicts gets a clear warning, and the label fills nothing', async ({ page }) => {
  await reachEvidenceStep(page, '861234056789012');
  await page.locator('#boxPhoto-input').setInputFiles(fixturePath('box-label-12mp.jpg'));
  const panel = page.locator('.assistant-panel');
  const warning = panel.getByTestId('assistant-mismatch-imei');
  await expect(warning).toContainText('The IMEI you typed (861234056789012) is not on the box label', { timeout: 30_000 });
  // Which field, and what to copy into it.
  await expect(panel.getByTestId('assistant-left-empty-imei2')).toContainText('The second IMEI field (IMEI2) was left empty');
  await expect(panel.getByTestId('assistant-left-empty-imei2')).toContainText('copy IMEI2 from this phone’s box label');
  // No made-up pairing: the label's first IMEI did not land next to the IMEI it contradicts.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Second IMEI (IMEI2)')).toHaveValue('');
});

test.describe('in Russian, through to the result', () => {
  test.use({ locale: 'ru-RU' });

  test('review warns about weak proof; the result offers 7- and 14-day reminders with the case reference', async ({ page }) => {
    test.setTimeout(180_000);
    const c = CATALOGUES.ru;
    // No second IMEI (the box label fills it) and no account: the review has something to warn about.
    const person: PersonAnswers = { ...RUSSIAN_OWNER, imei2: '', model: 'Redmi Note 12 Pro 5G', price: '27 990 ₽', account: '', notes: '' };
    // What the appeal's upload (an XMLHttpRequest, for its progress) carries in `labelTokens`.
    await page.addInitScript(() => {
      const send = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.send = function (body) {
        if (body instanceof FormData && body.has('labelTokens')) Object.assign(window, { __labelTokens: body.get('labelTokens') });
        return send.call(this, body);
      };
    });
    await openFreshAppeal(page);
    await fillDevice(page, c, person);
    await continueTo(page, c, c.form.steps.purchase);
    await fillPurchase(page, c, person);
    await continueTo(page, c, c.form.steps.evidence);
    await addEvidence(page, c);
    // The label fills the empty second IMEI; the photos are judged readable.
    await expect(page.locator('.assistant-panel').getByTestId('assistant-imei-imei2')).toContainText(ru.label.filled, { timeout: 30_000 });
    const receipts = page.getByRole('list', { name: fill(c.form.evidence.chosen, { title: c.form.evidence.zones.receipt.title }) });
    await expect(receipts.getByRole('listitem').filter({ hasText: 'receipt-photo-12mp' }).first()).toContainText(ru.photo.ok, { timeout: 30_000 });
    await expectNoAxeViolations(page, 'evidence step with the assistant');
    await continueTo(page, c, c.form.steps.contact);
    await fillContact(page, c, person);
    await continueTo(page, c, c.form.steps.review);

    const review = page.locator('.assistant-review');
    await expect(review.getByRole('heading', { name: ru.warning.title })).toBeVisible();
    await expect(review).not.toContainText(ru.warning.allGood);
    await review.getByRole('radio', { name: ru.proofKind['order-confirmation'] }).check();
    await expect(review.getByTestId('evidence-warning-orderConfirmationOnly')).toHaveText(ru.warning.orderConfirmationOnly);
    await expectNoAxeViolations(page, 'review step with the assistant');
    await review.getByRole('radio', { name: ru.proofKind.receipt }).check();
    await expect(review).toContainText(ru.warning.allGood);
    const caseReference = (await page.locator('.case-reference strong').textContent()) ?? '';
    expect(caseReference).toMatch(/^AK-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    await page.getByRole('button', { name: c.form.generate.start }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.result.heading, { timeout: 60_000 });
    // The photos the assistant checked went with its signed readings, so the server neither read
    // the label nor decoded those photos again: the box photo's with both IMEIs, the receipt
    // photo's with none.
    const tokens = ((await page.evaluate(() => (window as unknown as { __labelTokens?: string }).__labelTokens)) ?? '').split(' ');
    expect(tokens.some((token) => token.startsWith(`v1.${IMEI1},${IMEI2}.`))).toBe(true);
    expect(tokens.some((token) => token.startsWith('v1..'))).toBe(true);
    const followUp = page.locator('.follow-up');
    await expect(followUp.getByRole('heading', { name: ru.followUp.title })).toBeVisible();
    for (const days of [7, 14]) {
      const block = followUp.getByTestId(`follow-up-${days}`);
      await block.locator('summary').click();
      const body = await block.locator('.email-body').inputValue();
      expect(body).toContain(`reference ${caseReference}`);
      expect(body).toContain(`номер обращения ${caseReference}`);
      const href = (await block.getByRole('link', { name: ru.followUp.open }).getAttribute('href')) ?? '';
      expect(href.length).toBeLessThan(2000);
      expect(decodeURIComponent(/subject=([^&]*)/.exec(href)?.[1] ?? '')).toBe(`Reminder (${days} days): Mi Account lock removal request ${caseReference}`);
    }
    await expectNoAxeViolations(page, 'result with follow-ups');
    // Nothing may push the page wider than a phone screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: test.info().outputPath('result-follow-up.png'), fullPage: true });
  });
});
