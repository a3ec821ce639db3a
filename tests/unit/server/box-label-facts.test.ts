import sharp from 'sharp';
import { describe, expect, test } from 'vitest';

import { readBoxLabelImeis } from '@/lib/server/box-label/box-label-imeis';
import { ZAppealSchema } from '@/lib/appeal/schema';
import { buildFactRows } from '@/lib/server/evidence-pdf/fact-rows';
import { readFixture } from '@/tests/support/fixtures';

/** Box photo, receipt and other proof: a full evidence set. */
const FULL_SET = { boxPhoto: 1, receipt: 1, extra: 1 };

const appeal = ZAppealSchema.parse({
  imei: '868907041234565',
  imei2: '861234056789012',
  country: 'RU',
  purchaseChannel: 'mi-store',
  purchaseDate: '2025-03-14',
  ownerName: 'Ivan Petrov',
  contactEmail: 'ivan@example.com',
  locale: 'ru',
});

describe('box label IMEIs in the PDF facts', () => {
  test('reads the IMEIs of every box photo, ignores receipts and unreadable files', async () => {
    const files = [
      { role: 'receipt', bytes: readFixture('receipt-photo-12mp.jpg') },
      { role: 'boxPhoto', bytes: readFixture('truncated.jpg') },
      { role: 'boxPhoto', bytes: readFixture('box-label-12mp.jpg') },
      { role: 'boxPhoto', bytes: await sharp(readFixture('box-label-12mp.jpg')).rotate().rotate(90).resize(1500).jpeg().toBuffer() },
    ];
    expect(await readBoxLabelImeis(files)).toEqual(['868907041234565', '867443033012349']);
  });

  test('each IMEI row says whether the box label barcode matches it', async () => {
    const boxLabelImeis = await readBoxLabelImeis([{ role: 'boxPhoto', bytes: readFixture('box-label-12mp.jpg') }]);
    const rows = buildFactRows(appeal, { boxLabelImeis, files: FULL_SET });
    const row = (label: string) => rows.find((r) => r.label[0] === label);
    // A Russian appeal: English first, then Russian, a line each.
    expect(row('IMEI 1')?.note).toBe('check digit valid · matches box label barcode\nконтрольная цифра верна · совпадает со штрихкодом на наклейке коробки');
    expect(row('IMEI 2')?.note).toBe('check digit valid\nконтрольная цифра верна');
    expect(row('IMEI 2')?.warning).toBe('not found on box label barcode\nнет среди штрихкодов на наклейке коробки');
    expect(row('IMEI 1')?.warning).toBeUndefined();
  });

  test('no label read: no claim either way', () => {
    for (const boxLabelImeis of [undefined, []]) {
      const notes = buildFactRows(appeal, { boxLabelImeis, files: FULL_SET }).flatMap((r) => [r.note ?? '', r.warning ?? '']);
      expect(notes.filter((n) => n.includes('box label'))).toEqual([]);
    }
  });
});
