import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';

import { expect, test, type Page, type TestInfo } from '@playwright/test';
import sharp from 'sharp';

import { MAX_FILE_BYTES } from '@/lib/appeal/evidence-rules';

import { fixturePath } from '../support/fixtures';
import { CATALOGUES, fill } from './support/catalogue';
import { addFiles, continueTo, expectNoAxeViolations, fillContact, listedFiles, reachEvidence, screenshot, type PersonAnswers } from './support/pages';

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
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.result.heading, { timeout: 90_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: new RegExp(c.result.pdf.download.split('(')[0]!.trim()) }).click(),
  ]);
  const pdf = testInfo.outputPath('appeal.pdf');
  await download.saveAs(pdf);
  // The browser sent it whole in width (a JPEG the server embeds as it is), drawn across the page over several pages.
  const shown = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2).map((line) => line.trim().split(/\s+/));
  expect(shown.length).toBeGreaterThan(1);
  for (const cells of shown) expect([cells[3], cells[4], cells[8]]).toEqual(['1080', '5660', 'jpeg']);
});
