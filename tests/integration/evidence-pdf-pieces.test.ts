import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';

import { ZAppealSchema } from '@/lib/appeal/schema';
import { attachmentDisposition } from '@/lib/server/content-disposition';
import { buildFactRows } from '@/lib/server/evidence-pdf/fact-rows';
import { embedEvidenceFonts, type EvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import { textWidth, wrapText } from '@/lib/server/evidence-pdf/wrap-text';
import { STANDARD_FIELDS } from './support/appeal-request';

describe('wrapText', () => {
  let fonts: EvidenceFonts;
  beforeAll(async () => {
    fonts = await embedEvidenceFonts(await PDFDocument.create());
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
    expect(textWidth(sample, fonts.bold, 12)).toBeCloseTo(fonts.bold.widthOfTextAtSize(sample, 12), 3);
  });
});

describe('buildFactRows', () => {
  const appeal = ZAppealSchema.parse(STANDARD_FIELDS);

  it('notes a valid check digit on each IMEI and a box-label match only where the barcode says so', () => {
    const rows = buildFactRows(appeal, { boxLabelImeis: ['868907041234565'] });
    const imei1 = rows.find((row) => row.label === 'IMEI 1');
    const imei2 = rows.find((row) => row.label === 'IMEI 2');
    expect(imei1?.notes).toEqual(['check digit valid', 'matches box label barcode']);
    expect(imei2?.notes).toEqual(['check digit valid']);
  });

  it('leaves out facts the user did not give', () => {
    const rows = buildFactRows(ZAppealSchema.parse({ ...STANDARD_FIELDS, linkedAccount: '', orderNumber: '' }));
    expect(rows.map((row) => row.label)).not.toContain('Previously bound account');
    expect(rows.map((row) => row.label)).not.toContain('Order / receipt number');
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
