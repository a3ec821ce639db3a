import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { MAX_BUNDLE_BYTES } from '@/lib/server/build-evidence-bundle';
import { appealRequest, STANDARD_FIELDS, type UploadSpec } from './support/appeal-request';
import { listImages, withPdfFile } from './support/pdf-tools';

/** Pure noise is the worst case for JPEG: about 2 MB per photo even after shrinking to 2000 px. */
function noisePhoto(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: seed % 255, g: 90, b: 160 }, noise: { type: 'gaussian', mean: 128, sigma: 70 } } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

describe('the bundle size budget', () => {
  it(
    'fifteen incompressible photos still give a bundle under 10 MB, every photo on its page',
    async () => {
      const photos = await Promise.all(Array.from({ length: 15 }, (_, i) => noisePhoto(i)));
      const roles = [...Array<string>(3).fill('boxPhoto'), ...Array<string>(4).fill('receipt'), ...Array<string>(8).fill('extra')];
      const files: UploadSpec[] = photos.map((bytes, i) => ({ field: roles[i] ?? 'extra', name: `noise-${i + 1}.jpg`, bytes, type: 'image/jpeg' }));
      const response = await POST(appealRequest({ ...STANDARD_FIELDS, locale: 'en' }, files));
      expect(response.status).toBe(200);
      const pdf = new Uint8Array(await response.arrayBuffer());
      expect(pdf.byteLength).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
      withPdfFile(pdf, (file) => {
        const images = listImages(file);
        expect(images).toHaveLength(15);
        // Shrunk further than the usual 2000 px to fit, but still a usable photo.
        for (const image of images) expect(Math.max(image.width, image.height)).toBeGreaterThanOrEqual(1000);
      });
    },
    120_000,
  );
});
