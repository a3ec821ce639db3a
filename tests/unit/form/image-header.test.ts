import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { declaredPixels } from '@/lib/form/image-header';

const card = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3070c0' } });

describe('declaredPixels', () => {
  it('reads a baseline and a progressive JPEG’s frame', async () => {
    expect(declaredPixels(await card(640, 480).jpeg().toBuffer())).toBe(640 * 480);
    expect(declaredPixels(await card(640, 480).jpeg({ progressive: true }).toBuffer())).toBe(640 * 480);
  });

  it('finds the frame behind EXIF, ICC and XMP blocks, and after fill bytes', async () => {
    const jpeg = await card(300, 200).withMetadata({ orientation: 6 }).withIccProfile('p3').jpeg().toBuffer();
    expect(declaredPixels(jpeg)).toBe(300 * 200);
    const filled = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xff]), jpeg.subarray(2)]);
    expect(declaredPixels(filled)).toBe(300 * 200);
  });

  it('reads a PNG’s IHDR', async () => {
    expect(declaredPixels(await card(1080, 2400).png().toBuffer())).toBe(1080 * 2400);
  });

  it('says null for another kind, a header cut before the frame, or a broken marker chain', async () => {
    const jpeg = await card(640, 480).jpeg().toBuffer();
    expect(declaredPixels(await card(64, 64).webp().toBuffer())).toBeNull();
    expect(declaredPixels(jpeg.subarray(0, 20))).toBeNull();
    expect(declaredPixels(Buffer.concat([jpeg.subarray(0, 2), Buffer.from('garbage')]))).toBeNull();
  });
});
