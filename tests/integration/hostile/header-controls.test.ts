/**
 * A file whose name carries control characters, sent raw in its part's Content-Disposition (file
 * systems allow them; a crafted or careless client sends them as they are). busboy fails the whole
 * body at one of them ("Malformed part header"): it was a generic 400 for the appeal and the
 * evidence check alike. They become spaces before busboy reads the headers, so the file is
 * accepted, and its name in the PDF and in messages carries none.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';
import { readFixture } from '../../support/fixtures';
import { multipartBody, type FilePart, type TextPart } from '../../support/hostile-files';
import { pdftotext, withPdfFile } from '../support/pdf-tools';
import { expectBundle, expectRefusal, postAppeal, validFields } from './appeal-client';

const BOUNDARY = '----header-controls-boundary';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
/** SOH, DEL and a raw tab inside the quoted file name. */
const RAW_NAME = 'box\x01label\x7fphoto\t12mp.jpg';
const CLEAN_NAME = 'box label photo 12mp.jpg';
/** Control characters but the page breaks pdftotext writes between pages. */
const CONTROLS = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

const text = (fields: Record<string, string>): TextPart[] => Object.entries(fields).map(([name, value]) => ({ name, value }));

const check = (parts: (TextPart | FilePart)[]) =>
  handleEvidenceCheck(new Request('http://127.0.0.1/api/evidence-check', { method: 'POST', body: new Uint8Array(multipartBody(parts, BOUNDARY)), headers: { 'content-type': MULTIPART } }));

describe('control characters in a part header are read as spaces', () => {
  it('POST /api/appeal: the bundle is built, and the PDF names the file without them', async () => {
    const parts = [
      ...text(validFields()),
      { name: 'boxPhoto', filename: RAW_NAME, type: 'image/jpeg', bytes: readFixture('box-label-12mp.jpg') },
      // In another header than the name, and a control character in the type's value.
      { name: 'receipt', filename: 'e-receipt\x1f.pdf', type: 'application/pdf\x01', bytes: readFixture('e-receipt.pdf') },
    ];
    const answer = await postAppeal(multipartBody(parts, BOUNDARY), { headers: { 'content-type': MULTIPART } });
    await expectBundle(answer);
    const pdf = new Uint8Array(await answer.response.arrayBuffer());
    const pdfText = withPdfFile(pdf, pdftotext);
    expect(pdfText).toContain(CLEAN_NAME);
    expect(pdfText).toContain('e-receipt .pdf');
    expect(pdfText).not.toMatch(CONTROLS);
  });

  it('POST /api/appeal: a refusal names the file without them', async () => {
    const parts = [
      ...text(validFields()),
      { name: 'boxPhoto', filename: RAW_NAME, type: 'image/jpeg', bytes: readFixture('not-an-image.jpg') },
      { name: 'receipt', filename: 'e-receipt.pdf', type: 'application/pdf', bytes: readFixture('e-receipt.pdf') },
    ];
    const answer = await postAppeal(multipartBody(parts, BOUNDARY), { headers: { 'content-type': MULTIPART } });
    const body = await expectRefusal(answer, { status: 415, names: `«${CLEAN_NAME}»`, field: 'boxPhoto', locale: 'ru' });
    expect(JSON.stringify(body)).not.toMatch(/\\u00(0|1)|\\u007f/);
  });

  it('POST /api/evidence-check: the photo is checked', async () => {
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const response = await check([{ name: 'locale', value: 'en' }, { name: 'boxPhoto', filename: RAW_NAME, type: 'image/jpeg', bytes: photo }]);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ imeis: [], photo: { width: 1200, height: 900 } });
  });

  it('POST /api/evidence-check: a refusal names the file without them', async () => {
    const response = await check([{ name: 'locale', value: 'en' }, { name: 'boxPhoto', filename: RAW_NAME, type: 'image/jpeg', bytes: readFixture('not-an-image.jpg') }]);
    expect(response.status).toBe(415);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('unsupported-file-type');
    expect(error.message).toContain(`“${CLEAN_NAME}”`);
    expect(error.message).not.toMatch(CONTROLS);
  });
});
