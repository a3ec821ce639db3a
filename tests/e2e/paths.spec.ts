/**
 * The paths of issue 12: who receives the appeal in each country, and the channels besides
 * e-mail on the result page.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

import { fixturePath } from '../support/fixtures';

import { CATALOGUES, fill } from './support/catalogue';
import { KAZAKH_OWNER, RUSSIAN_OWNER, addEvidence, answerTriage, addFiles, caseReference, continueTo, createAppeal, expectNewTabLinksSaySo, expectNoAxeViolations, expectStep, fillContact, fillDevice, fillPurchase, openFreshAppeal, pressContinue, screenshot, shownSubject, textbox } from './support/pages';

const c = CATALOGUES.en;
const GLOBAL = 'support.global@support.mi.com';

test.use({ locale: 'en-GB' });

test('Ukraine: Xiaomi’s global address is proposed; the reseller’s only as an explained opt-in', async ({ page }, testInfo) => {
  const r = c.form.purchase.recipient;
  await openFreshAppeal(page);
  await fillDevice(page, c, KAZAKH_OWNER);
  await continueTo(page, c, c.form.steps.purchase);
  await page.getByLabel(c.form.purchase.country.label).selectOption('UA');
  const recipient = page.getByLabel(r.label);
  await expect(recipient).toHaveValue(GLOBAL);
  const box = page.getByRole('region', { name: r.heading });
  await expect(box.getByTestId('source-status').first()).toHaveText(r.status.official);
  // The reseller is folded away, named as a reseller, and not among Xiaomi's addresses.
  await expect(page.getByRole('button', { name: fill(r.useAddress, { address: 'service@miot.com.ua' }) })).toHaveCount(0);
  await page.getByText(fill(r.reseller.summary, { country: 'Ukraine' })).click();
  await expect(page.getByText(fill(r.reseller.explain, { address: 'service@miot.com.ua' }))).toBeVisible();
  await expect(box.locator('details').getByTestId('source-status')).toHaveText(r.status.reseller);
  await expectNoAxeViolations(page, 'purchase step, Ukraine');
  await screenshot(page, testInfo, 'paths-ukraine-recipient');
  await page.getByRole('button', { name: fill(r.reseller.optIn, { address: 'service@miot.com.ua' }) }).click();
  await expect(recipient).toHaveValue('service@miot.com.ua');
  await expect(page.getByText(r.reseller.chosen)).toBeVisible();
  await expect(page.getByTestId('chosen-status').getByTestId('source-status')).toHaveText(r.status.reseller);
  // Back to Xiaomi with one click.
  await page.getByRole('button', { name: fill(r.useAddress, { address: GLOBAL }) }).click();
  await expect(recipient).toHaveValue(GLOBAL);
});

type SharedFile = { name: string; type: string; size: number; magic: string };
type Shared = { files: SharedFile[]; title?: string; text?: string };

test('USA: the international address, said truly; the articles-only US address shows its status before it is picked', async ({ page }) => {
  const r = c.form.purchase.recipient;
  await openFreshAppeal(page);
  await fillDevice(page, c, KAZAKH_OWNER);
  await continueTo(page, c, c.form.steps.purchase);
  await page.getByLabel(c.form.purchase.country.label).selectOption('US');
  await expect(page.getByLabel(r.label)).toHaveValue(GLOBAL);
  const box = page.getByRole('region', { name: r.heading });
  // Not "there is no separate address": how-to articles name one, and it is offered just below.
  await expect(box).toContainText(fill(r.fallback, { country: 'United States' }));
  const us = box.getByRole('paragraph').filter({ has: page.getByRole('button', { name: fill(r.useAddress, { address: 'service.us@xiaomi.com' }) }) });
  await expect(us.getByTestId('source-status')).toHaveText(r.status.articles);
});

test('an address Xiaomi uses for promotions or orders is refused as the recipient, with what it is for', async ({ page }) => {
  const r = c.form.purchase.recipient;
  await openFreshAppeal(page);
  await fillDevice(page, c, KAZAKH_OWNER);
  await continueTo(page, c, c.form.steps.purchase);
  await fillPurchase(page, c, { ...KAZAKH_OWNER, country: 'TR' });
  const recipient = page.getByLabel(r.label);
  for (const [address, problem] of [['mi-event@xiaomi.com', r.promotions], ['service.tr.orders@support.mi.com', r.orders]] as const) {
    await recipient.fill(address);
    await expect(page.locator('#recipient-error')).toHaveText(problem);
    await pressContinue(page, c);
    await expectStep(page, c.form.steps.purchase);
  }
  // One click back to Xiaomi's own address, and on.
  await page.getByRole('button', { name: fill(r.useAddress, { address: GLOBAL }) }).click();
  await expect(page.locator('#recipient-error')).toHaveCount(0);
  await continueTo(page, c, c.form.steps.evidence);
});

test('Kazakhstan: Xiaomi’s Kazakh address, the hotline with what to have ready, and the PDF shared with the message', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const ch = c.result.channels;
  // A phone's share sheet: canShare says yes to files, share records what it was given.
  await page.addInitScript(() => {
    const calls: Shared[] = [];
    Object.assign(window, { __shares: calls });
    Object.defineProperty(navigator, 'canShare', {
      configurable: true,
      value: (data: { files?: File[] }) => Array.isArray(data.files) && data.files.every((file) => file instanceof File),
    });
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: { files?: File[]; title?: string; text?: string }) => {
        const files = await Promise.all(
          (data.files ?? []).map(async (file) => ({
            name: file.name,
            type: file.type,
            size: file.size,
            magic: new TextDecoder().decode((await file.arrayBuffer()).slice(0, 5)),
          })),
        );
        calls.push({ files, title: data.title, text: data.text });
      },
    });
  });
  await openFreshAppeal(page);
  await fillDevice(page, c, KAZAKH_OWNER);
  await continueTo(page, c, c.form.steps.purchase);
  await fillPurchase(page, c, KAZAKH_OWNER);
  await expect(page.getByLabel(c.form.purchase.recipient.label)).toHaveValue('service.kz@support.mi.com');
  await continueTo(page, c, c.form.steps.evidence);
  await addEvidence(page, c);
  await continueTo(page, c, c.form.steps.contact);
  await fillContact(page, c, KAZAKH_OWNER);
  await continueTo(page, c, c.form.steps.review);
  const reference = await caseReference(page);
  await createAppeal(page, c);

  // One button shares the PDF and the message; mailto, copy and .eml stay.
  const subject = await shownSubject(page, c);
  const body = await page.getByLabel(c.result.email.body).inputValue();
  await page.getByRole('button', { name: c.result.share.button }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __shares: Shared[] }).__shares.length)).toBe(1);
  const [shared] = await page.evaluate(() => (window as unknown as { __shares: Shared[] }).__shares);
  expect(shared!.files).toHaveLength(1);
  expect(shared!.files[0]).toMatchObject({ type: 'application/pdf', magic: '%PDF-' });
  expect(shared!.files[0]!.name).toMatch(/^mi-account-appeal-868907041234565-2025-03-14\.pdf$/);
  expect(shared!.files[0]!.size).toBeGreaterThan(10_000);
  expect(shared!.title).toBe(subject);
  expect(shared!.text).toContain(body);
  await expect(page.getByRole('link', { name: c.result.send.mailto })).toBeVisible();
  await expect(page.getByRole('button', { name: c.result.send.eml })).toBeVisible();

  const channels = page.getByRole('region', { name: ch.heading });
  await expect(channels).toBeVisible();
  const hotline = channels.getByTestId('channel-hotline');
  await expect(hotline.getByRole('link', { name: fill(ch.call, { number: '8-800-100-30-00' }) })).toHaveAttribute('href', 'tel:88001003000');
  await expect(hotline).toContainText(fill(ch.ready.hotline, { reference }));
  await expect(hotline.getByTestId('source-status')).toHaveText(c.form.purchase.recipient.status.official);
  // The hotline's source opens in a new tab, and says so (accessibility.spec.ts: the other pages).
  await expectNewTabLinksSaySo(page, c, 'the result page, Kazakhstan');

  // The no-access form's copy sheet, folded until asked for, in the form's order, each value with
  // its copy button.
  const noAccessForm = channels.getByTestId('channel-no-access-form');
  await expect(noAccessForm.getByRole('button', { name: ch.form.copy, exact: true }).first()).toBeHidden();
  await noAccessForm.getByText(ch.form.show).click();
  const sheet = noAccessForm.getByRole('listitem');
  await expect(sheet).toHaveCount(6);
  await expect(sheet.nth(0)).toContainText(KAZAKH_OWNER.imei);
  await expect(sheet.nth(1)).toContainText('Kazakhstan');
  await expect(sheet.nth(2)).toContainText(KAZAKH_OWNER.account);
  await expect(sheet.nth(3)).toContainText(KAZAKH_OWNER.seller);
  await expect(sheet.nth(5)).toContainText(KAZAKH_OWNER.order);
  await expect(sheet.nth(0).getByRole('button', { name: ch.form.copy, exact: true })).toBeVisible();

  // The service-centre checklist prints on its own. Found by its test id, not inside the region:
  // when printing, everything around it is hidden, and a hidden region has no role to find it by.
  const checklist = page.getByTestId('service-checklist');
  await expect(checklist).toBeHidden();
  await channels.getByTestId('channel-service-centre').getByText(ch.centre.show).click();
  await expect(channels.getByTestId('service-checklist')).toBeVisible();
  await expect(checklist).toContainText(ch.centre.item.id);
  // This appeal has a box photo and a receipt: the visit brings the originals.
  await expect(checklist).toContainText(ch.centre.item.box);
  await expect(checklist).toContainText(ch.centre.item.receipt);
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = document.documentElement.classList.contains('print-checklist') ? 'checklist' : 'page';
    };
  });
  await checklist.getByRole('button', { name: ch.centre.print }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'checklist');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: c.result.pdf.heading })).toBeHidden();
  await expect(checklist.getByText(ch.centre.printTitle)).toBeVisible();
  await screenshot(page, testInfo, 'paths-checklist-print');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expectNoAxeViolations(page, 'result page with channels');
  await screenshot(page, testInfo, 'paths-kazakhstan-result');
});

const tr = CATALOGUES.en.triage;

/** Leaves a start-page exit by its button into the appeal, and fills the device step there. */
async function startAppealFrom(page: Page, exit: Locator, button: string) {
  await exit.getByRole('button', { name: button }).click();
  await expectStep(page, c.form.steps.device);
  await fillDevice(page, c, KAZAKH_OWNER);
  await continueTo(page, c, c.form.steps.purchase);
}

/** From the form the start page opened: the purchase, one screenshot, on to the contact step; returns its hint box. */
async function onToContact(page: Page): Promise<Locator> {
  await fillPurchase(page, c, KAZAKH_OWNER);
  await continueTo(page, c, c.form.steps.evidence);
  await addFiles(page, c, 'extra', [fixturePath('order-screenshot.png')]);
  await continueTo(page, c, c.form.steps.contact);
  return textbox(page, c.form.contact.accountHint.label);
}

test('start page: owner who still reaches the bound e-mail is sent to the password reset first', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await answerTriage(page, c, 'mine', '221****878');
  const exit = page.getByTestId('triage-reset');
  await expect(exit.getByRole('heading', { name: tr.reset.title })).toBeVisible();
  await expect(exit.getByRole('link', { name: tr.reset.open })).toHaveAttribute('href', 'https://account.xiaomi.com/');
  await expect(exit).toContainText(fill(tr.reset.step2Hint, { hint: '221****878' }));
  await expectNoAxeViolations(page, 'start page, password reset');
  await screenshot(page, testInfo, 'paths-triage-reset');

  // The reset failed: the appeal starts; the hint waits on the contact step and the letter says
  // what was tried.
  await startAppealFrom(page, exit, tr.reset.startAppeal);
  const hint = await onToContact(page);
  await expect(hint).toHaveValue('221****878');
  await fillContact(page, c, KAZAKH_OWNER);
  await continueTo(page, c, c.form.steps.review);
  const body = await createAppeal(page, c);
  expect(body).toContain(c.letter.triedFirst['password-reset']);
  expect(body).toContain(fill(c.letter.accountHint, { accountHint: '221****878' }));
});

test('start page: a masked hint is taken as the lock screen shows it, and a refused one reaches the contact step with its message', async ({ page }) => {
  test.setTimeout(180_000);
  const refused = c.errors.accountHint.characters;
  // "_" and "( )" were refused here as "not what is on the screen".
  await answerTriage(page, c, 'mine', 'ivan_p***@mail.ru');
  const hintBox = page.getByLabel(tr.hint.label);
  await expect(page.getByText(refused)).toHaveCount(0);
  await hintBox.fill('+7(912)***-**-89');
  await expect(page.getByText(refused)).toHaveCount(0);
  // A sign no lock screen shows: said on the spot, and carried to the form, not dropped.
  await hintBox.fill('221<b>***878');
  await expect(page.getByText(refused)).toBeVisible();
  await startAppealFrom(page, page.getByTestId('triage-reset'), tr.reset.startAppeal);
  const hint = await onToContact(page);
  await expect(hint).toHaveValue('221<b>***878');
  await fillContact(page, c, KAZAKH_OWNER);
  await pressContinue(page, c);
  await expect(hint).toHaveAccessibleDescription(new RegExp(refused.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await hint.fill('ivan_p***@mail.ru');
  await continueTo(page, c, c.form.steps.review);
});

test('start page: a second-hand buyer who reaches the seller gets a ready message, shared or copied', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    const shared: unknown[] = [];
    Object.assign(window, { __shared: shared });
    Object.defineProperty(navigator, 'share', { value: (data: unknown) => (shared.push(data), Promise.resolve()), configurable: true });
  });
  await answerTriage(page, c, 'previous-owner', 'a***@gmail.com');
  const exit = page.getByTestId('triage-seller');
  const message = await exit.getByLabel(tr.ask.messageLabel).inputValue();
  expect(message).toContain('i.mi.com');
  expect(message).toContain('(the lock screen shows a***@gmail.com)');
  await exit.getByRole('button', { name: tr.ask.copy }).click();
  await expect(exit.getByText(tr.ask.copied)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(message);
  await exit.getByRole('button', { name: tr.ask.share }).click();
  expect(await page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared)).toEqual([{ text: message }]);
  await expectNoAxeViolations(page, 'start page, seller message');
  await screenshot(page, testInfo, 'paths-triage-seller');

  // The seller refuses: the appeal starts on the second-hand path.
  await startAppealFrom(page, exit, tr.ask.startAppeal);
  await expect(page.getByRole('radio', { name: c.form.purchase.channel['second-hand'] })).toBeChecked();

  // The second-hand appeal: the first buyer's receipt and the chat with the seller; no box.
  test.setTimeout(180_000);
  await page.getByLabel(c.form.purchase.country.label).selectOption('BG');
  await textbox(page, c.form.purchase.sellerName.label).fill('Georgi');
  await page.getByLabel(c.form.purchase.purchaseDate.label).fill('2025-06-01');
  await page.getByRole('radio', { name: c.form.purchase.saleVenue.private }).check();
  await page.getByRole('radio', { name: c.form.purchase.firstBuyerReceipt.yes }).check();
  await continueTo(page, c, c.form.steps.evidence);
  await addFiles(page, c, 'receipt', [fixturePath('receipt-photo-12mp.jpg')]);
  await addFiles(page, c, 'extra', [fixturePath('order-screenshot.png')]);
  await continueTo(page, c, c.form.steps.contact);
  await fillContact(page, c, { ...KAZAKH_OWNER, account: '' });
  await continueTo(page, c, c.form.steps.review);
  await expect(page.getByTestId('evidence-warning-noBoxPhoto')).toBeVisible();
  // What a second-hand buyer has of their own purchase is an answer here; a shop's duplicate is not advice for them.
  await page.getByRole('radio', { name: c.assistant.proofKind['sale-record'] }).check();
  await expect(page.getByTestId('evidence-warning-noProofSecondHand')).toHaveCount(0);
  await page.getByRole('radio', { name: c.assistant.proofKind.none }).check();
  await expect(page.getByTestId('evidence-warning-noProofSecondHand')).toHaveText(c.assistant.warning.noProofSecondHand);
  await expect(page.getByTestId('evidence-warning-noProof')).toHaveCount(0);
  const body = await createAppeal(page, c);
  expect(body).toContain('I bought the Redmi Note 13 Pro 5G phone described below second-hand');
  expect(body).toContain('I bought it from Georgi in a private sale on 1 June 2025.');
  expect(body).toContain('The first buyer’s original receipt, which the seller gave me, is attached.');
  expect(body).toContain('Before writing to you, I asked the seller to remove the phone from their Mi Account');
  expect(body).toContain('a***@gmail.com');
});

test('start page: the answers go along whichever start button is used, the one at the foot of the page too', async ({ page }) => {
  test.setTimeout(180_000);
  await answerTriage(page, c, 'previous-owner', 'a***@gmail.com');
  await page.getByRole('radio', { name: tr.seller.no }).check();
  // Not the triage box's own button: the page's last link, which a person scrolling down meets.
  await page.getByRole('link', { name: c.home.start, exact: true }).click();
  await expectStep(page, c.form.steps.device);
  await fillDevice(page, c, KAZAKH_OWNER);
  await continueTo(page, c, c.form.steps.purchase);
  await expect(page.getByRole('radio', { name: c.form.purchase.channel['second-hand'] })).toBeChecked();
  // No receipt in their own name to copy from: the hints say whom and when, not "as on the receipt".
  await expect(textbox(page, c.form.purchase.sellerName.label)).toHaveAccessibleDescription(c.form.purchase.sellerName.hintSecondHand);
  await expect(page.getByText(c.form.purchase.sellerName.hint)).toHaveCount(0);
  await page.getByLabel(c.form.purchase.country.label).selectOption('BG');
  await page.getByLabel(c.form.purchase.purchaseDate.label).fill('2025-06-01');
  await continueTo(page, c, c.form.steps.evidence);
  await addFiles(page, c, 'extra', [fixturePath('order-screenshot.png')]);
  await continueTo(page, c, c.form.steps.contact);
  await expect(textbox(page, c.form.contact.accountHint.label)).toHaveValue('a***@gmail.com');
});

/**
 * Holds the browser's answer to the draft store (IndexedDB) for `ms`, as a slow phone does: the
 * server-rendered step is on screen, hydrated, and the saved draft not yet read.
 */
async function slowDraftStore(page: Page, ms: number) {
  await page.addInitScript((delay) => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      const request = open.apply(this, args);
      const success = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess');
      Object.defineProperty(request, 'onsuccess', {
        configurable: true,
        set(handler: ((event: Event) => void) | null) {
          success?.set?.call(request, handler && ((event: Event) => setTimeout(() => handler.call(request, event), delay)));
        },
      });
      return request;
    };
  }, ms);
}

test('a disclosure opened while the saved draft is still being read stays open', async ({ page }) => {
  await openFreshAppeal(page);
  await slowDraftStore(page, 2_000);
  await page.reload();
  // As early as the page allows: a tap on the step drawn before the draft is read must not be
  // undone when the draft replaces it (it was: the summary opened, then the step was redrawn shut).
  await page.getByText(c.form.device.lockCode.summary).click();
  await expect(page.getByText(c.form.saved, { exact: true })).toBeVisible();
  await expect(page.getByLabel(c.form.device.lockCode.label)).toBeVisible();
  // Nor is it shut under the user's finger when the code typed in it is wiped to start again.
  await page.getByLabel(c.form.device.lockCode.label).fill('7F3K-92QX-MM41');
  await page.getByLabel(c.form.device.lockCode.label).fill('');
  await expect(page.getByLabel(c.form.device.lockCode.label)).toBeVisible();
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('a lock code typed with Cyrillic look-alikes is pointed out, and put in Latin only on request', async ({ page }) => {
    const ru = CATALOGUES.ru;
    await openFreshAppeal(page);
    await page.getByText(ru.form.device.lockCode.summary).click();
    const field = page.getByLabel(ru.form.device.lockCode.label);
    // А, К and Х from a Russian keyboard: on screen the same as A, K and X.
    await field.fill('А7К2-99ХQ');
    await expect(page.getByText(fill(ru.form.device.lockCodeLive.cyrillic, { letters: 'А, К, Х' }))).toBeVisible();
    await expect(field).toHaveValue('А7К2-99ХQ');
    await page.getByRole('button', { name: fill(ru.form.device.lockCodeLive.use, { code: 'A7K2-99XQ' }) }).click();
    await expect(field).toHaveValue('A7K2-99XQ');
    await expect(field).toBeFocused();
    await expect(page.getByText(fill(ru.form.device.lockCodeLive.cyrillic, { letters: 'А, К, Х' }))).toHaveCount(0);
  });

  test('a private second-hand sale: the chat under “Receipt” is the record of the purchase, never the receipt', async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const ru = CATALOGUES.ru;
    const f = ru.form;
    await openFreshAppeal(page);
    await fillDevice(page, ru, RUSSIAN_OWNER);
    await continueTo(page, ru, f.steps.purchase);
    await page.getByLabel(f.purchase.country.label).selectOption('RU');
    await page.getByRole('radio', { name: f.purchase.channel['second-hand'] }).check();
    await textbox(page, f.purchase.sellerName.label).fill('Олег');
    await page.getByLabel(f.purchase.purchaseDate.label).fill('2025-06-01');
    await page.getByRole('radio', { name: f.purchase.saleVenue.private }).check();
    await page.getByRole('radio', { name: f.purchase.firstBuyerReceipt.no }).check();
    await continueTo(page, ru, f.steps.evidence);

    // The chat with the seller goes under "Receipt", as the answer said: no receipt questions about it.
    await addFiles(page, ru, 'receipt', [fixturePath('order-screenshot.png')]);
    await expect(page.getByRole('group', { name: f.evidence.receiptShows.legend })).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: f.evidence.receiptShows.seller })).toHaveCount(0);
    await continueTo(page, ru, f.steps.contact);
    await fillContact(page, ru, RUSSIAN_OWNER);
    await continueTo(page, ru, f.steps.review);

    // The review names the venue as a fact, not as the purchase step's question, and grades no receipt.
    await expect(page.getByRole('term').filter({ hasText: f.purchase.saleVenue.review })).toHaveText(f.purchase.saleVenue.review);
    await expect(page.getByText(f.purchase.saleVenue.legend)).toHaveCount(0);
    await expect(page.getByText(f.evidence.receiptShows.legend)).toHaveCount(0);
    await expect(page.getByText(ru.assistant.receipt.title, { exact: true })).toHaveCount(0);
    await expect(page.getByTestId('evidence-warning-noReceiptFacts')).toHaveCount(0);
    await expect(page.getByTestId('evidence-warning-secondHandWithoutFirstReceipt')).toBeVisible();
    await screenshot(page, testInfo, 'paths-second-hand-private-review');

    // The letter, in English and Russian: the record of the purchase, never "the receipt shows".
    const body = await createAppeal(page, ru);
    expect(body).toContain(CATALOGUES.en.letter.chain.firstReceipt.no);
    expect(body).toContain(ru.letter.chain.firstReceipt.no);
    expect(body).not.toContain('The receipt shows');
    expect(body).not.toContain('В чеке');

    // And the service-centre checklist asks for that record, not for a receipt.
    const checklist = page.getByTestId('service-checklist');
    await page.getByTestId('channel-service-centre').getByText(ru.result.channels.centre.show).click();
    await expect(checklist).toContainText(ru.result.channels.centre.item.saleRecord);
    await expect(checklist).not.toContainText(ru.result.channels.centre.item.receipt);
    await expectNoAxeViolations(page, 'second-hand result page (ru)');
  });
});

test('an appeal on the lock code alone, with a photo of the lock screen and no box or receipt', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openFreshAppeal(page);
  await page.getByText(c.form.device.lockCode.summary).click();
  await page.getByLabel(c.form.device.lockCode.label).fill('7F3K-92QX-MM41');
  await textbox(page, c.form.device.model.label).fill(KAZAKH_OWNER.model);
  await continueTo(page, c, c.form.steps.purchase);
  await page.getByLabel(c.form.purchase.country.label).selectOption('BG');
  await page.getByRole('radio', { name: c.form.purchase.channel['authorized-retailer'] }).check();
  await page.getByLabel(c.form.purchase.purchaseDate.label).fill('2024-11-02');
  await continueTo(page, c, c.form.steps.evidence);
  // Nothing added: one file of any kind is asked for, not a box photo.
  await pressContinue(page, c);
  await expect(page.getByText(c.errors.files.missingEvidence).first()).toBeVisible();
  await addFiles(page, c, 'extra', [fixturePath('order-screenshot.png')]);
  await continueTo(page, c, c.form.steps.contact);
  await fillContact(page, c, { ...KAZAKH_OWNER, account: '' });
  await continueTo(page, c, c.form.steps.review);
  // The review says plainly what is missing and what else counts.
  await expect(page.getByTestId('evidence-warning-noReceiptFile')).toContainText(c.assistant.warning.noReceiptFile);
  await expect(page.getByTestId('evidence-warning-noBoxPhoto')).toBeVisible();
  await expect(page.getByTestId('evidence-warning-lockCodeOnly')).toBeVisible();
  // A to-do, not good news: not in the green of "all good".
  await expect(page.getByTestId('evidence-warning-lockCodeOnly')).toHaveClass(/\btip\b/);
  await expect(page.getByTestId('evidence-warning-lockCodeOnly')).not.toHaveCSS('color', 'rgb(30, 115, 64)');
  await expectNoAxeViolations(page, 'review, lock code only');
  await screenshot(page, testInfo, 'paths-lockcode-review');
  const body = await createAppeal(page, c);
  expect(body).toContain('7F3K-92QX-MM41');

  // Other ways to send: nothing asks for the box photo or the receipt this appeal does not have.
  const channels = page.getByRole('region', { name: c.result.channels.heading });
  const noAccessForm = channels.getByTestId('channel-no-access-form');
  await noAccessForm.getByText(c.result.channels.form.show).click();
  await expect(noAccessForm).toContainText(c.result.channels.form.action.boxPhotoNone);
  await expect(noAccessForm).not.toContainText(c.result.channels.form.action.boxPhoto);
  await channels.getByTestId('channel-service-centre').getByText(c.result.channels.centre.show).click();
  const checklist = page.getByTestId('service-checklist');
  await expect(checklist).toContainText(c.result.channels.centre.item.phone);
  await expect(checklist).not.toContainText(c.result.channels.centre.item.box);
  await expect(checklist).not.toContainText(c.result.channels.centre.item.receipt);
});

test('start page: the sales-territory answer names the sanctioned territories', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: c.home.check.territory.label }).check();
  // Exact: the sentence a screen reader is told on choosing holds the answer too, after its title.
  const answer = page.getByText(c.home.check.territory.answer, { exact: true });
  await expect(answer).toBeVisible();
  await expect(answer).toContainText('Crimea');
});
