import { execFileSync } from 'node:child_process';

import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { readBaselineJpeg } from '@/lib/server/baseline-jpeg';
import { imageParts, longImageSize, MAX_IMAGE_PARTS } from '@/lib/server/evidence-pdf/draw-evidence-pages';
import { extractPdfImages } from './hostile/pdf-inspect';
import { appealRequest, STANDARD_FIELDS } from './support/appeal-request';
import { pdftotext, withPdfFile } from './support/pdf-tools';

const WIDTH = 1080;
const HEIGHT = 5660;

/** A phone's scrolling screenshot of an order page: grey bars for lines of text, 36 px high. */
function longScreenshot(format: 'png' | 'jpeg'): Promise<Buffer> {
  const lines = Array.from({ length: 90 }, (_, i) => `<rect x="60" y="${40 + i * 62}" width="${600 + ((i * 137) % 360)}" height="36" fill="#333"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="100%" height="100%" fill="#fff"/>${lines.join('')}</svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 80, progressive: false, chromaSubsampling: '4:2:0' }).toBuffer();
}

type Placement = { page: number; width: number; height: number; xPpi: number };

/** `pdfimages -list`: each time an image is drawn, on which page, its pixels and its horizontal resolution there. */
function placements(file: string): Placement[] {
  const lines = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/);
    return { page: Number(cells[0]), width: Number(cells[3]), height: Number(cells[4]), xPpi: Number(cells[12]) };
  });
}

describe('a long screenshot', () => {
  for (const format of ['png', 'jpeg'] as const) {
    describe(`sent as ${format === 'png' ? 'the phone saved it (PNG)' : 'the browser prepares it (JPEG)'}`, () => {
      let shown: Placement[];
      let text: string;

      beforeAll(async () => {
        const bytes = await longScreenshot(format);
        const name = `order-page.${format === 'png' ? 'png' : 'jpg'}`;
        const response = await POST(appealRequest(STANDARD_FIELDS, [{ field: 'receipt', name, bytes, type: `image/${format}` }]));
        expect(response.status).toBe(200);
        const pdf = new Uint8Array(await response.arrayBuffer());
        ({ shown, text } = withPdfFile(pdf, (file) => ({ shown: placements(file), text: pdftotext(file) })));
        if (format === 'jpeg') {
          // Prepared to the spec already: embedded as sent, not encoded again.
          const [embedded] = await extractPdfImages(pdf);
          const rebuilt = readBaselineJpeg(bytes);
          expect('jpeg' in rebuilt && embedded!.bytes.equals(rebuilt.jpeg)).toBe(true);
        }
      });

      it('keeps its width in pixels, so its text stays as legible as on the phone', () => {
        expect(shown.length).toBeGreaterThan(1);
        for (const placement of shown) expect([placement.width, placement.height]).toEqual([WIDTH, HEIGHT]);
      });

      it('fills the page width, over as many pages as it takes, each captioned with its part', () => {
        const pages = new Set(shown.map((placement) => placement.page));
        expect(pages.size).toBe(shown.length);
        // 1080 px across the 7.2-inch text column: about 150 pixels an inch, as sharp as the phone's screen on paper.
        for (const placement of shown) expect(placement.xPpi).toBeGreaterThan(140);
        for (let part = 1; part <= shown.length; part += 1) expect(text).toContain(`Receipt · part ${part} of ${shown.length}`);
      });
    });
  }
});

describe('imageParts', () => {
  it('shows an image that fits through one window', () => {
    expect(imageParts(500, 600)).toEqual([{ offset: 0, height: 500 }]);
    expect(imageParts(600, 600)).toEqual([{ offset: 0, height: 600 }]);
  });

  it('covers a long image top to bottom, each window overlapping the one before', () => {
    const parts = imageParts(2000, 600);
    expect(parts[0]).toEqual({ offset: 0, height: 600 });
    for (let i = 1; i < parts.length; i += 1) expect(parts[i]!.offset).toBeLessThan(parts[i - 1]!.offset + parts[i - 1]!.height);
    const last = parts.at(-1)!;
    expect(last.offset + last.height).toBe(2000);
    expect(last.height).toBeGreaterThan(0);
  });
});

describe('a strip far longer than any screenshot', () => {
  // Found in a hostile-input review: a 704-byte 1 × 30,000 PNG was stretched to the page's width
  // and came out as 8,861 pages (8 MB, 6 s of the server's only thread).
  for (const [width, height, format] of [
    [1, 30_000, 'png'],
    [100, 16_000, 'jpeg'],
  ] as const) {
    it(`${width} × ${height} px (${format}) takes at most ${MAX_IMAGE_PARTS} pages, drawn no larger than 96 px an inch`, async () => {
      const bytes = await sharp({ create: { width, height, channels: 3, background: '#445566' } })[format]().toBuffer();
      const started = performance.now();
      const response = await POST(appealRequest(STANDARD_FIELDS, [{ field: 'receipt', name: `strip.${format}`, bytes, type: `image/${format}` }]));
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(5000);
      const pdf = new Uint8Array(await response.arrayBuffer());
      const shown = withPdfFile(pdf, placements);
      expect(shown.length).toBeGreaterThan(1);
      expect(shown.length).toBeLessThanOrEqual(MAX_IMAGE_PARTS);
      for (const placement of shown) expect(placement.xPpi).toBeGreaterThanOrEqual(95);
    });
  }
});

describe('longImageSize', () => {
  const box = { width: 515, height: 700 };

  it('fills the box’s width with a screenshot wide enough for it', () => {
    expect(longImageSize({ width: 1080, height: 5660 }, box).width).toBe(515);
  });

  it('does not stretch a narrow image past 96 px an inch', () => {
    expect(longImageSize({ width: 300, height: 3000 }, box)).toEqual({ width: 225, height: 2250 });
  });

  it('draws an image too long for the page limit narrower, so it fits that many pages exactly', () => {
    const { height } = longImageSize({ width: 1, height: 12_000 }, box);
    expect(imageParts(height, box.height)).toHaveLength(MAX_IMAGE_PARTS);
    expect(imageParts(longImageSize({ width: 1200, height: 12_000 }, box).height, box.height).length).toBeLessThanOrEqual(MAX_IMAGE_PARTS);
  });
});
