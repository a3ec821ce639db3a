import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { fixturePath, readFixture } from '../support/fixtures';
import { appealRequest, STANDARD_FIELDS, standardFiles, type ErrorBody, type UploadSpec } from './support/appeal-request';
import { listImages, withPdfFile } from './support/pdf-tools';

const EN = { ...STANDARD_FIELDS, locale: 'en' };
const [BOX, RECEIPT] = standardFiles() as [UploadSpec, UploadSpec, ...UploadSpec[]];

async function post(fields: Record<string, string>, files: readonly UploadSpec[]) {
  const response = await POST(appealRequest(fields, files));
  const body = response.headers.get('content-type')?.includes('json') ? ((await response.json()) as ErrorBody) : undefined;
  return { response, status: response.status, body };
}

function withTempDir<T>(inside: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'appeal-fixture-'));
  try {
    return inside(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('POST /api/appeal refuses what it cannot use, naming the file', () => {
  it('415 for HTML named .jpg', async () => {
    const { status, body } = await post(EN, [{ field: 'boxPhoto', name: 'not-an-image.jpg', bytes: readFixture('not-an-image.jpg'), type: 'image/jpeg' }, RECEIPT]);
    expect(status).toBe(415);
    expect(body?.error.code).toBe('unsupported-file-type');
    expect(body?.error.message).toContain('not-an-image.jpg');
    // Listed under the file's own field too, so the form shows it in that upload zone.
    expect(body?.error.fields).toEqual({ boxPhoto: body?.error.message });
  });

  it('415 for a PDF offered as the box photo (photos only there)', async () => {
    const { status, body } = await post(EN, [{ field: 'boxPhoto', name: 'box.pdf', bytes: readFixture('e-receipt.pdf') }, RECEIPT]);
    expect(status).toBe(415);
    // Where a PDF does go, in the form's words.
    expect(body?.error.message).toBe('“box.pdf” is a PDF, and the box label takes photos only. Add the PDF under “Receipt” or “Other proof”.');
    expect(Object.keys(body?.error.fields ?? {})).toEqual(['boxPhoto']);
  });

  it('422 for a truncated JPEG', async () => {
    const { status, body } = await post(EN, [BOX, { field: 'receipt', name: 'truncated.jpg', bytes: readFixture('truncated.jpg'), type: 'image/jpeg' }]);
    expect(status).toBe(422);
    expect(body?.error.code).toBe('unreadable-file');
    expect(body?.error.message).toContain('truncated.jpg');
    expect(body?.error.fields).toEqual({ receipt: body?.error.message });
  });

  it.each([
    ['a user password (cannot be opened without it)', 'user'],
    // Shops' e-receipts often open freely but carry an owner password against editing: pdf-lib
    // cannot copy their encrypted pages either, and the message must not claim a password is needed.
    ['only an owner password (opens freely, locked against changes)', ''],
  ])('422 for a PDF receipt encrypted with %s', async (_, userPassword) => {
    const encrypted = withTempDir((dir) => {
      const out = path.join(dir, 'locked.pdf');
      execFileSync('qpdf', ['--encrypt', userPassword, 'owner', '256', '--', fixturePath('e-receipt.pdf'), out]);
      return readFileSync(out);
    });
    const { status, body } = await post(EN, [BOX, { field: 'receipt', name: 'квитанция.pdf', bytes: encrypted, type: 'application/pdf' }]);
    expect(status).toBe(422);
    expect(body?.error.message).toContain('квитанция.pdf');
    expect(body?.error.message).toMatch(/encrypted or protected/i);
    expect(body?.error.message).toMatch(/Save as PDF/);
    expect(Object.keys(body?.error.fields ?? {})).toEqual(['receipt']);
  });

  it('422 for a file that claims to be a PDF but is broken', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
    const { status, body } = await post(EN, [BOX, { field: 'receipt', name: 'broken.pdf', bytes: broken }]);
    expect(status).toBe(422);
    expect(body?.error.message).toContain('broken.pdf');
    expect(Object.keys(body?.error.fields ?? {})).toEqual(['receipt']);
  });
});

describe('POST /api/appeal validation', () => {
  it('400 lists every missing field and the missing evidence at once', async () => {
    const { status, body } = await post({ locale: 'en' }, []);
    expect(status).toBe(400);
    expect(body?.error.code).toBe('invalid-fields');
    expect(Object.keys(body?.error.fields ?? {}).sort()).toEqual(
      ['contactEmail', 'country', 'evidence', 'imei', 'ownerName', 'purchaseChannel', 'purchaseDate'].sort(),
    );
    for (const message of Object.values(body?.error.fields ?? {})) expect(message).toMatch(/\w{3,}/);
    expect(body?.error.fields.evidence).toMatch(/at least one file/);
    expect(body?.error.message).toMatch(/7 fields/);
  });

  it('400 for an unknown second-hand venue, triage answer or a hint with odd characters', async () => {
    const { status, body } = await post({ ...EN, saleVenue: 'garage', triedFirst: 'magic', accountHint: '221<script>' }, [BOX]);
    expect(status).toBe(400);
    expect(Object.keys(body?.error.fields ?? {}).sort()).toEqual(['accountHint', 'saleVenue', 'triedFirst']);
  });

  it('400 names each wrong value, not only the first', async () => {
    const { status, body } = await post({ ...EN, imei: '86890704123456', contactEmail: 'not-an-email', purchaseDate: '2099-01-01' }, [BOX, RECEIPT]);
    expect(status).toBe(400);
    expect(body?.error.fields.imei).toContain('868907041234565'); // the suggested IMEI with its check digit
    expect(Object.keys(body?.error.fields ?? {})).toEqual(expect.arrayContaining(['imei', 'contactEmail', 'purchaseDate']));
  });

  it('answers in the request locale (ru)', async () => {
    const { status, body } = await post({ locale: 'ru', imei: '123' }, []);
    expect(status).toBe(400);
    expect(body?.error.message).toMatch(/[а-яё]{4,}/i);
    expect(body?.error.message).not.toMatch(/fields? need/);
    for (const message of Object.values(body?.error.fields ?? {})) expect(message).toMatch(/[а-яё]{4,}/i);
  });

  it('answers a file error in the locale of the appeal (uk)', async () => {
    const { status, body } = await post({ ...STANDARD_FIELDS, locale: 'uk' }, [BOX, { field: 'receipt', name: 'truncated.jpg', bytes: readFixture('truncated.jpg') }]);
    expect(status).toBe(422);
    expect(body?.error.message).toContain('truncated.jpg');
    expect(body?.error.message).toMatch(/[а-яєіїґ]{4,}/i);
  });

  it('400 when the body is not multipart', async () => {
    const response = await POST(new Request('http://localhost/api/appeal', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe('not-multipart');
  });
});

describe('POST /api/appeal reads HEIC (the iPhone default) through its WASM decoder', () => {
  const heic = (() => {
    try {
      return withTempDir((dir) => {
        const out = path.join(dir, 'photo.heic');
        execFileSync('convert', ['-size', '640x480', 'gradient:navy-orange', '-quality', '60', out], { stdio: 'ignore' });
        return readFileSync(out);
      });
    } catch {
      return undefined; // ImageMagick without a HEIC encoder (Debian's has one): the test fails
    }
  })();

  it('turns a HEIC box photo into a JPEG page', async () => {
    expect(heic, 'a HEIC sample from ImageMagick (Debian imagemagick, with libheif)').toBeDefined();
    const response = await POST(appealRequest(EN, [{ field: 'boxPhoto', name: 'IMG_0001.HEIC', bytes: heic!, type: 'image/heic' }, RECEIPT]));
    expect(response.status).toBe(200);
    const pdf = new Uint8Array(await response.arrayBuffer());
    withPdfFile(pdf, (file) => {
      expect(listImages(file).map(({ width, height }) => [width, height])).toContainEqual([640, 480]);
    });
  });
});
