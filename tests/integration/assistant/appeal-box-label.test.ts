import { describe, expect, test } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { readFixture } from '@/tests/support/fixtures';

import { appealRequest, STANDARD_FIELDS, standardFiles } from '../support/appeal-request';
import { pdftotext, withPdfFile } from '../support/pdf-tools';

/** The bundle route with the assistant's label reading wired in: the PDF's facts say what matched. */
describe('POST /api/appeal: IMEIs checked against the box label barcodes', () => {
  test('both typed IMEIs match the label on the box photo', async () => {
    const response = await POST(appealRequest(STANDARD_FIELDS, standardFiles()));
    expect(response.status).toBe(200);
    const text = withPdfFile(new Uint8Array(await response.arrayBuffer()), pdftotext);
    expect(text.match(/matches box label barcode/g)).toHaveLength(2);
    expect(text).not.toContain('not found on box label');
  });

  test('an IMEI the label does not show is flagged in the fact table', async () => {
    const fields = { ...STANDARD_FIELDS, imei2: '861234056789012' };
    const files = [
      { field: 'boxPhoto', name: 'box.jpg', bytes: readFixture('box-label-12mp.jpg'), type: 'image/jpeg' },
      { field: 'receipt', name: 'e-receipt.pdf', bytes: readFixture('e-receipt.pdf'), type: 'application/pdf' },
    ];
    const response = await POST(appealRequest(fields, files));
    expect(response.status).toBe(200);
    const text = withPdfFile(new Uint8Array(await response.arrayBuffer()), pdftotext);
    expect(text).toMatch(/86 123405 678901 2[\s\S]{0,200}not found on box label barcode/);
    expect(text.match(/matches box label barcode/g)).toHaveLength(1);
  });
});
