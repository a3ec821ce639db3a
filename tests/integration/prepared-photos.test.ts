import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { isAppError } from '@/lib/server/app-error';
import { readBaselineJpeg } from '@/lib/server/baseline-jpeg';
import { processImage } from '@/lib/server/process-image';
import { exiftoolGroups } from '../support/exiftool';
import { readFixture } from '../support/fixtures';
import { photoLike } from '../support/hostile-files';
import { extractPdfImages } from './hostile/pdf-inspect';
import { appealRequest, STANDARD_FIELDS, type UploadSpec } from './support/appeal-request';
import { pdftotext, withPdfFile } from './support/pdf-tools';

/** What the browser sends after preparing a photo: upright, long edge 2000 px, baseline JPEG q80, no metadata. */
const asBrowserPrepares = (bytes: Buffer) =>
  sharp(bytes)
    .autoOrient()
    .resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80, progressive: false, chromaSubsampling: '4:2:0', mozjpeg: false })
    .toBuffer();

const rebuilt = (bytes: Buffer) => {
  const result = readBaselineJpeg(bytes);
  if (!('jpeg' in result)) throw new Error(`not baseline: ${result.reason}`);
  return result.jpeg;
};

describe('photos the browser prepared to the evidence spec', () => {
  let files: UploadSpec[];
  let pdf: Uint8Array;

  beforeAll(async () => {
    const box = await asBrowserPrepares(readFixture('box-label-12mp.jpg'));
    // A client that left metadata, a comment and a payload after the image: all of it must go.
    const tagged = await sharp(box)
      .withExif({ IFD0: { Make: 'Xiaomi', Orientation: '1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1' } })
      .jpeg({ quality: 80 })
      .toBuffer();
    const receipt = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      Buffer.from([0xff, 0xfe, 0x00, 0x0a]),
      Buffer.from('comment!'),
      (await asBrowserPrepares(readFixture('receipt-photo-12mp.jpg'))).subarray(2),
      Buffer.from('trailing payload after EOI'),
    ]);
    files = [
      { field: 'boxPhoto', name: 'box-label-12mp.jpg', bytes: tagged, type: 'image/jpeg' },
      { field: 'receipt', name: 'receipt-photo-12mp.jpg', bytes: receipt, type: 'image/jpeg' },
      // The browser keeps the user's own name for a photo it sends as a JPEG.
      { field: 'receipt', name: 'order-screenshot.png', bytes: await asBrowserPrepares(readFixture('order-screenshot.png')), type: 'image/jpeg' },
      { field: 'receipt', name: 'e-receipt.pdf', bytes: readFixture('e-receipt.pdf'), type: 'application/pdf' },
    ];
    const response = await POST(appealRequest(STANDARD_FIELDS, files));
    expect(response.status).toBe(200);
    pdf = new Uint8Array(await response.arrayBuffer());
  });

  it('embeds their pixels as uploaded, not decoded and encoded again', async () => {
    const images = await extractPdfImages(pdf);
    const photos = images.slice(0, 3);
    expect(photos.map((image) => [image.width, image.height])).toEqual([
      [2000, 1500],
      [1500, 2000],
      [900, 2000],
    ]);
    photos.forEach((image, index) => expect(image.bytes.equals(rebuilt(Buffer.from(files[index]!.bytes))), files[index]!.name).toBe(true));
  });

  it('lists each under the user’s own name, saying what was sent when the name says another kind', () => {
    const text = withPdfFile(pdf, pdftotext);
    // The index: name, then kind, size in pixels and bytes.
    expect(text).toMatch(/Box label: box-label-12mp\.jpg\n\s*JPEG · 2000 × 1500 px/);
    expect(text).toMatch(/Receipt 2 of 3: order-screenshot\.png\n\s*sent as JPEG · 900 × 2000 px/);
    // The photo's own page.
    expect(text).toContain('box-label-12mp.jpg · JPEG · 2000 × 1500 px');
    expect(text).toContain('order-screenshot.png · sent as JPEG · 900 × 2000 px');
    expect(text).not.toContain('order-screenshot.jpg');
  });

  it('leaves no metadata, comment or trailing payload in the PDF’s images', async () => {
    const images = await extractPdfImages(pdf);
    for (const image of images.slice(0, 3)) {
      expect(exiftoolGroups(image.bytes)).toEqual([]);
      const text = image.bytes.toString('latin1');
      for (const leak of ['Exif', 'Xiaomi', 'comment!', 'trailing payload']) expect(text).not.toContain(leak);
      expect(image.bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    }
  });
});

describe('processImage: what the server still re-encodes', () => {
  const prepared = (width: number, height: number, quality = 80) =>
    photoLike(width, height).jpeg({ quality, progressive: false, mozjpeg: false }).toBuffer();

  it('refuses a prepared-looking JPEG whose entropy data is damaged, as unreadable', async () => {
    const good = await prepared(800, 600);
    const damaged = Buffer.from(good);
    // Keep the headers and the end-of-image marker; cut a third of the scan out of the middle.
    const sos = damaged.indexOf(Buffer.from([0xff, 0xda]));
    const cut = Buffer.concat([damaged.subarray(0, sos + 400), damaged.subarray(Math.floor(damaged.length * 0.66))]);
    expect('jpeg' in readBaselineJpeg(cut)).toBe(true); // the structure alone looks fine
    const error = await processImage(cut, 'jpeg', 'label.jpg').catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('unreadable-file');
  });

  it('turns a photo upright by its EXIF orientation, and shrinks one over 2000 px', async () => {
    const rotated = await photoLike(1200, 900).withMetadata({ orientation: 6 }).jpeg({ quality: 80 }).toBuffer();
    expect(await processImage(rotated, 'jpeg', 'r.jpg')).toMatchObject({ width: 900, height: 1200 });
    expect(await processImage(await prepared(2400, 1800), 'jpeg', 'big.jpg')).toMatchObject({ width: 2000, height: 1500 });
  });

  it('re-encodes a JPEG finer than the evidence quality, embeds one at it as it is', async () => {
    const fine = await prepared(1600, 1200, 95);
    const done = await processImage(fine, 'jpeg', 'fine.jpg');
    expect(done.jpeg.length).toBeLessThan(fine.length * 0.6);
    const atSpec = await prepared(1600, 1200, 80);
    expect((await processImage(atSpec, 'jpeg', 'spec.jpg')).jpeg.equals(rebuilt(atSpec))).toBe(true);
  });
});
