import sharp from 'sharp';
import { describe, expect, test } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';
import { sha256Hex, signLabelToken } from '@/lib/server/label-token';
import { readFixture } from '@/tests/support/fixtures';
import { photoLike } from '@/tests/support/hostile-files';

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
    expect(text).toMatch(/861234056789012[\s\S]{0,200}not found on box label barcode/);
    expect(text.match(/matches box label barcode/g)).toHaveLength(1);
  });

  test('the evidence check signs its reading; the bundle takes it instead of reading the label again', async () => {
    // The box photo as the browser prepares it: what the form sends to both routes.
    const box = await sharp(readFixture('box-label-12mp.jpg')).rotate().resize(2000, 2000, { fit: 'inside' }).jpeg({ quality: 80 }).toBuffer();
    const form = new FormData();
    form.append('boxPhoto', new Blob([new Uint8Array(box)]), 'box.jpg');
    const check = (await (await handleEvidenceCheck(new Request('http://localhost/api/evidence-check', { method: 'POST', body: form }))).json()) as {
      imeis: string[];
      labelToken: string;
    };
    expect(check.imeis).toEqual(['868907041234565', '867443033012349']);
    expect(check.labelToken).toMatch(/^v1\.868907041234565,867443033012349\.[\w-]{43}$/);

    const receipt = { field: 'receipt', name: 'e-receipt.pdf', bytes: readFixture('e-receipt.pdf'), type: 'application/pdf' };
    const withToken = await POST(appealRequest({ ...STANDARD_FIELDS, labelTokens: check.labelToken }, [{ field: 'boxPhoto', name: 'box.jpg', bytes: box }, receipt]));
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('server-timing')).toMatch(/labels;dur=\d/);
    const text = withPdfFile(new Uint8Array(await withToken.arrayBuffer()), pdftotext);
    expect(text.match(/matches box label barcode/g)).toHaveLength(2);
  });

  test('a token is believed only for the bytes it was signed over: a label-less photo is read, not trusted', async () => {
    const plain = await photoLike(1600, 1200, 'no barcode here').jpeg({ quality: 80 }).toBuffer();
    const receipt = { field: 'receipt', name: 'e-receipt.pdf', bytes: readFixture('e-receipt.pdf'), type: 'application/pdf' };
    const box = { field: 'boxPhoto', name: 'box.jpg', bytes: plain, type: 'image/jpeg' };
    const forOther = signLabelToken(sha256Hex(Buffer.from('other bytes')), ['868907041234565', '867443033012349']);
    const refused = await POST(appealRequest({ ...STANDARD_FIELDS, labelTokens: `${forOther} junk` }, [box, receipt]));
    expect(withPdfFile(new Uint8Array(await refused.arrayBuffer()), pdftotext)).not.toContain('matches box label barcode');
    // Signed over these very bytes (as the check would have), the same claim is taken without reading.
    const forThese = signLabelToken(sha256Hex(plain), ['868907041234565']);
    const taken = await POST(appealRequest({ ...STANDARD_FIELDS, labelTokens: forThese }, [box, receipt]));
    const text = withPdfFile(new Uint8Array(await taken.arrayBuffer()), pdftotext);
    expect(text.match(/matches box label barcode/g)).toHaveLength(1);
    expect(text).toContain('not found on box label barcode');
  });

  test('a token also vouches that the check decoded its photo whole: the bundle does not decode it again', async () => {
    // A prepared-looking receipt photo whose scan data lost a third: its structure alone looks fine.
    const good = await photoLike(1600, 1200, 'till receipt').jpeg({ quality: 80, progressive: false, mozjpeg: false }).toBuffer();
    const sos = good.indexOf(Buffer.from([0xff, 0xda]));
    const damaged = Buffer.concat([good.subarray(0, sos + 400), good.subarray(Math.floor(good.length * 0.66))]);
    const box = { field: 'boxPhoto', name: 'box.jpg', bytes: readFixture('box-label-12mp.jpg'), type: 'image/jpeg' };
    const receipt = { field: 'receipt', name: 'receipt.jpg', bytes: damaged, type: 'image/jpeg' };

    // The check decodes it whole, so it refuses it: no token is ever signed over such bytes.
    const form = new FormData();
    form.append('receipt', new Blob([new Uint8Array(damaged)]), 'receipt.jpg');
    expect((await handleEvidenceCheck(new Request('http://localhost/api/evidence-check', { method: 'POST', body: form }))).status).toBe(422);
    // Without a token for these bytes the bundle proves them itself, and refuses them too.
    const forOther = signLabelToken(sha256Hex(good), []);
    expect((await POST(appealRequest({ ...STANDARD_FIELDS, labelTokens: forOther }, [box, receipt]))).status).toBe(422);
    // Signed over these very bytes, the token is believed: the photo is embedded without a decode.
    const vouched = await POST(appealRequest({ ...STANDARD_FIELDS, labelTokens: signLabelToken(sha256Hex(damaged), []) }, [box, receipt]));
    expect(vouched.status).toBe(200);
  });
});
