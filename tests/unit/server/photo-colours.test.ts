import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { processImage } from '@/lib/server/process-image';
import { isSrgbProfile } from '@/lib/server/srgb-profile';

/** A flat 256 × 192 photo of one colour, encoded as JPEG with the given profile attached. */
const flat = { r: 200, g: 80, b: 60 };
async function photoTagged(profile: 'srgb' | 'p3'): Promise<Buffer> {
  return sharp({ create: { width: 256, height: 192, channels: 3, background: flat } })
    .withIccProfile(profile)
    .jpeg({ quality: 95 })
    .toBuffer();
}

async function centreColour(jpeg: Buffer): Promise<number[]> {
  const { data } = await sharp(jpeg).extract({ left: 128, top: 96, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
  return [...data];
}

describe('photo colours', () => {
  it('reads an embedded sRGB profile as plain sRGB: the colours stay as they are', async () => {
    const tagged = await photoTagged('srgb');
    const { icc } = await sharp(tagged).metadata();
    // The case processImage decodes without a colour transform (it changes nothing, at a cost).
    expect(icc && isSrgbProfile(icc)).toBe(true);
    const colour = await centreColour((await processImage(tagged, 'jpeg', 'srgb.jpg')).jpeg);
    colour.forEach((value, i) => expect(Math.abs(value - [flat.r, flat.g, flat.b][i]!)).toBeLessThanOrEqual(3));
  });

  it('converts a Display P3 photo to sRGB, so the PDF shows the colours the phone saw', async () => {
    const tagged = await photoTagged('p3');
    const { icc } = await sharp(tagged).metadata();
    expect(icc && isSrgbProfile(icc)).toBe(false);
    // Its stored numbers are P3's, visibly unlike the sRGB ones…
    const stored = await sharp(tagged, { ignoreIcc: true }).extract({ left: 128, top: 96, width: 1, height: 1 }).raw().toBuffer();
    expect(Math.abs(stored[0]! - flat.r)).toBeGreaterThan(8);
    // …and the evidence photo carries the sRGB colour again.
    const colour = await centreColour((await processImage(tagged, 'jpeg', 'p3.jpg')).jpeg);
    colour.forEach((value, i) => expect(Math.abs(value - [flat.r, flat.g, flat.b][i]!)).toBeLessThanOrEqual(3));
  });
});
