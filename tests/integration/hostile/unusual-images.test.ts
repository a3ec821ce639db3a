/**
 * Photos as phones and PCs really write them, in every format the contract accepts: each must
 * become a correct bundle (upright, true colours, transparency on white) within 5 s.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { MAX_WHOLE_DECODE_BYTES, processImage, wholeDecodeBytesHeld } from '@/lib/server/process-image';
import { exiftoolGroups } from '../../support/exiftool';
import * as hostile from '../../support/hostile-files';
import { expectBundle, postForm, validFields, type Upload } from './appeal-client';
import { extractPdfImages, type PdfImage } from './pdf-inspect';

/** A text-only receipt PDF, so every JPEG in the bundle is the photo under test. */
const textReceipt = async (): Promise<Upload> => ({
  role: 'receipt',
  name: 'receipt.pdf',
  bytes: await hostile.pdfWithPages(1),
  type: 'application/pdf',
});

async function bundleWithBoxPhoto(name: string, bytes: Buffer, type: string): Promise<PdfImage[]> {
  const uploads: Upload[] = [{ role: 'boxPhoto', name, bytes, type }, await textReceipt()];
  const answer = await postForm(validFields(), uploads);
  const document = await expectBundle(answer);
  const pdf = await document.save();
  const images = (await extractPdfImages(pdf)).filter((image) => image.encoding === 'jpeg');
  expect(images.length, 'the photo is in the bundle as a JPEG').toBeGreaterThanOrEqual(1);
  return images;
}

/** The photo's embedded copy: the largest JPEG in the bundle (the receipt brings none). */
const largest = (images: PdfImage[]) => images.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));

async function meanRgb(bytes: Buffer) {
  // stats() reads its input, not the pipeline's output: convert first.
  const srgb = await sharp(bytes).toColourspace('srgb').removeAlpha().png().toBuffer();
  const { channels } = await sharp(srgb).stats();
  return channels.slice(0, 3).map((channel) => channel.mean);
}

describe('unusual but valid photos become a correct bundle', () => {
  it('a 16-bit PNG with an alpha channel: flattened on white, not black', async () => {
    const png = await hostile.png16WithAlpha();
    const image = largest(await bundleWithBoxPhoto('scan-16bit.png', png, 'image/png'));
    expect(image.colour).toBe('rgb');
    // The right edge is almost transparent in the source: on white it must be nearly white.
    const edge = await sharp(image.bytes)
      .extract({ left: image.width - 20, top: 0, width: 20, height: image.height })
      .png()
      .toBuffer();
    const strip = await sharp(edge).stats();
    for (const channel of strip.channels.slice(0, 3)) expect(channel.mean).toBeGreaterThan(215);
  });

  it('a CMYK JPEG: converted to sRGB with its colours kept, not inverted', async () => {
    const cmyk = await hostile.jpeg(2000, 1500, { cmyk: true });
    const image = largest(await bundleWithBoxPhoto('print-shop-cmyk.jpg', cmyk, 'image/jpeg'));
    expect(image.colour).toBe('rgb');
    const [expected, actual] = await Promise.all([meanRgb(cmyk), meanRgb(image.bytes)]);
    expected.forEach((value, index) => expect(Math.abs((actual[index] ?? 0) - value)).toBeLessThan(25));
  });

  it('a progressive JPEG', async () => {
    const progressive = await hostile.jpeg(3000, 2000, { progressive: true });
    const image = largest(await bundleWithBoxPhoto('progressive.jpg', progressive, 'image/jpeg'));
    expect(image.width).toBeGreaterThan(image.height);
  });

  it('a 48 MP photo: shrunk to a mailable size', async () => {
    const huge = await hostile.jpeg(8000, 6000, { label: '48 MP' });
    const image = largest(await bundleWithBoxPhoto('IMG_48MP.jpg', huge, 'image/jpeg'));
    expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(2000);
    expect(image.width / image.height).toBeCloseTo(8000 / 6000, 1);
  }, 60_000);

  it('a 200 MP photo taken sideways (Redmi Note 13 Pro, 200 MP mode): accepted, upright, shrunk', async () => {
    // Refused as "too many pixels" while every image stopped at 100 MP; a baseline JPEG is shrunk on load.
    const image = largest(await bundleWithBoxPhoto('IMG_20250314_184200.jpg', await hostile.sideways200MpJpeg(), 'image/jpeg'));
    expect([image.width, image.height]).toEqual([1500, 2000]);
    const [top, bottom] = await Promise.all(
      // stats() reads its input, not the pipeline's output: cut the half out first.
      [0, 1000].map(async (y) => sharp(await sharp(image.bytes).extract({ left: 0, top: y, width: 1500, height: 1000 }).png().toBuffer()).stats()),
    );
    expect(top!.channels[0]!.mean).toBeGreaterThan(150); // red on top
    expect(bottom!.channels[2]!.mean).toBeGreaterThan(150); // blue below
  }, 60_000);

  for (const [label, make, name] of [
    ['an Ultra HDR photo (gain map after the primary image, MPF index)', hostile.ultraHdrJpeg, 'IMG_20250314_UltraHDR.jpg'],
    ['a Motion Photo (MP4 after the photo, GCamera XMP)', hostile.motionPhotoJpeg, 'MVIMG_20250314_184200.jpg'],
  ] as const) {
    it(`${label}: only the photo reaches the PDF, without what follows it`, async () => {
      const upload = await make();
      if (name.includes('UltraHDR')) expect((await sharp(upload).metadata()).gainMap, 'libvips sees the gain map').toBeDefined();
      const image = largest(await bundleWithBoxPhoto(name, upload, 'image/jpeg'));
      expect([image.width, image.height]).toEqual([2000, 1506]);
      expect(exiftoolGroups(image.bytes)).toEqual([]);
      const text = image.bytes.toString('latin1');
      for (const leak of ['MPF', 'hdrgm', 'GCamera', 'ftyp']) expect(text).not.toContain(leak);
      // One image: a single end-of-image marker, at the end.
      expect(image.bytes.indexOf(Buffer.from([0xff, 0xd9]))).toBe(image.bytes.length - 2);
    });
  }

  it('an iPhone HEIC: decoded and upright', async () => {
    const image = largest(await bundleWithBoxPhoto('IMG_0042.HEIC', hostile.heic(), 'image/heic'));
    expect([image.width, image.height]).toEqual([800, 600]);
  });

  it('an AVIF photo', async () => {
    const image = largest(await bundleWithBoxPhoto('photo.avif', await hostile.avif(), 'image/avif'));
    expect([image.width, image.height]).toEqual([1600, 1200]);
  });

  it('a 12 MP AVIF phone photo (4032 × 3024): under the limit for images decoded whole', async () => {
    const image = largest(await bundleWithBoxPhoto('IMG_12MP.avif', await hostile.flatAvif(4032, 3024), 'image/avif'));
    expect(image.width / image.height).toBeCloseTo(4032 / 3024, 1);
  });

  it('a 12 MP interlaced 16-bit RGBA PNG: under the same limit', async () => {
    const image = largest(await bundleWithBoxPhoto('scan-interlaced.png', await hostile.interlacedPng16(4000, 3000), 'image/png'));
    expect(image.width / image.height).toBeCloseTo(4000 / 3000, 1);
  });

  it('interlaced PNGs decoded whole take turns: together they never hold more than one image’s allowance', async () => {
    // Found in a hostile-input review: eight such 306 KB files in one appeal decoded four at a time (libuv's
    // threads) and added 765 MB. 8 MP 16-bit RGBA: 64 MB each, so at most three run at once.
    const png = await hostile.interlacedPng16(3264, 2448);
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, wholeDecodeBytesHeld())), 1);
    try {
      const processed = await Promise.all(Array.from({ length: 6 }, (_, i) => processImage(png, 'png', `scan-${i}.png`)));
      for (const image of processed) expect([image.width, image.height]).toEqual([2000, 1500]);
    } finally {
      clearInterval(watch);
    }
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(MAX_WHOLE_DECODE_BYTES);
    expect(wholeDecodeBytesHeld()).toBe(0);
  });

  it('a WebP photo', async () => {
    const image = largest(await bundleWithBoxPhoto('photo.webp', await hostile.webp(), 'image/webp'));
    expect([image.width, image.height]).toEqual([1600, 1200]);
  });

  it('a file whose name says .jpg but which is really a PNG (content decides, not the name)', async () => {
    const png = await hostile.pngScreenshot(720, 1600);
    const image = largest(await bundleWithBoxPhoto('screenshot.jpg', png, 'image/jpeg'));
    expect([image.width, image.height]).toEqual([720, 1600]);
  });
});
