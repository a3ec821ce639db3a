/**
 * Parts a browser never sends but HTTP libraries and crafted clients do, which busboy reads
 * differently from what they mean: a text part in a charset it cannot decode (it hands the value
 * over as `undefined`), a file part it takes for a text field (`filename=""` with a type other
 * than application/octet-stream), and one it drops without a trace (named only by `filename*=` in
 * a charset it cannot decode). Each gets a prompt 400, never a hang, a 408, a "too long" message
 * for a photo, or a file silently dropped. Found by the hostile-input review.
 */
import { describe, expect, it } from 'vitest';

import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';
import { readMultipart } from '@/lib/server/multipart';
import { readFixture } from '../../support/fixtures';
import { multipartBody, pngScreenshot, type FilePart, type TextPart } from '../../support/hostile-files';
import { expectRefusal, postAppeal, standardUploads, validFields } from './appeal-client';

const BOUNDARY = '----odd-parts-boundary';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
/** Far below the 30 s idle timeout a parser that stopped would wait for. */
const PROMPT_MS = 5_000;

const text = (fields: Record<string, string>): TextPart[] => Object.entries(fields).map(([name, value]) => ({ name, value }));
const standardFiles = (): FilePart[] =>
  standardUploads().map((upload) => ({ name: upload.role, filename: upload.name, type: upload.type ?? 'application/octet-stream', bytes: upload.bytes }));

const appeal = (parts: (TextPart | FilePart)[]) => postAppeal(multipartBody(parts, BOUNDARY), { headers: { 'content-type': MULTIPART } });

/** A valid appeal whose `notes` part declares `charset`. */
function notesIn(charset: string): (TextPart | FilePart)[] {
  const fields = text(validFields()).filter((part) => part.name !== 'notes');
  return [...fields, { name: 'notes', value: 'hello', type: `text/plain; charset=${charset}` }, ...standardFiles()];
}

describe('a text part in a charset busboy cannot decode', () => {
  for (const charset of ['x-bogus', 'windows-1251', 'koi8-r', 'utf-7']) {
    it(`charset=${charset}: a prompt 400 naming the field, in the request's language`, async () => {
      const answer = await appeal(notesIn(charset));
      const body = await expectRefusal(answer, { status: 400, code: 'invalid-fields', field: 'notes', locale: 'ru' });
      expect(body.error.fields.notes).toMatch(/как текст/);
      expect(answer.ms).toBeLessThan(PROMPT_MS);
    });
  }

  it('bytes that are not UTF-8, with no charset declared: the same 400, not a letter of "�"', async () => {
    // "Иван Петров" as a windows-1251 client sends it, in a part that declares no charset (busboy reads UTF-8).
    const name: FilePart = { name: 'ownerName', filename: null, type: 'text/plain', bytes: Buffer.from('c8e2e0ed20cfe5f2f0eee2', 'hex') };
    const fields = text(validFields()).filter((part) => part.name !== 'ownerName');
    const answer = await appeal([...fields, name, ...standardFiles()]);
    const body = await expectRefusal(answer, { status: 400, code: 'invalid-fields', field: 'ownerName', locale: 'ru' });
    expect(body.error.fields.ownerName).toMatch(/как текст/);
  });

  it('the evidence check: a prompt 400 too', async () => {
    const started = performance.now();
    const body = multipartBody(
      [
        { name: 'locale', value: 'en', type: 'text/plain; charset=x-bogus' },
        { name: 'boxPhoto', filename: 'box.jpg', type: 'image/jpeg', bytes: readFixture('box-label-12mp.jpg') },
      ],
      BOUNDARY,
    );
    const response = await handleEvidenceCheck(
      new Request('http://127.0.0.1/api/evidence-check', { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': MULTIPART } }),
    );
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(answer.error.fields)).toEqual(['locale']);
    expect(performance.now() - started).toBeLessThan(PROMPT_MS);
  });
});

describe('a file part busboy takes for a text field', () => {
  const role = (name: 'boxPhoto' | 'receipt' | 'extra', bytes: Buffer, filename: string | null, filenameStar?: string): FilePart => ({
    name,
    filename,
    filenameStar,
    type: 'image/png',
    bytes,
  });

  it('a small photo with filename="": refused under its role, not dropped for "add at least one file"', async () => {
    const small = await pngScreenshot(60, 40);
    const answer = await appeal([...text(validFields()), role('boxPhoto', small, ''), ...standardFiles()]);
    const body = await expectRefusal(answer, { status: 400, code: 'malformed-request', field: 'boxPhoto', locale: 'ru' });
    expect(body.error.fields.boxPhoto).toMatch(/без имени/);
    expect(body.error.fields).not.toHaveProperty('evidence');
  });

  it('a large photo with filename="": the same message, not "too long: at most 32768 characters"', async () => {
    const large = await pngScreenshot(720, 1600);
    expect(large.length).toBeGreaterThan(64 * 1024);
    const answer = await appeal([...text(validFields()), role('receipt', large, '')]);
    const body = await expectRefusal(answer, { status: 400, code: 'malformed-request', field: 'receipt', locale: 'ru' });
    expect(body.error.fields.receipt).toMatch(/без имени/);
    expect(JSON.stringify(body)).not.toMatch(/32768/);
  });

  it("a name only as filename*=koi8-r''…: refused, not dropped", async () => {
    const photo = await pngScreenshot(200, 300);
    const answer = await appeal([...text(validFields()), role('extra', photo, null, "koi8-r''%F0%C8%CF%D4%CF.png"), ...standardFiles()]);
    // busboy drops such a part whole, its name with it: the message says what happened, under no field.
    const body = await expectRefusal(answer, { status: 400, code: 'malformed-request', locale: 'ru' });
    expect(body.error.message).toMatch(/без имени/);
  });

  it('a role field sent empty (an empty picker some clients send as text) is nothing, as before', async () => {
    const answer = await appeal([...text(validFields()), { name: 'extra', value: '', type: 'text/plain' }, ...standardFiles()]);
    expect(answer.response.status).toBe(200);
  });
});

describe('an exception inside the field callback', () => {
  it('fails that request at once (a 500 for the log), never an unhandled rejection and a 30 s wait', async () => {
    const body = multipartBody([...text(validFields()), ...standardFiles()], BOUNDARY);
    const request = new Request('http://127.0.0.1/api/appeal', { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': MULTIPART } });
    const started = performance.now();
    await expect(
      readMultipart(request, () => {
        throw new TypeError('a bug in the callback');
      }),
    ).rejects.toThrow('a bug in the callback');
    expect(performance.now() - started).toBeLessThan(PROMPT_MS);
  });
});
