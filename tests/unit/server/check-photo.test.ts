import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';

import { checkPhoto, PHOTO_THRESHOLDS } from '@/lib/server/evidence-check/check-photo';
import { AppError } from '@/lib/server/app-error';
import { openUploadedImage } from '@/lib/server/process-image';
import { readFixture } from '@/tests/support/fixtures';

async function check(bytes: Buffer) {
  return checkPhoto(await openUploadedImage(bytes, 'photo.jpg'));
}

let box: Buffer;
let receipt: Buffer;
beforeAll(async () => {
  box = await sharp(readFixture('box-label-12mp.jpg')).rotate().toBuffer();
  receipt = await sharp(readFixture('receipt-photo-12mp.jpg')).rotate().toBuffer();
});

describe('checkPhoto', () => {
  test('the sharp 12 MP fixtures get no warning, with their upright size', async () => {
    const boxCheck = await check(readFixture('box-label-12mp.jpg'));
    expect(boxCheck).toMatchObject({ width: 4000, height: 3000, warnings: [] });
    expect((await check(readFixture('receipt-photo-12mp.jpg'))).warnings).toEqual([]);
    expect((await check(readFixture('order-screenshot.png'))).warnings).toEqual([]);
  });

  test('a slightly blurred photo (σ 2, still legible) gets no warning', async () => {
    expect((await check(await sharp(box).blur(2).jpeg().toBuffer())).warnings).toEqual([]);
    expect((await check(await sharp(receipt).blur(2).jpeg().toBuffer())).warnings).toEqual([]);
  });

  test.each([8, 14])('a heavily blurred copy (σ %i) is "blurred" and nothing else', async (sigma) => {
    expect((await check(await sharp(box).blur(sigma).jpeg().toBuffer())).warnings).toEqual(['blurred']);
    expect((await check(await sharp(receipt).blur(sigma).jpeg().toBuffer())).warnings).toEqual(['blurred']);
  });

  test('a copy at a fifth of the exposure is "dark" but not called blurred', async () => {
    const dark = await check(await sharp(box).linear(0.15, 0).jpeg().toBuffer());
    expect(dark.warnings).toEqual(['dark']);
    expect(dark.meanLuminance).toBeLessThan(PHOTO_THRESHOLDS.minMeanLuminance);
  });

  test('a dim but legible copy (×0.4 exposure) gets no warning', async () => {
    expect((await check(await sharp(receipt).linear(0.4, 0).jpeg().toBuffer())).warnings).toEqual([]);
  });

  test('a 640 px copy is "tooSmall" only', async () => {
    const small = await check(await sharp(box).resize(640).jpeg().toBuffer());
    expect(small).toMatchObject({ width: 640, height: 480, warnings: ['tooSmall'] });
  });

  test('warnings add up: tiny, blurred and dark at once', async () => {
    const bad = await sharp(box).resize(600).blur(6).linear(0.12, 0).jpeg().toBuffer();
    const result = await check(bad);
    expect(result.warnings, JSON.stringify(result)).toEqual(['tooSmall', 'blurred', 'dark']);
  });

  test('HTML named .jpg and a truncated JPEG are refused as AppErrors naming the file', async () => {
    await expect(openUploadedImage(readFixture('not-an-image.jpg'), 'page.jpg')).rejects.toMatchObject({
      code: 'unsupported-file-type',
      messageKey: expect.stringContaining('page.jpg'),
    });
    const truncated = openUploadedImage(readFixture('truncated.jpg'), 'cut.jpg').then((img) => checkPhoto(img));
    await expect(truncated).rejects.toBeInstanceOf(AppError);
    await expect(truncated).rejects.toMatchObject({ code: 'unreadable-file', messageKey: expect.stringContaining('cut.jpg') });
  });
});
