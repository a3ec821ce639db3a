/**
 * A photo over the 25 MB a file may have, sent to the evidence check: refused (413) naming the
 * file, in the same words as the appeal route, whether the body announces its size (a browser's
 * Content-Length) or not (chunked), and having read only a little past the limit. Before, an
 * announced body was refused unread with "the request is too large", which names nothing.
 */
import { describe, expect, it } from 'vitest';

import { POST as postAppeal } from '@/app/api/appeal/route';
import { MAX_FILE_BYTES } from '@/lib/appeal/evidence-rules';
import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';

const MB = 1024 * 1024;
const BOUNDARY = 'too-large-boundary';

type ErrorBody = { error: { code: string; message: string; fields: Record<string, string> } };

/**
 * A `locale` part, then one photo part of `size` bytes under `boxPhoto`, produced on demand in
 * 256 KB pieces as a network delivers them. `pulled()` says how much the route consumed.
 */
function photoUpload(url: string, fileName: string, size: number, { announce }: { announce: boolean }) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="locale"\r\n\r\nen\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="boxPhoto"; filename="${fileName}"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const piece = new Uint8Array(256 * 1024).fill(0xab);
  let sent = 0;
  let pulled = 0;
  let stage: 'head' | 'file' | 'tail' | 'done' = 'head';
  const enqueue = (controller: ReadableStreamDefaultController<Uint8Array>, bytes: Uint8Array) => {
    pulled += bytes.length;
    controller.enqueue(bytes);
  };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === 'head') {
        stage = 'file';
        enqueue(controller, new Uint8Array(head));
      } else if (stage === 'file') {
        const n = Math.min(piece.length, size - sent);
        sent += n;
        if (sent >= size) stage = 'tail';
        enqueue(controller, piece.subarray(0, n));
      } else if (stage === 'tail') {
        stage = 'done';
        enqueue(controller, new Uint8Array(tail));
      } else {
        controller.close();
      }
    },
  });
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
  if (announce) headers['content-length'] = String(head.length + size + tail.length);
  const request = new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

const checkUpload = (fileName: string, size: number, announce: boolean) => photoUpload('http://127.0.0.1/api/evidence-check', fileName, size, { announce });

describe('POST /api/evidence-check: a photo over 25 MB', () => {
  for (const announce of [true, false]) {
    it(`413 naming the file, in the appeal's words, read little past 25 MB (${announce ? 'with' : 'without'} a Content-Length)`, async () => {
      const upload = checkUpload('huge-photo.jpg', 40 * MB, announce);
      const response = await handleEvidenceCheck(upload.request);
      expect(response.status).toBe(413);
      // The rest of the body is left unread: the connection is not reused.
      expect(response.headers.get('connection')).toBe('close');
      const { error } = (await response.json()) as ErrorBody;
      expect(error.code).toBe('file-too-large');
      expect(error.message).toContain('huge-photo.jpg');
      expect(error.fields).toEqual({ boxPhoto: error.message });
      // Read up to the limit to find it out, then only what the lingering close drops (≤ 3 MB).
      expect(upload.pulled()).toBeGreaterThan(MAX_FILE_BYTES);
      expect(upload.pulled()).toBeLessThan(MAX_FILE_BYTES + 4 * MB);

      // The appeal route says the same of the same file.
      const appeal = photoUpload('http://127.0.0.1/api/appeal', 'huge-photo.jpg', 26 * MB, { announce });
      const appealError = ((await (await postAppeal(appeal.request)).json()) as ErrorBody).error;
      expect(appealError).toMatchObject({ code: 'file-too-large', message: error.message });
    });
  }

  it('a photo of exactly 25 MB is not refused for its size (the bytes are no image: 415)', async () => {
    const response = await handleEvidenceCheck(checkUpload('big-but-allowed.jpg', MAX_FILE_BYTES, true).request);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe('unsupported-file-type');
    expect(response.status).toBe(415);
    expect(error.message).toContain('big-but-allowed.jpg');
  });

  it('a body whose Content-Length lies (far larger than what comes) is read, and refused as malformed', async () => {
    const response = await handleEvidenceCheck(
      new Request('http://127.0.0.1/api/evidence-check', {
        method: 'POST',
        body: 'x',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(40 * MB) },
      }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe('malformed-request');
  });
});
