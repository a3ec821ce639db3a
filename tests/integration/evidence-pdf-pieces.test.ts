import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

import { ZAppealSchema } from '@/lib/appeal/schema';
import { attachmentDisposition } from '@/lib/server/content-disposition';
import { LOGO_MARK } from '@/lib/server/evidence-pdf/draw-logo-mark';
import { drawTitle } from '@/lib/server/evidence-pdf/draw-page-furniture';
import { buildFactRows } from '@/lib/server/evidence-pdf/fact-rows';
import { embedEvidenceFonts, type EvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import { PageFlow } from '@/lib/server/evidence-pdf/page-flow';
import { textWidth, wrapText } from '@/lib/server/evidence-pdf/wrap-text';
import { STANDARD_FIELDS } from './support/appeal-request';
import { withPdfFile } from './support/pdf-tools';

/** Box photo, receipt and other proof: a full evidence set. */
const FULL_SET = { boxPhoto: 1, receipt: 1, extra: 1 };

describe('wrapText', () => {
  let fonts: EvidenceFonts;
  beforeAll(async () => {
    fonts = await embedEvidenceFonts(await PDFDocument.create(), '');
  });

  it('keeps every line within the width, breaking words only when one is wider than a line', () => {
    const text = `Куплен новым в магазине «Электроника Плюс». ${'очень-длинный-номер-заказа-'.repeat(8)}\nВторая строка.`;
    const lines = wrapText(text, fonts.regular, 10, 200);
    for (const line of lines) expect(textWidth(line, fonts.regular, 10)).toBeLessThanOrEqual(200);
    expect(lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    expect(lines).toContain('Вторая строка.');
  });

  it('measures like pdf-lib does (layout features are off, so widths add up per character)', () => {
    const sample = 'Здравствуйте, café Zürich — 27 990,00 ₽';
    expect(textWidth(sample, fonts.bold, 12)).toBeCloseTo(fonts.bold.main.widthOfTextAtSize(sample, 12), 3);
  });
});

describe('buildFactRows', () => {
  const appeal = ZAppealSchema.parse(STANDARD_FIELDS);

  it('notes a valid check digit on each IMEI and a box-label match only where the barcode says so', () => {
    const rows = buildFactRows(appeal, { boxLabelImeis: ['868907041234565'], files: FULL_SET });
    const imei1 = rows.find((row) => row.label[0] === 'IMEI 1');
    const imei2 = rows.find((row) => row.label[0] === 'IMEI 2');
    // The standard appeal is Russian: a line in English, then one in Russian.
    expect(imei1?.note).toBe('check digit valid · matches box label barcode\nконтрольная цифра верна · совпадает со штрихкодом на наклейке коробки');
    expect(imei2?.note).toBe('check digit valid\nконтрольная цифра верна');
  });

  it('leaves out facts the user did not give', () => {
    const rows = buildFactRows(ZAppealSchema.parse({ ...STANDARD_FIELDS, linkedAccount: '', orderNumber: '' }), { files: FULL_SET });
    expect(rows.map((row) => row.label[0])).not.toContain('Previously bound account');
    expect(rows.map((row) => row.label[0])).not.toContain('Order / receipt number');
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name, never a quote or line break in the header', () => {
    const header = attachmentDisposition('апелляция "Иван"\r\nX-Evil: 1.pdf');
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+,;=:@-]+$/);
    expect(header).not.toMatch(/[\r\n]/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('апелляция "Иван"\r\nX-Evil: 1.pdf');
  });

  it('keeps accented Latin readable in the fallback', () => {
    expect(attachmentDisposition('café-Zürich.pdf')).toContain('filename="cafe-Zurich.pdf"');
  });
});

describe('the cover carries the app mark', () => {
  it('draws the same paths as public/logo.svg', () => {
    const svg = readFileSync(path.resolve(__dirname, '../../public/logo.svg'), 'utf8');
    const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((match) => match[1]);
    expect(paths).toEqual([LOGO_MARK.tile, LOGO_MARK.phone, LOGO_MARK.speaker, LOGO_MARK.tick]);
  });

  it('in brand blue with a white phone, in the top margin at the right of page 1', async () => {
    const document = await PDFDocument.create();
    const [title, subtitle] = ['Mi Account ownership appeal', 'prepared 2025-03-14'];
    const fonts = await embedEvidenceFonts(document, `${title}${subtitle}`);
    drawTitle(new PageFlow(document), title, subtitle, fonts);
    // 144 dpi: two pixels per point.
    const png = withPdfFile(await document.save(), (file, dir) => {
      execFileSync('pdftoppm', ['-png', '-r', '144', '-singlefile', file, path.join(dir, 'page')]);
      return readFileSync(path.join(dir, 'page.png'));
    });
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    // The mark is 26 pt wide, 50 pt from the right edge and 15 pt from the top; `u` is one of its 32 units.
    const u = 26 / 32;
    const at = (unitX: number, unitY: number) => {
      const x = Math.round((595.28 - 50 - 26 + unitX * u) * 2);
      const y = Math.round((15 + unitY * u) * 2);
      return Array.from(data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3));
    };
    const [r, g, b] = at(4, 16) as [number, number, number];
    expect(b).toBeGreaterThan(150);
    expect(r).toBeLessThan(80);
    expect(g).toBeLessThan(130);
    // The phone's outline (its left edge at x = 10 units) and the page beyond the mark are white.
    expect(Math.min(...at(10, 16))).toBeGreaterThan(200);
    expect(Math.min(...at(40, 16))).toBeGreaterThan(250);
  });
});
