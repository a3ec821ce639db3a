import { describe, expect, it } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { MAX_FILE_BYTES } from '@/lib/appeal/evidence-rules';
import { appealRequest, STANDARD_FIELDS, standardFiles, type ErrorBody, type UploadSpec } from './support/appeal-request';

const EN = { ...STANDARD_FIELDS, locale: 'en' };
const [BOX, RECEIPT] = standardFiles() as [UploadSpec, UploadSpec, ...UploadSpec[]];
const MB = 1024 * 1024;

/**
 * A multipart body produced on demand: the head of a file part, then filler for as long as the
 * server keeps reading. `pulled()` says how much the route actually consumed.
 */
function endlessUpload(fileField: string, fileName: string) {
  const boundary = 'appealkitboundary';
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="locale"\r\n\r\nen\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${fileName}"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const chunk = new Uint8Array(256 * 1024).fill(0xab);
  let pulled = 0;
  let sentHead = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = sentHead ? chunk : head;
      sentHead = true;
      pulled += next.length;
      controller.enqueue(next);
      if (pulled > 200 * MB) controller.close(); // a test guard, far beyond any limit
    },
  });
  const request = new Request('http://localhost/api/appeal', {
    method: 'POST',
    body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  return { request, pulled: () => pulled };
}

describe('POST /api/appeal limits, enforced while the body streams in', () => {
  it('413 naming a file over 25 MB, having read little more than 25 MB', async () => {
    const upload = endlessUpload('receipt', 'huge-scan.jpg');
    const response = await POST(upload.request);
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('file-too-large');
    expect(body.error.message).toContain('huge-scan.jpg');
    expect(upload.pulled()).toBeLessThan(MAX_FILE_BYTES + 4 * MB);
  });

  it('413 for a body announced over 60 MB, without reading it, closing the connection', async () => {
    const upload = endlessUpload('receipt', 'video.jpg');
    const announced = new Request(upload.request, { headers: { ...Object.fromEntries(upload.request.headers), 'content-length': String(61 * MB) } });
    const response = await POST(announced);
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe('request-too-large');
    // The rest is left on the socket: reading 60 MB only to drop them is what this refusal saves.
    expect(response.headers.get('connection')).toBe('close');
    expect(upload.pulled()).toBeLessThan(MB);
  });

  it('413 for a fourth box photo (at most 3)', async () => {
    const response = await POST(appealRequest(EN, [BOX, BOX, BOX, BOX, RECEIPT]));
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe('too-many-files');
  });

  it('413 for more than 15 files in all', async () => {
    const tiny = { ...RECEIPT, bytes: new Uint8Array(10) };
    const files = [BOX, ...Array.from({ length: 4 }, () => ({ ...tiny, field: 'receipt' })), ...Array.from({ length: 8 }, () => ({ ...tiny, field: 'extra' }))];
    // 13 within the per-role limits, then 3 more extras: the 16th file crosses the total.
    const response = await POST(appealRequest(EN, [...files, { ...tiny, field: 'boxPhoto' }, { ...tiny, field: 'boxPhoto' }, { ...tiny, field: 'extra' }]));
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorBody;
    expect(['too-many-files']).toContain(body.error.code);
  });

  it('413 naming the largest PDF when the PDFs together pass their share, and saying it is their total', async () => {
    // Two 4 MB PDFs, each far under the 25 MB a file may have: only their sum passes the 7 MB they may take.
    const pdf = (size: number) => new TextEncoder().encode(`%PDF-1.7\n%${'x'.repeat(size)}\n%%EOF\n`);
    const response = await POST(
      appealRequest(EN, [BOX, { field: 'receipt', name: 'receipt-a.pdf', bytes: pdf(4 * MB), type: 'application/pdf' }, { field: 'extra', name: 'receipt-b.pdf', bytes: pdf(4 * MB + 10), type: 'application/pdf' }]),
    );
    expect(response.status).toBe(413);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe('file-too-large');
    expect(error.message).toBe('“receipt-b.pdf” does not fit: PDF files go into the evidence PDF as they are, and all of them together may be at most 7 MB. Add screenshots of its pages instead, or save it smaller, then add it again.');
  });

  it('ignores the empty part an unused file picker sends', async () => {
    const response = await POST(appealRequest(EN, [BOX, RECEIPT, { field: 'extra', name: '', bytes: new Uint8Array(0) }]));
    expect(response.status).toBe(200);
  });

  it('wraps long notes onto a continuation page instead of cutting them', async () => {
    const notes = Array.from({ length: 60 }, (_, i) => `Строка ${i + 1}: телефон был куплен новым, коробка и чек сохранились.`).join('\n').slice(0, 2000);
    const response = await POST(appealRequest({ ...EN, notes }, [BOX, RECEIPT]));
    expect(response.status).toBe(200);
    const { withPdfFile, pdftotext } = await import('./support/pdf-tools');
    const text = withPdfFile(new Uint8Array(await response.arrayBuffer()), pdftotext);
    const lastLine = notes.split('\n').at(-1)?.slice(0, 20) ?? '';
    expect(text).toContain(lastLine);
    expect(text).toContain('Notes (continued)');
  });
});
