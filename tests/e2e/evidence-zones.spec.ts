import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';

import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { createTranslator } from 'next-intl';
import sharp from 'sharp';

import { MAX_FILE_BYTES } from '@/lib/appeal/evidence-rules';

import { fixturePath } from '../support/fixtures';
import { CATALOGUES, fill } from './support/catalogue';
import { addFiles, continueTo, expectNoAxeViolations, fillContact, listedFiles, reachEvidence, screenshot, zone, type PersonAnswers } from './support/pages';

const PERSON: PersonAnswers = {
  imeiTyped: '868907041234565',
  imei: '868907041234565',
  imei2: '',
  serial: '',
  model: 'Redmi Note 13 Pro',
  country: 'DE',
  seller: 'MediaMarkt',
  date: '2025-03-14',
  order: '5123-778-0042',
  price: '299 EUR',
  name: 'Anna Berg',
  email: 'anna.berg@example.com',
  phone: '',
  account: '',
  notes: '',
};

/** The two widths these screenshots are looked at in: a small phone, a laptop. Returns the width. */
async function phoneOrDesktop(page: Page, testInfo: TestInfo): Promise<number> {
  const phone = testInfo.project.name === 'phone';
  await page.setViewportSize({ width: phone ? 360 : 1280, height: phone ? 740 : 800 });
  return phone ? 360 : 1280;
}

test('each photo being prepared has its own progress bar, gone once its thumbnail is there', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const width = await phoneOrDesktop(page, testInfo);
  const c = CATALOGUES.en;
  const f = c.form.evidence;
  await reachEvidence(page, c, PERSON);
  await screenshot(page, testInfo, `proof-empty-${width}`);

  // A slow phone: shrinking a 12 MP photo takes long enough to see its bar.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.getByLabel(f.pick.receipt).setInputFiles([fixturePath('receipt-photo-12mp.jpg'), fixturePath('e-receipt.pdf')]);
  const receiptZone = page.getByRole('region', { name: f.zones.receipt.title, exact: true });
  const photoBar = receiptZone.getByRole('progressbar', { name: fill(f.preparingFile, { name: 'receipt-photo-12mp.jpg' }) });
  await expect(photoBar).toBeVisible();
  await screenshot(page, testInfo, `proof-preparing-${width}`);

  await expect(receiptZone.getByRole('button', { name: new RegExp(`^${f.remove}`) })).toHaveCount(2, { timeout: 60_000 });
  await expect(receiptZone.getByRole('progressbar')).toHaveCount(0);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  await page.getByLabel(f.pick.boxPhoto).setInputFiles(fixturePath('box-label-12mp.jpg'));
  await expect(page.getByRole('button', { name: `${f.remove} box-label-12mp.jpg` })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await screenshot(page, testInfo, `proof-with-files-${width}`);
  await expectNoAxeViolations(page, 'the Proof step with files');
});

test('what the receipt shows is asked only while a receipt is in its zone, and the ticks outlive its removal', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const width = await phoneOrDesktop(page, testInfo);
  const c = CATALOGUES.en;
  const f = c.form.evidence;
  await reachEvidence(page, c, PERSON);

  const checklist = page.getByRole('group', { name: f.receiptShows.legend });
  const ticked = (fact: 'date' | 'imei' | 'seller') => page.getByRole('checkbox', { name: f.receiptShows[fact] });
  // No receipt yet: nothing to ask about.
  await expect(checklist).toHaveCount(0);
  await expect(ticked('date')).toHaveCount(0);
  await screenshot(page, testInfo, `proof-no-receipt-${width}`);

  await addFiles(page, c, 'receipt', [fixturePath('e-receipt.pdf')]);
  await expect(checklist).toBeVisible();
  await ticked('date').check();
  await ticked('imei').check();
  await screenshot(page, testInfo, `proof-with-receipt-${width}`);

  // Removed, the question goes with it; added again, the answers are still there.
  await page.getByRole('button', { name: `${f.remove} e-receipt.pdf` }).click();
  await expect(listedFiles(page, c, 'receipt')).toHaveCount(0);
  await expect(checklist).toHaveCount(0);
  await addFiles(page, c, 'receipt', [fixturePath('e-receipt.pdf')]);
  await expect(ticked('date')).toBeChecked();
  await expect(ticked('imei')).toBeChecked();
  await expect(ticked('seller')).not.toBeChecked();

  // Sent without a receipt after all: the review neither lists nor grades the ticks.
  await page.getByRole('button', { name: `${f.remove} e-receipt.pdf` }).click();
  await addFiles(page, c, 'extra', [fixturePath('order-screenshot.png')]);
  await expect(checklist).toHaveCount(0);
  await continueTo(page, c, c.form.steps.contact);
  await fillContact(page, c, PERSON);
  await continueTo(page, c, c.form.steps.review);
  await expect(page.getByText(f.receiptShows.legend)).toHaveCount(0);
  await expect(page.getByText(c.assistant.receipt.title, { exact: true })).toHaveCount(0);
});

test('a camera photo over the upload limit is shrunk and added; a PDF that large is refused for its size', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const c = CATALOGUES.en;
  // A 12 MP photo at the finest JPEG setting is about 32 MB, as 50–108 MP phone cameras write them.
  const photo = testInfo.outputPath('camera-original.jpg');
  await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
    .toFile(photo);
  expect(statSync(photo).size).toBeGreaterThan(MAX_FILE_BYTES);
  const pdf = testInfo.outputPath('scanned-receipt.pdf');
  writeFileSync(pdf, Buffer.concat([readFileSync(fixturePath('e-receipt.pdf')), Buffer.alloc(MAX_FILE_BYTES)]));

  await reachEvidence(page, c, PERSON);

  await addFiles(page, c, 'boxPhoto', [photo]);
  await expect(page.getByText(fill(c.errors.file.tooLarge, { file: 'camera-original.jpg', maxMb: 25 }))).toHaveCount(0);
  await page.getByLabel(c.form.evidence.pick.receipt).setInputFiles(pdf);
  await expect(page.getByText(fill(c.errors.file.tooLarge, { file: 'scanned-receipt.pdf', maxMb: 25 }))).toBeVisible({ timeout: 30_000 });
  await expect(listedFiles(page, c, 'receipt')).toHaveCount(0);
});

test('PDFs that together pass their 7 MB share: the one that does not fit is refused when added, by name', async ({ page }) => {
  const c = CATALOGUES.en;
  // A real receipt padded to 4 MB: each far under the 25 MB a file may have, but two are 8 MB of PDF.
  const receipt = readFileSync(fixturePath('e-receipt.pdf'));
  const padded = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.concat([receipt, Buffer.alloc(4 * 1024 * 1024 - receipt.length, 0x0a)]) });

  await reachEvidence(page, c, PERSON);
  await page.getByLabel(c.form.evidence.pick.receipt).setInputFiles([padded('invoice.pdf')]);
  await expect(listedFiles(page, c, 'receipt')).toHaveCount(1, { timeout: 30_000 });
  await page.getByLabel(c.form.evidence.pick.extra).setInputFiles([padded('warranty.pdf')]);
  const refusal = fill(c.errors.file.pdfShareTooLarge, { file: 'warranty.pdf', maxMb: 7 });
  await expect(zone(page, c, 'extra').getByText(refusal, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(listedFiles(page, c, 'extra')).toHaveCount(0);
  await expect(listedFiles(page, c, 'receipt')).toHaveCount(1);
  // The PDF that took the room removed: the refusal no longer holds, and goes.
  await page.getByRole('button', { name: `${c.form.evidence.remove} invoice.pdf` }).click();
  await expect(page.getByText(refusal, { exact: true })).toHaveCount(0);
});

test('a file another zone holds is refused, added or put in by Replace; removing that zone’s file lets go', async ({ page }) => {
  const c = CATALOGUES.en;
  const say = createTranslator({ locale: 'en', messages: c, namespace: 'errors' });
  const elsewhere = say('files.alreadyAddedElsewhere', { file: 'box-label-12mp.jpg', role: 'boxPhoto' });
  await reachEvidence(page, c, PERSON);
  await addFiles(page, c, 'boxPhoto', [fixturePath('box-label-12mp.jpg')]);
  await addFiles(page, c, 'receipt', [fixturePath('receipt-photo-12mp.jpg')]);

  // Replace put the box photo in the receipt's place, unchecked; now it is refused, and the receipt stays.
  const chooser = page.waitForEvent('filechooser');
  await zone(page, c, 'receipt').getByRole('button', { name: `${c.form.evidence.replace} receipt-photo-12mp.jpg` }).click();
  await (await chooser).setFiles(fixturePath('box-label-12mp.jpg'));
  await expect(zone(page, c, 'receipt').getByText(elsewhere, { exact: true })).toBeVisible();
  await expect(zone(page, c, 'receipt').getByRole('button', { name: `${c.form.evidence.remove} receipt-photo-12mp.jpg` })).toBeVisible();
  await page.getByLabel(c.form.evidence.pick.extra).setInputFiles(fixturePath('box-label-12mp.jpg'));
  await expect(zone(page, c, 'extra').getByText(elsewhere, { exact: true })).toBeVisible();
  await expect(listedFiles(page, c, 'extra')).toHaveCount(0);

  await zone(page, c, 'boxPhoto').getByRole('button', { name: `${c.form.evidence.remove} box-label-12mp.jpg` }).click();
  await expect(page.getByText(elsewhere)).toHaveCount(0);
});

test('a long screenshot of an order is sent at its own width, not shrunk to a strip', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  test.skip(testInfo.project.name !== 'desktop', 'the preparation is the same at every width');
  const c = CATALOGUES.en;
  // A phone's scrolling screenshot: 1080 px wide, over five screens long.
  const bars = Array.from({ length: 90 }, (_, i) => `<rect x="60" y="${40 + i * 62}" width="${600 + ((i * 137) % 360)}" height="36" fill="#333"/>`);
  const screenshotPath = testInfo.outputPath('order-page.png');
  await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="5660"><rect width="100%" height="100%" fill="#fff"/>${bars.join('')}</svg>`))
    .png()
    .toFile(screenshotPath);

  await reachEvidence(page, c, PERSON);
  await addFiles(page, c, 'receipt', [screenshotPath]);
  await continueTo(page, c, c.form.steps.contact);
  await fillContact(page, c, { ...PERSON });
  await continueTo(page, c, c.form.steps.review);

  await page.getByRole('button', { name: c.form.generate.start }).click();
  const pdf = await downloadAppealPdf(page, c, testInfo);
  // The browser sent it whole in width (a JPEG the server embeds as it is), drawn across the page over several pages.
  const shown = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2).map((line) => line.trim().split(/\s+/));
  expect(shown.length).toBeGreaterThan(1);
  for (const cells of shown) expect([cells[3], cells[4], cells[8]]).toEqual(['1080', '5660', 'jpeg']);
});

/** The API calls the page makes from now on (path and method). */
function apiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/') && pathname !== '/api/health') calls.push(`${request.method()} ${pathname}`);
  });
  return calls;
}

/** Waits for the result page, downloads the appeal PDF from it and returns the file's path. */
async function downloadAppealPdf(page: Page, c: (typeof CATALOGUES)['en'], testInfo: TestInfo): Promise<string> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.result.heading, { timeout: 90_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: new RegExp(c.result.pdf.download.split('(')[0]!.trim()) }).click(),
  ]);
  const pdf = testInfo.outputPath('appeal.pdf');
  await download.saveAs(pdf);
  return pdf;
}

/** Downloads the appeal PDF from the result page and returns its text. */
async function appealPdfText(page: Page, c: (typeof CATALOGUES)['en'], testInfo: TestInfo): Promise<string> {
  return execFileSync('pdftotext', ['-layout', await downloadAppealPdf(page, c, testInfo), '-'], { encoding: 'utf8' });
}

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('a PDF the server would refuse is refused in its zone as soon as it is added, in the server’s words', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const c = CATALOGUES.ru;
    const receipt = readFileSync(fixturePath('e-receipt.pdf'));
    const encrypted = (userPassword: string, name: string) => {
      const out = testInfo.outputPath(name);
      execFileSync('qpdf', ['--encrypt', userPassword, 'owner', '256', '--', fixturePath('e-receipt.pdf'), out]);
      return out;
    };
    // A shop's e-receipt that opens freely but is locked against changes; a bank statement with a password.
    const shopReceipt = encrypted('', 'чек-магазина.pdf');
    const statement = encrypted('secret', 'выписка.pdf');
    const cut = testInfo.outputPath('недокачан.pdf');
    writeFileSync(cut, receipt.subarray(0, Math.floor(receipt.length * 0.8)));

    await reachEvidence(page, c, PERSON);
    const calls = apiCalls(page);
    await page.getByLabel(c.form.evidence.pick.receipt).setInputFiles(shopReceipt);
    // At once: no upload, no progress bar to wait out.
    await expect(zone(page, c, 'receipt')).toContainText(fill(c.errors.file.pdfEncrypted, { file: 'чек-магазина.pdf' }), { timeout: 5_000 });
    await expect(listedFiles(page, c, 'receipt')).toHaveCount(0);
    await screenshot(page, testInfo, 'proof-encrypted-pdf-refused');

    await page.getByLabel(c.form.evidence.pick.extra).setInputFiles([statement, cut]);
    await expect(zone(page, c, 'extra')).toContainText(fill(c.errors.file.pdfEncrypted, { file: 'выписка.pdf' }), { timeout: 5_000 });
    await expect(zone(page, c, 'extra')).toContainText(fill(c.errors.file.pdfMalformed, { file: 'недокачан.pdf' }));
    await expect(listedFiles(page, c, 'extra')).toHaveCount(0);
    expect(calls).toEqual([]);
    await expectNoAxeViolations(page, 'the Proof step with refused PDFs');

    // The usable copy is taken, and the zone's old refusal goes with the new pick.
    await addFiles(page, c, 'receipt', [fixturePath('e-receipt.pdf')]);
    await expect(zone(page, c, 'receipt')).not.toContainText(fill(c.errors.file.pdfEncrypted, { file: 'чек-магазина.pdf' }));
  });
});

test('photos sent as JPEGs keep their own names, in the zone and in the PDF', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  test.skip(testInfo.project.name !== 'desktop', 'the preparation is the same at every width');
  const c = CATALOGUES.en;
  const f = c.form.evidence;
  const avif = testInfo.outputPath('shot.avif');
  const webp = testInfo.outputPath('shot.webp');
  const png = testInfo.outputPath('transparent.png');
  await sharp(fixturePath('order-screenshot.png')).avif().toFile(avif);
  await sharp(fixturePath('receipt-photo-12mp.jpg')).resize(1500).webp().toFile(webp);
  await sharp({ create: { width: 1200, height: 800, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 0.4 } } }).png().toFile(png);

  await reachEvidence(page, c, PERSON);
  await addFiles(page, c, 'extra', [avif, webp, png]);
  const extra = zone(page, c, 'extra');
  for (const name of ['shot.avif', 'shot.webp', 'transparent.png']) {
    await expect(extra.getByRole('button', { name: `${f.remove} ${name}`, exact: true })).toHaveCount(1);
  }
  await expect(extra).not.toContainText('shot.jpg');
  await expect(extra).not.toContainText('transparent.jpg');
  await screenshot(page, testInfo, 'proof-own-names');

  await continueTo(page, c, c.form.steps.contact);
  await fillContact(page, c, PERSON);
  await continueTo(page, c, c.form.steps.review);
  await page.getByRole('button', { name: c.form.generate.start }).click();
  const text = await appealPdfText(page, c, testInfo);
  expect(text).toMatch(/Other evidence 1 of 3: shot\.avif\n\s*sent as JPEG · /);
  expect(text).toMatch(/Other evidence 2 of 3: shot\.webp\n\s*sent as JPEG · /);
  expect(text).toMatch(/Other evidence 3 of 3: transparent\.png\n\s*sent as JPEG · 1200 × 800 px/);
  expect(text).toContain('shot.avif · sent as JPEG · ');
  expect(text).not.toMatch(/shot\.jpg|transparent\.jpg/);
});

test('a full zone names the files it left out, by its own title and limit', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const c = CATALOGUES.en;
  const say = createTranslator({ locale: 'en', messages: c, namespace: 'errors' });
  const small = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8899aa' } }).jpeg().toBuffer();
  const photos = (names: string[]) => names.map((name) => ({ name, mimeType: 'image/jpeg', buffer: small }));

  await reachEvidence(page, c, PERSON);
  // Four box photos picked at once: three fit.
  await page.getByLabel(c.form.evidence.pick.boxPhoto).setInputFiles(photos(['box-1.jpg', 'box-2.jpg', 'box-3.jpg', 'box-4.jpg']));
  const boxZone = zone(page, c, 'boxPhoto');
  await expect(listedFiles(page, c, 'boxPhoto')).toHaveCount(3, { timeout: 30_000 });
  const leftOut = say('files.zoneFull', { files: '“box-4.jpg”', count: 1, role: 'boxPhoto', max: 3 });
  expect(leftOut).toBe('Not added: “box-4.jpg”. “Box label” holds at most 3 files. To add it instead, first remove one of the files already there.');
  await expect(boxZone.getByText(leftOut, { exact: true })).toBeVisible();

  // Ten under "Other proof", which holds eight: the two left out share one line, and the zone is called by its title.
  const names = Array.from({ length: 10 }, (_, i) => `proof-${i + 1}.jpg`);
  await page.getByLabel(c.form.evidence.pick.extra).setInputFiles(photos(names));
  await expect(listedFiles(page, c, 'extra')).toHaveCount(8, { timeout: 30_000 });
  const extraZone = zone(page, c, 'extra');
  const both = say('files.zoneFull', { files: '“proof-9.jpg” and “proof-10.jpg”', count: 2, role: 'extra', max: 8 });
  expect(both).toContain('“Other proof” holds at most 8 files');
  await expect(extraZone.getByText(both, { exact: true })).toBeVisible();
  await expect(extraZone.locator('.field-error')).toHaveCount(1);
  await expect(page.getByText(/extra files|show the same thing/)).toHaveCount(0);
  await screenshot(page, testInfo, 'proof-zone-full');
});

test('a blurred receipt photo is told to focus on the receipt, a blurred box photo on the label', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  test.skip(testInfo.project.name !== 'desktop', 'the advice is the same at every width');
  const c = CATALOGUES.en;
  const blurred = async (fixture: string, name: string) => {
    const out = testInfo.outputPath(name);
    await sharp(fixturePath(fixture)).resize(2000).blur(14).jpeg().toFile(out);
    return out;
  };
  await reachEvidence(page, c, PERSON);
  await addFiles(page, c, 'receipt', [await blurred('receipt-photo-12mp.jpg', 'blurred-receipt.jpg')]);
  await addFiles(page, c, 'boxPhoto', [await blurred('box-label-12mp.jpg', 'blurred-box.jpg')]);
  const tips = c.assistant.photo.blurred;
  await expect(zone(page, c, 'receipt')).toContainText(tips.tipReceipt, { timeout: 60_000 });
  await expect(zone(page, c, 'receipt')).not.toContainText(tips.tip);
  await expect(zone(page, c, 'boxPhoto')).toContainText(tips.tip, { timeout: 60_000 });
  await expect(zone(page, c, 'boxPhoto')).not.toContainText(tips.tipReceipt);
  await screenshot(page, testInfo, 'proof-blurred-advice');
});
