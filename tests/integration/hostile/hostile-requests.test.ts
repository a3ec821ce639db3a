/**
 * Request bodies a form never sends: floods of fields, huge or control-character values, bodies
 * that are not multipart, cut off, or trickle in forever. Each gets the 4xx the README's contract
 * names (or, for text a person might paste, a clean bundle), never a 5xx and never a hung request.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { multipartBody, type FilePart, type TextPart } from '../../support/hostile-files';
import { appealForm, expectBundle, expectRefusal, postAppeal, postForm, standardUploads, validFields } from './appeal-client';
import { pdfText } from './pdf-inspect';
import { readFixture } from '../../support/fixtures';
import * as appealRoute from '@/app/api/appeal/route';
import * as evidenceCheckRoute from '@/app/api/evidence-check/route';

const BOUNDARY = '----hostile-boundary-7f3a';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

function standardParts(): (TextPart | FilePart)[] {
  const fields = Object.entries(validFields()).map(([name, value]) => ({ name, value }));
  const files = standardUploads().map((upload) => ({
    name: upload.role,
    filename: upload.name,
    type: upload.type ?? 'application/octet-stream',
    bytes: upload.bytes,
  }));
  return [...fields, ...files];
}

/** A body that sends `bytes` in `chunkSize` pieces every `everyMs`, then ends or errors. */
function trickle(bytes: Buffer, chunkSize: number, everyMs: number, end: 'close' | 'error' | 'never' = 'close'): ReadableStream<Uint8Array> {
  let offset = 0;
  let timer: NodeJS.Timeout | undefined;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      return new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          if (offset >= bytes.length) {
            if (end === 'close') controller.close();
            else if (end === 'error') controller.error(new Error('connection reset by peer'));
            resolve();
            return;
          }
          controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + chunkSize)));
          offset += chunkSize;
          resolve();
        }, everyMs);
      });
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('floods and oversized text', () => {
  // Not "incomplete or damaged, check your connection": the body is whole, there is just too much of it.
  const TOO_MANY_PARTS = 'не больше 15 файлов и 40 текстовых полей';

  it('thousands of fields', async () => {
    const form = appealForm(validFields(), standardUploads());
    for (let i = 0; i < 5000; i += 1) form.append(`junk${i}`, 'x');
    await expectRefusal(await postAppeal(form), { status: 400, code: 'malformed-request', locale: 'ru', names: TOO_MANY_PARTS });
  });

  it('thousands of copies of one real field', async () => {
    const form = appealForm(validFields(), standardUploads());
    for (let i = 0; i < 5000; i += 1) form.append('notes', 'x');
    await expectRefusal(await postAppeal(form), { status: 400, code: 'malformed-request', locale: 'ru', names: TOO_MANY_PARTS });
  });

  it('a file under a field that takes no files is named, not called damaged', async () => {
    const form = appealForm(validFields(), standardUploads());
    form.append('photo', new Blob([new Uint8Array(readFixture('box-label-12mp.jpg'))], { type: 'image/jpeg' }), 'box.jpg');
    const body = await expectRefusal(await postAppeal(form), { status: 400, code: 'malformed-request', locale: 'ru', names: '«photo»' });
    expect(body.error.message).toContain('«boxPhoto»');
  });

  it('a 100 KB text field, named in the answer', async () => {
    // locale first, as a crafted client may send it: the parser answers before reading the rest.
    const { locale, ...rest } = validFields({ notes: 'Я'.repeat(50_000) });
    const answer = await postForm({ locale: locale ?? 'ru', ...rest }, standardUploads());
    await expectRefusal(answer, { status: 400, code: 'invalid-fields', field: 'notes', locale: 'ru' });
  });

  it('CR/LF and control characters in every text field: stripped, and the bundle is clean', async () => {
    const dirty = (value: string) => `\r\n\t\u0000${value.replace(' ', ' \u0007\u001b ')}\u0085\u2028\u200e\r\n`;
    const fields = Object.fromEntries(Object.entries(validFields()).map(([name, value]) => [name, dirty(value)]));
    const document = await expectBundle(await postForm(fields, standardUploads()));
    const text = await pdfText(await document.save());
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(text).toContain('868907041234565');
    expect(text).toContain('Иван');
  });

  it('header injection in free-text fields never reaches a header or the file name', async () => {
    const inject = '\r\nBcc: victim@example.com\r\nContent-Type: text/html\r\n\r\n<script>x</script>';
    const fields = validFields({
      ownerName: `Иван${inject}`,
      sellerName: `Shop${inject}`,
      model: `Redmi${inject}`,
      notes: `Notes${inject}`,
    });
    // The contract strips control characters from every text value: this is a valid appeal.
    const answer = await postForm(fields, standardUploads());
    await expectBundle(answer);
    const disposition = answer.response.headers.get('content-disposition') ?? '';
    expect(disposition).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect([...answer.response.headers.keys()]).not.toContain('bcc');
    expect(answer.response.headers.get('content-type')).toBe('application/pdf');
  });
});

describe('bodies that are not a well-formed multipart form', () => {
  it('a JSON body', async () => {
    const answer = await postAppeal(JSON.stringify(validFields()), { headers: { 'content-type': 'application/json' } });
    await expectRefusal(answer, { status: 400, code: 'not-multipart' });
  });

  it('a URL-encoded form', async () => {
    const answer = await postAppeal(new URLSearchParams(validFields()));
    await expectRefusal(answer, { status: 400, code: 'not-multipart' });
  });

  it('no body at all', async () => {
    await expectRefusal(await postAppeal('', { headers: { 'content-type': MULTIPART } }), { status: 400 });
  });

  it('multipart without a boundary, or with an empty one', async () => {
    const body = multipartBody(standardParts(), BOUNDARY);
    await expectRefusal(await postAppeal(body, { headers: { 'content-type': 'multipart/form-data' } }), { status: 400 });
    await expectRefusal(await postAppeal(body, { headers: { 'content-type': 'multipart/form-data; boundary=' } }), { status: 400 });
  });

  it('a boundary that never appears in the body', async () => {
    const body = multipartBody(standardParts(), BOUNDARY);
    await expectRefusal(await postAppeal(body, { headers: { 'content-type': 'multipart/form-data; boundary=something-else' } }), {
      status: 400,
    });
  });

  it('a body cut off in the middle of a file', async () => {
    const body = multipartBody(standardParts(), BOUNDARY);
    const cut = body.subarray(0, Math.floor(body.length * 0.7));
    await expectRefusal(await postAppeal(cut, { headers: { 'content-type': MULTIPART } }), { status: 400, locale: 'ru' });
  });

  it('a connection that drops in the middle of a file', async () => {
    const body = multipartBody(standardParts(), BOUNDARY);
    const stream = trickle(body.subarray(0, Math.floor(body.length * 0.5)), 256 * 1024, 1, 'error');
    const answer = await postAppeal(stream, { headers: { 'content-type': MULTIPART } });
    await expectRefusal(answer, { status: 400 });
  });
});

describe('refusals before the locale field has arrived speak the browser’s language', () => {
  it('a body announced as over the limit gets its 413 in Russian for a Russian browser', async () => {
    const answer = await postAppeal(multipartBody(standardParts(), BOUNDARY), {
      headers: { 'content-type': MULTIPART, 'content-length': String(200 * 1024 * 1024), 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' },
    });
    await expectRefusal(answer, { status: 413, code: 'request-too-large', locale: 'ru' });
  });

  it('a non-multipart body gets its 400 in the language of the NEXT_LOCALE cookie', async () => {
    const answer = await postAppeal(JSON.stringify(validFields()), {
      headers: { 'content-type': 'application/json', cookie: 'theme=dark; NEXT_LOCALE=ru', 'accept-language': 'en-GB' },
    });
    await expectRefusal(answer, { status: 400, code: 'not-multipart', locale: 'ru' });
  });
});

describe('a very slow upload', () => {
  it('is cut off at the upload deadline with a 4xx instead of holding the request forever', async () => {
    vi.stubEnv('APPEAL_UPLOAD_DEADLINE_MS', '1500');
    const body = multipartBody(standardParts(), BOUNDARY);
    // 1 KB every 100 ms: about 10 KB/s, so this body would take many minutes.
    const answer = await postAppeal(trickle(body, 1024, 100, 'never'), { headers: { 'content-type': MULTIPART } });
    await expectRefusal(answer, { status: 408, code: 'upload-timeout', locale: 'ru' });
    expect(answer.ms).toBeGreaterThan(1400);
    expect(answer.ms).toBeLessThan(3000);
  });

  it('a slow but steady upload that finishes within the deadline still gets its bundle', async () => {
    vi.stubEnv('APPEAL_UPLOAD_DEADLINE_MS', '20000');
    const body = multipartBody(standardParts(), BOUNDARY);
    const answer = await postAppeal(trickle(body, 512 * 1024, 20), { headers: { 'content-type': MULTIPART } });
    await expectBundle(answer, { deadlineMs: 20_000 });
  });
});

describe('methods other than POST', () => {
  it.each([
    ['appeal', appealRoute],
    ['evidence-check', evidenceCheckRoute],
  ])('/api/%s answers GET, PUT, PATCH and DELETE with the contract’s 405 and Allow: POST', async (path, route) => {
    for (const [method, handler] of Object.entries({ GET: route.GET, PUT: route.PUT, PATCH: route.PATCH, DELETE: route.DELETE })) {
      const response = handler(new Request(`http://127.0.0.1/api/${path}`, { method, headers: { 'accept-language': 'ru' } }));
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('method-not-allowed');
      expect(body.error.message).toContain('методом «POST»');
    }
  });
});
