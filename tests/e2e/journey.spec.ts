import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';

import { formatLongDate } from '@/lib/i18n/format';
import { CATALOGUES, type TestLocale } from './support/catalogue';
import { ENGLISH_OWNER, EVIDENCE, RUSSIAN_OWNER, addEvidence, caseReference, continueTo, expectNoAxeViolations, expectResult, expectStep, fillContact, fillDevice, fillPurchase, screenshot, shownSubject, type PersonAnswers } from './support/pages';

const PEOPLE: Record<TestLocale, PersonAnswers> = { en: ENGLISH_OWNER, ru: RUSSIAN_OWNER };

const ORIGINAL_BYTES = Object.values(EVIDENCE)
  .flat()
  .reduce((sum, file) => sum + statSync(file).size, 0);

async function download(page: Page, trigger: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

function decodeMailto(href: string) {
  const match = /^mailto:([^?]*)\?(.*)$/.exec(href);
  expect(match, href).not.toBeNull();
  const params = new Map<string, string>();
  for (const pair of match![2]!.split('&')) {
    const [key = '', value = ''] = pair.split('=');
    params.set(key, decodeURIComponent(value));
  }
  return { to: decodeURIComponent(match![1]!), subject: params.get('subject') ?? '', body: params.get('body') ?? '' };
}

for (const lang of ['en', 'ru'] as const) {
  test.describe(`the whole journey in ${lang}`, () => {
    test.use({ locale: lang === 'en' ? 'en-GB' : 'ru-RU' });

    test(`start page to PDF, mailto and .eml (${lang})`, async ({ page }, testInfo) => {
      test.setTimeout(180_000);
      const c = CATALOGUES[lang];
      const a = PEOPLE[lang];
      const shot = (name: string) => screenshot(page, testInfo, `${lang}-${name}`);

      // Start page: the eligibility check answers before anyone starts.
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await page.getByRole('radio', { name: c.home.check.googleFrp.label }).check();
      await expect(page.getByRole('heading', { name: c.home.check.googleFrp.title })).toBeVisible();
      await page.getByRole('radio', { name: c.home.check.miAccount.label }).check();
      // Shown in the answer (and said, in a hidden live line of its own).
      await expect(page.locator('.eligibility-answer').getByText(c.home.check.miAccount.answer)).toBeVisible();
      await expect(page.locator('main [aria-live]').filter({ hasText: c.home.check.miAccount.answer })).toHaveCount(1);
      await expectNoAxeViolations(page, 'start page');
      await shot('0-start');
      await page.getByRole('link', { name: c.home.start }).first().click();

      await expectStep(page, c.form.steps.device);
      await fillDevice(page, c, a);
      await expectNoAxeViolations(page, 'device step');
      await shot('1-device');
      await continueTo(page, c, c.form.steps.purchase);
      // Focus moves to the new step's heading.
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

      const recipient = await fillPurchase(page, c, a);
      await expectNoAxeViolations(page, 'purchase step');
      await shot('2-purchase');
      await continueTo(page, c, c.form.steps.evidence);

      await addEvidence(page, c);
      await expectNoAxeViolations(page, 'evidence step');
      await shot('3-evidence');
      await continueTo(page, c, c.form.steps.contact);

      await fillContact(page, c, a);
      await expectNoAxeViolations(page, 'contact step');
      await shot('4-contact');
      await continueTo(page, c, c.form.steps.review);

      const review = page.locator('.review');
      // The date as the letter will write it (14 March 2025, 14 марта 2025 г.).
      for (const value of ['868907041234565', a.seller, a.name, a.email, recipient, 'box-label-12mp.jpg', 'e-receipt.pdf', formatLongDate(a.date, lang)]) {
        await expect(review).toContainText(value);
      }
      const reference = await caseReference(page);
      await expectNoAxeViolations(page, 'review step');
      await shot('5-review');

      // One upload, photos shrunk in the browser to at most a third of the originals.
      const upload = page.waitForRequest((r) => r.url().endsWith('/api/appeal') && r.method() === 'POST');
      await page.getByRole('button', { name: c.form.generate.start }).click();
      const uploadedBytes = Number((await (await upload).allHeaders())['content-length']);
      expect(uploadedBytes).toBeGreaterThan(0);
      expect(uploadedBytes, `uploaded ${uploadedBytes} of ${ORIGINAL_BYTES} original bytes`).toBeLessThanOrEqual(ORIGINAL_BYTES / 3);
      testInfo.annotations.push({ type: 'upload ratio', description: (uploadedBytes / ORIGINAL_BYTES).toFixed(3) });
      console.log(`upload: ${uploadedBytes} bytes for ${ORIGINAL_BYTES} original bytes (${(uploadedBytes / ORIGINAL_BYTES).toFixed(3)})`);

      await expectResult(page, c);
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
      await expect(page.getByText(reference).first()).toBeVisible();
      const mailtoLink = page.getByRole('link', { name: c.result.send.mailto });
      await expect(mailtoLink).toBeVisible();
      await expectNoAxeViolations(page, 'result');
      await shot('6-result');

      // The PDF: real pages, the appeal's facts inside.
      const pdf = await download(page, () => page.getByRole('link', { name: new RegExp(c.result.pdf.download.split('(')[0]!.trim()) }).click());
      expect(pdf.name).toMatch(/\.pdf$/);
      const pdfBytes = readFileSync(pdf.path);
      expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf.path]).toString())?.[1]);
      expect(pages).toBeGreaterThanOrEqual(4);
      const text = execFileSync('pdftotext', ['-layout', pdf.path, '-']).toString();
      expect(text).toContain('868907041234565');
      expect(text).toContain(a.name);

      // The mailto link: recipient, subject and body, decoded.
      const subject = await shownSubject(page, c);
      const mailto = decodeMailto((await mailtoLink.getAttribute('href')) ?? '');
      expect(mailto.to).toBe(recipient);
      expect(mailto.subject).toBe(subject);
      expect(mailto.subject.length).toBeGreaterThan(10);
      expect(mailto.body).toContain(reference);
      expect((await mailtoLink.getAttribute('href'))!.length).toBeLessThan(2000);

      // The .eml draft: parsed by a real parser, the attachment is the very PDF downloaded.
      const eml = await download(page, () => page.getByRole('button', { name: c.result.send.eml }).click());
      expect(eml.name).toMatch(/\.eml$/);
      const mail = await simpleParser(readFileSync(eml.path));
      expect(mail.headers.get('x-unsent')).toBe('1');
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      expect(to?.value[0]?.address).toBe(recipient);
      expect(mail.subject).toBe(subject);
      expect(mail.from?.value[0]?.address).toBe(a.email);
      expect(mail.text ?? '').toContain(a.name);
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.contentType).toBe('application/pdf');
      expect(Buffer.compare(mail.attachments[0]!.content, pdfBytes)).toBe(0);

      // The finished appeal survives a reload: the same PDF is still there to download.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.result.heading);
      const again = await download(page, () => page.getByRole('link', { name: new RegExp(c.result.pdf.download.split('(')[0]!.trim()) }).click());
      expect(Buffer.compare(readFileSync(again.path), pdfBytes)).toBe(0);
    });
  });
}
