import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A text field by its visible label (which may be followed by "(optional)"). */
export function textbox(page: Page, label: string) {
  return page.getByRole('textbox', { name: new RegExp(`^${escapeRegExp(label)}`) });
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

export async function fillPurchase(page: Page, c: Catalogue, a: PersonAnswers) {
  const f = c.form.purchase;
  await page.getByLabel(f.country.label).selectOption(a.country);
  await expect(page.getByLabel(f.recipient.label)).not.toHaveValue('');
  await page.getByRole('radio', { name: f.channel['authorized-retailer'] }).check();
  await textbox(page, f.sellerName.label).fill(a.seller);
  await page.getByLabel(f.purchaseDate.label).fill(a.date);
  await textbox(page, f.orderNumber.label).fill(a.order);
  await textbox(page, f.price.label).fill(a.price);
}

export async function addEvidence(page: Page, c: Catalogue) {
  const f = c.form.evidence;
  await page.getByLabel(f.pick.boxPhoto).setInputFiles(EVIDENCE.boxPhoto);
  await page.getByLabel(f.pick.receipt).setInputFiles(EVIDENCE.receipt);
  await page.getByLabel(f.pick.extra).setInputFiles(EVIDENCE.extra);
  // Every file appears with its Remove button once it has been checked and shrunk.
  await expect(page.getByRole('button', { name: new RegExp(`^${f.remove}`) })).toHaveCount(4, { timeout: 30_000 });
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

export async function continueTo(page: Page, c: Catalogue, nextTitle: string) {
  await page.getByRole('button', { name: c.form.continue, exact: true }).click();
  await expectStep(page, nextTitle);
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
}

/** The e-mail subject the result page shows: the text beside its own Copy button. */
export async function shownSubject(page: Page, c: Catalogue): Promise<string> {
  const copy = page.getByRole('button', { name: c.result.email.copySubject, exact: true });
  const subject = page.getByRole('definition').filter({ has: copy }).locator('span').first();
  await expect(subject).not.toBeEmpty();
  return (await subject.textContent()) ?? '';
}
