/**
 * Photos as the cameras of Xiaomi/Redmi/POCO phones write them, added as a person does, on a
 * laptop and on a phone.
 */
import { writeFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';
import sharp from 'sharp';

import en from '../../lib/i18n/messages/en/assistant.json';
import { CATALOGUES, fill } from './support/catalogue';
import { MINIMAL_BUYER, listedFiles, reachEvidence } from './support/pages';

const c = CATALOGUES.en;

test('a 200 MP photo the phone has no memory to shrink is sent as it is and checked, not called damaged', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // A Redmi Note 13 Pro in its 200 MP mode: 16320 × 12240, taken sideways (EXIF orientation 6).
  const name = 'IMG_20250314_184200_200MP.jpg';
  const photo = testInfo.outputPath(name);
  // A white label with black print, so the photo check finds it sharp and bright.
  const label = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="3000"><rect width="100%" height="100%" fill="#fff"/>' +
      '<text x="50%" y="60%" font-family="DejaVu Sans" font-size="900" text-anchor="middle">IMEI 868907041234565</text></svg>',
  );
  const bytes = await sharp({ create: { width: 16320, height: 12240, channels: 3, background: '#d8d4c8' } })
    .composite([{ input: label, gravity: 'centre' }])
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 80 })
    .toBuffer();
  writeFileSync(photo, bytes);
  // What a phone's browser does when an 800 MB bitmap does not fit its memory: the decode fails,
  // exactly as for a damaged file.
  await page.addInitScript((tooLarge: string) => {
    const decode = window.createImageBitmap.bind(window);
    window.createImageBitmap = ((source: ImageBitmapSource, ...rest: [ImageBitmapOptions?]) =>
      source instanceof File && source.name === tooLarge
        ? Promise.reject(new DOMException('The source image could not be decoded.', 'InvalidStateError'))
        : decode(source, ...rest)) as typeof window.createImageBitmap;
  }, name);
  await reachEvidence(page, c, MINIMAL_BUYER);

  await page.getByLabel(c.form.evidence.pick.boxPhoto).setInputFiles(photo);
  await expect(listedFiles(page, c, 'boxPhoto')).toHaveCount(1, { timeout: 30_000 });
  // The server, which shrinks a JPEG on load, checked the photo itself.
  const boxPhotos = page.getByRole('list', { name: fill(c.form.evidence.chosen, { title: c.form.evidence.zones.boxPhoto.title }) });
  await expect(boxPhotos.getByRole('listitem').first()).toContainText(en.photo.ok, { timeout: 30_000 });
  await expect(page.getByText(/could not be read|too many pixels/)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('200mp-added.png'), fullPage: true });
});
