import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import sharp from 'sharp';
import { describe, expect, test } from 'vitest';

import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';
import { readFixture } from '@/tests/support/fixtures';

const IMEIS = ['868907041234565', '867443033012349'];

function post(files: { field?: string; name: string; bytes: Buffer }[], locale?: string): Promise<Response> {
  const form = new FormData();
  if (locale) form.append('locale', locale);
  for (const f of files) form.append(f.field ?? 'boxPhoto', new Blob([new Uint8Array(f.bytes)]), f.name);
  return handleEvidenceCheck(new Request('http://localhost/api/evidence-check', { method: 'POST', body: form }));
}

type ErrorBody = { error: { code: string; message: string; fields: Record<string, string>; requestId?: string } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('POST /api/evidence-check', () => {
  test('the 12 MP box photo: both IMEIs in label order, its upright size, no warnings, not cached', async () => {
    const response = await post([{ name: 'box.jpg', bytes: readFixture('box-label-12mp.jpg') }]);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      imeis: IMEIS,
      barcodes: 2,
      photo: { width: 4000, height: 3000, warnings: [] },
      labelToken: expect.stringMatching(/^v1\.868907041234565,867443033012349\./),
    });
  });

  test('a receipt photo sent under its own role: no IMEI barcodes, no warnings, a token for its bytes', async () => {
    const response = await post([{ field: 'receipt', name: 'чек.jpg', bytes: readFixture('receipt-photo-12mp.jpg') }]);
    // The token vouches that these bytes decoded whole (and carried no IMEI): the bundle need not decode them again.
    expect(await response.json()).toEqual({ imeis: [], barcodes: 0, photo: { width: 3000, height: 4000, warnings: [] }, labelToken: expect.stringMatching(/^v1\.\.[\w-]{43}$/) });
  });

  test('a small, blurred, dark photo gets every warning and still an answer', async () => {
    const bad = await sharp(readFixture('box-label-12mp.jpg')).rotate().resize(600).blur(6).linear(0.12, 0).jpeg().toBuffer();
    const body = (await (await post([{ name: 'bad.jpg', bytes: bad }])).json()) as { photo: { warnings: string[] } };
    expect(body.photo.warnings).toEqual(['tooSmall', 'blurred', 'dark']);
  });

  test('a HEIC photo (the iPhone default) is read too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assist-heic-'));
    try {
      const jpg = path.join(dir, 'in.jpg');
      const heic = path.join(dir, 'box.heic');
      execFileSync('sh', ['-c', `cat > "${jpg}"`], { input: await sharp(readFixture('box-label-12mp.jpg')).rotate().resize(2000).jpeg().toBuffer() });
      execFileSync('convert', [jpg, '-quality', '80', heic]);
      const response = await post([{ name: 'IMG_0001.HEIC', bytes: readFileSync(heic) }]);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ imeis: IMEIS, photo: { width: 2000, height: 1500 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('HTML named .jpg: 415, the message names the file, in the request language, under the file\'s field', async () => {
    const response = await post([{ name: 'коробка.jpg', bytes: readFixture('not-an-image.jpg') }], 'ru');
    expect(response.status).toBe(415);
    expect(response.headers.get('x-request-id')).toMatch(UUID);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('unsupported-file-type');
    expect(body.error.message).toContain('«коробка.jpg»');
    expect(body.error.message).toMatch(/[а-я]/);
    // The same shape as POST /api/appeal: the form shows it in the upload zone to fix.
    expect(body.error.fields).toEqual({ boxPhoto: body.error.message });
  });

  test('a truncated receipt photo: 422 unreadable, in Bulgarian, listed under `receipt`', async () => {
    const response = await post([{ field: 'receipt', name: 'truncated.jpg', bytes: readFixture('truncated.jpg') }], 'bg');
    expect(response.status).toBe(422);
    expect(response.headers.get('x-request-id')).toMatch(UUID);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('unreadable-file');
    expect(body.error.message).toContain('truncated.jpg');
    expect(body.error.message).toMatch(/[а-я]/);
    expect(body.error.fields).toEqual({ receipt: body.error.message });
  });

  test('a second file is one too many; none is a malformed request', async () => {
    const jpg = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    const two = await post([{ name: 'a.jpg', bytes: jpg }, { name: 'b.jpg', bytes: jpg }]);
    expect(two.status).toBe(413);
    expect(((await two.json()) as ErrorBody).error).toMatchObject({ code: 'too-many-files', message: 'Too many files: at most 1 in all. Keep the clearest ones and remove the rest.' });
    const none = await post([], 'uk');
    expect(none.status).toBe(400);
    expect(none.headers.get('x-request-id')).toMatch(UUID);
    // Said as it is, not "check your connection".
    expect(((await none.json()) as ErrorBody).error).toMatchObject({ code: 'malformed-request', fields: {}, message: 'Із запитом не надійшло жодного фото. Надішліть одне фото й спробуйте ще раз.' });
  });

  test('a PDF: 415 saying only photos are checked here, not "a photo or PDF we can use"', async () => {
    const response = await post([{ field: 'receipt', name: 'invoice.pdf', bytes: readFixture('e-receipt.pdf') }], 'en');
    expect(response.status).toBe(415);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe('unsupported-file-type');
    expect(error.message).toBe('“invoice.pdf” is a PDF, and only photos are checked here. Send the PDF with the appeal itself: its pages go into the evidence PDF as they are.');
    expect(error.fields).toEqual({ receipt: error.message });
  });

  test('a body that is not multipart is refused', async () => {
    const response = await handleEvidenceCheck(new Request('http://localhost/api/evidence-check', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe('not-multipart');
  });
});
