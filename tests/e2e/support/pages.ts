import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { EvidenceRole } from '../../../lib/appeal/evidence-rules';
import type { FormStep } from '../../../lib/form/steps';
import type { AccountOwner } from '../../../lib/form/triage';
import { fixturePath } from '../../support/fixtures';
import type { Catalogue } from './catalogue';

export const SCREEN_DIR = path.resolve(__dirname, '../../.output/screens');

/** A full-page screenshot per step and viewport (git-ignored), to look at after the run. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(SCREEN_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREEN_DIR, `${testInfo.project.name}-${name}.png`), fullPage: true });
}

export async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

export async function expectStep(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
}

/** The shared fixture set a person would add: box photo, receipt photo + PDF, order screenshot. */
export const EVIDENCE = {
  boxPhoto: [fixturePath('box-label-12mp.jpg')],
  receipt: [fixturePath('receipt-photo-12mp.jpg'), fixturePath('e-receipt.pdf')],
  extra: [fixturePath('order-screenshot.png')],
};

export type PersonAnswers = {
  imeiTyped: string;
  imei: string;
  imei2: string;
  serial: string;
  model: string;
  country: string;
  seller: string;
  date: string;
  order: string;
  price: string;
  name: string;
  email: string;
  phone: string;
  account: string;
  notes: string;
};

/*
 * The people the specs fill the form as, one line per step: device, purchase, contact. Most are
 * written as a change from another, so what sets two people apart is visible at a glance.
 */

/** Only what the form requires, bought in a shop in Germany: the shortest walk to a later step. */
export const MINIMAL_BUYER: PersonAnswers = {
  imeiTyped: '868907041234565', imei: '868907041234565', imei2: '', serial: '', model: '',
  country: 'DE', seller: 'Elektro Markt', date: '2025-03-14', order: '', price: '',
  name: 'Max Mustermann', email: 'max@example.com', phone: '', account: '', notes: '',
};

/** Every field filled, in Kazakhstan: Xiaomi's own address there, a hotline and a no-access form. */
export const KAZAKH_OWNER: PersonAnswers = {
  ...MINIMAL_BUYER,
  imei2: '867443033012349', serial: '44871/F2ZX01234', model: 'Redmi Note 13 Pro 5G',
  country: 'KZ', seller: 'Technodom', order: '5123-778-0042', price: '149 990 KZT',
  name: 'Aigerim Example', email: 'aigerim@example.com', phone: '+7 701 000 11 22', account: '+7 701 000 11 22',
};

/** In English: the check digit left off as people do, a UK shop, a note for support. */
export const ENGLISH_OWNER: PersonAnswers = {
  ...KAZAKH_OWNER,
  imeiTyped: '86 890704 123456',
  country: 'GB', seller: 'Phones & More Ltd', price: '£329',
  name: 'Jane Example', email: 'jane.example@example.com', phone: '+44 7700 900123', account: 'jane.example@example.org', notes: 'Home Wi-Fi: Example_Home_5G',
};

/** In Russian, Cyrillic in the seller, name and notes. */
export const RUSSIAN_OWNER: PersonAnswers = {
  ...KAZAKH_OWNER,
  country: 'RU', seller: 'Электроника Плюс', price: '24 990 ₽',
  name: 'Иван Петров', email: 'ivan.petrov@example.com', phone: '+7 912 345 67 89', account: '+7 912 000 11 22', notes: 'Wi-Fi дома: Petrov_Home',
};

/** An IMEISV typed from the settings screen (the UI offers the IMEI), a Bulgarian shop, no contact yet. */
export const BULGARIAN_BUYER: PersonAnswers = {
  imeiTyped: '8612340567890107', imei: '861234056789012', imei2: '867443033012349', serial: 'SN-123', model: 'POCO X6',
  country: 'BG', seller: 'Техномаркет', date: '2024-11-02', order: 'BG-991', price: '599 лв.',
  name: '', email: '', phone: '', account: '', notes: '',
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A text field by its visible label (which may be followed by "(optional)"). */
export function textbox(page: Page, label: string) {
  return page.getByRole('textbox', { name: new RegExp(`^${escapeRegExp(label)}`) });
}

/**
 * Every link on the page that opens a new tab says so at the end of its name, in brackets, and
 * keeps the new page from reaching back to this one (rel="noopener"). The links must be visible:
 * open the folded help that holds any first.
 */
export async function expectNewTabLinksSaySo(page: Page, c: Catalogue, where: string) {
  const links = await page.locator('a[target="_blank"]').all();
  expect(links.length, `links that open a new tab on ${where}`).toBeGreaterThan(0);
  for (const link of links) {
    await expect(link, where).toBeVisible();
    await expect(link, where).toHaveAccessibleName(new RegExp(`\\(${escapeRegExp(c.form.opensInNewTab)}\\)$`));
    await expect(link, where).toHaveAttribute('rel', /\bnoopener\b/);
  }
}

export async function fillDevice(page: Page, c: Catalogue, a: PersonAnswers) {
  const f = c.form.device;
  await page.getByLabel(f.imei.label, { exact: true }).fill(a.imeiTyped);
  if (a.imeiTyped !== a.imei) {
    await page.getByRole('button', { name: f.imeiLive.use.replace('{imei}', a.imei) }).click();
  }
  await expect(page.getByLabel(f.imei.label, { exact: true })).toHaveValue(a.imei);
  await expect(page.getByText(f.imeiLive.valid).first()).toBeVisible();
  await textbox(page, f.imei2.label).fill(a.imei2);
  await textbox(page, f.serialNumber.label).fill(a.serial);
  await textbox(page, f.model.label).fill(a.model);
}

/** Fills the purchase step; returns the recipient the country brought (a Xiaomi address). */
export async function fillPurchase(page: Page, c: Catalogue, a: PersonAnswers): Promise<string> {
  const f = c.form.purchase;
  await page.getByLabel(f.country.label).selectOption(a.country);
  await expect(page.getByLabel(f.recipient.label)).toHaveValue(/@/);
  await page.getByRole('radio', { name: f.channel['authorized-retailer'] }).check();
  await textbox(page, f.sellerName.label).fill(a.seller);
  await page.getByLabel(f.purchaseDate.label).fill(a.date);
  await textbox(page, f.orderNumber.label).fill(a.order);
  await textbox(page, f.price.label).fill(a.price);
  return page.getByLabel(f.recipient.label).inputValue();
}

/** One upload zone of the Proof step, found by its heading. */
export function zone(page: Page, c: Catalogue, role: EvidenceRole) {
  return page.getByRole('region', { name: c.form.evidence.zones[role].title, exact: true });
}

/** The Remove buttons of the files listed in one zone (or on the whole step): one per file accepted. */
export function listedFiles(page: Page, c: Catalogue, role?: EvidenceRole) {
  return (role ? zone(page, c, role) : page).getByRole('button', { name: new RegExp(`^${escapeRegExp(c.form.evidence.remove)}`) });
}

/** Picks files for a zone and waits until each is listed there, checked and shrunk. */
export async function addFiles(page: Page, c: Catalogue, role: EvidenceRole, files: string[]) {
  const before = await listedFiles(page, c, role).count();
  await page.getByLabel(c.form.evidence.pick[role]).setInputFiles(files);
  await expect(listedFiles(page, c, role)).toHaveCount(before + files.length, { timeout: 30_000 });
}

export async function addEvidence(page: Page, c: Catalogue) {
  const f = c.form.evidence;
  await addFiles(page, c, 'boxPhoto', EVIDENCE.boxPhoto);
  await addFiles(page, c, 'receipt', EVIDENCE.receipt);
  await addFiles(page, c, 'extra', EVIDENCE.extra);
  await page.getByRole('checkbox', { name: f.receiptShows.date }).check();
  await page.getByRole('checkbox', { name: f.receiptShows.imei }).check();
  await page.getByRole('checkbox', { name: f.receiptShows.seller }).check();
}

export async function fillContact(page: Page, c: Catalogue, a: PersonAnswers) {
  const f = c.form.contact;
  await textbox(page, f.ownerName.label).fill(a.name);
  await textbox(page, f.contactEmail.label).fill(a.email);
  await textbox(page, f.contactPhone.label).fill(a.phone);
  await textbox(page, f.linkedAccount.label).fill(a.account);
  await textbox(page, f.notes.label).fill(a.notes);
}

/** Presses the step's Continue button, whatever follows (the next step or the errors). */
export async function pressContinue(page: Page, c: Catalogue) {
  await page.getByRole('button', { name: c.form.continue, exact: true }).click();
}

export async function continueTo(page: Page, c: Catalogue, nextTitle: string) {
  await pressContinue(page, c);
  await expectStep(page, nextTitle);
}

/** Jumps to a step already reached, through the step list at the top. */
export async function goToStep(page: Page, c: Catalogue, step: FormStep) {
  await page.getByRole('navigation', { name: c.form.progress }).getByRole('button', { name: c.form.steps[step] }).click();
  await expectStep(page, c.form.steps[step]);
}

/** A fresh appeal: IndexedDB cleared through the UI's own Start over when a draft exists. */
export async function openFreshAppeal(page: Page) {
  await page.goto('/appeal');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase('appeal-kit');
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
  );
  await page.reload();
  // The step takes input once the saved draft is read; until then it is inert and a click on
  // Continue does nothing (a loaded CI machine took long enough for a test to type into it).
  await expect(page.locator('fieldset[inert]')).toHaveCount(0);
}

/** The e-mail subject the result page shows: the text beside its own Copy button. */
export async function shownSubject(page: Page, c: Catalogue): Promise<string> {
  const copy = page.getByRole('button', { name: c.result.email.copySubject, exact: true });
  const subject = page.getByRole('definition').filter({ has: copy }).locator('span').first();
  await expect(subject).not.toBeEmpty();
  return (await subject.textContent()) ?? '';
}

/**
 * A fresh appeal filled as `person` up to the Proof step, nothing added there yet; returns the
 * recipient the purchase step proposed.
 */
export async function reachEvidence(page: Page, c: Catalogue, person: PersonAnswers): Promise<string> {
  await openFreshAppeal(page);
  await fillDevice(page, c, person);
  await continueTo(page, c, c.form.steps.purchase);
  const recipient = await fillPurchase(page, c, person);
  await continueTo(page, c, c.form.steps.evidence);
  return recipient;
}

/** The quickest proof the step accepts: a screenshot as the box photo and the PDF receipt. */
export async function addQuickEvidence(page: Page, c: Catalogue) {
  await addFiles(page, c, 'boxPhoto', [fixturePath('order-screenshot.png')]);
  await addFiles(page, c, 'receipt', [fixturePath('e-receipt.pdf')]);
}

/** A fresh appeal filled as `person`, with evidence (the shared set unless told), up to the review. */
export async function reachReview(page: Page, c: Catalogue, person: PersonAnswers, addProof = addEvidence) {
  await reachEvidence(page, c, person);
  await addProof(page, c);
  await continueTo(page, c, c.form.steps.contact);
  await fillContact(page, c, person);
  await continueTo(page, c, c.form.steps.review);
}

/** The case reference the review and the result page show (AK-XXXX-XXXX). */
export async function caseReference(page: Page): Promise<string> {
  const reference = page.locator('.case-reference strong');
  await expect(reference).toHaveText(/^AK-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return (await reference.textContent()) ?? '';
}

/** Waits for the result page: the PDF is made (a slow machine may take a minute). */
export async function expectResult(page: Page, c: Catalogue) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.result.heading, { timeout: 90_000 });
}

/** Creates the appeal from the review and returns the e-mail's message shown on the result page. */
export async function createAppeal(page: Page, c: Catalogue): Promise<string> {
  await page.getByRole('button', { name: c.form.generate.start }).click();
  await expectResult(page, c);
  return page.getByLabel(c.result.email.body).inputValue();
}

/**
 * The start page's Mi Account questions answered with "yes": the owner can still reach the bound
 * e-mail or phone, the second-hand buyer can still reach the seller.
 */
export async function answerTriage(page: Page, c: Catalogue, whose: AccountOwner, hint: string) {
  await page.goto('/');
  await page.getByRole('radio', { name: c.home.check.miAccount.label }).check();
  await page.getByRole('radio', { name: c.triage.whose[whose] }).check();
  await page.getByLabel(c.triage.hint.label).fill(hint);
  await page.getByRole('radio', { name: whose === 'mine' ? c.triage.reach.yes : c.triage.seller.yes }).check();
}
