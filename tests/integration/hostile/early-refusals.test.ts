/**
 * A refusal sent before the whole body was read leaves the rest of the body on the connection.
 * Such an answer must say `Connection: close`: a keep-alive client would otherwise send its next
 * request on a socket the server no longer reads, wait and be reset (tests/e2e/keep-alive.spec.ts
 * shows it against the production server). An answer given after the whole body was read keeps
 * the connection. Bodies arrive in 64 KB pieces, as from a network.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';
import { multipartBody, type FilePart, type TextPart } from '../../support/hostile-files';
import { readFixture } from '../../support/fixtures';
import { postAppeal, validFields } from './appeal-client';

const BOUNDARY = '----early-refusal-boundary';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const MB = 1024 * 1024;

/** The body in 64 KB pieces; `stallAfter` bytes, then nothing more (a client that went quiet). */
function pieces(body: Buffer, stallAfter = Infinity): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= Math.min(body.length, stallAfter)) {
        if (offset >= body.length) controller.close();
        return new Promise<void>(() => {});
      }
      controller.enqueue(new Uint8Array(body.subarray(offset, offset + 64 * 1024)));
      offset += 64 * 1024;
    },
  });
}

const text = (fields: Record<string, string>): TextPart[] => Object.entries(fields).map(([name, value]) => ({ name, value }));
const file = (name: string, filename: string, bytes: Buffer, type = 'image/jpeg'): FilePart => ({ name, filename, type, bytes });
const box = () => file('boxPhoto', 'box.jpg', readFixture('box-label-12mp.jpg'));
const receipt = () => file('receipt', 'receipt.pdf', readFixture('e-receipt.pdf'), 'application/pdf');

async function appeal(parts: (TextPart | FilePart)[], stallAfter?: number) {
  const { response } = await postAppeal(pieces(multipartBody(parts, BOUNDARY), stallAfter), { headers: { 'content-type': MULTIPART } });
  return response;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('POST /api/appeal: a refusal before the body is read closes the connection', () => {
  const cases: [string, number, () => (TextPart | FilePart)[]][] = [
    ['413 too many files for a role', 413, () => [...text(validFields()), box(), box(), box(), box(), receipt()]],
    // A part without a file name is a file all the same once it carries bytes (an API client's).
    ['413 too many files for a role, one sent without a name', 413, () => [...text(validFields()), box(), box(), box(), { ...box(), filename: null, type: 'application/octet-stream' }, receipt()]],
    ['413 a file over 25 MB', 413, () => [...text(validFields()), file('receipt', 'scan.jpg', Buffer.alloc(26 * MB, 1)), box()]],
    [
      '413 over 60 MB in all without a Content-Length',
      413,
      () => [...text(validFields()), ...[1, 2, 3].map((n) => file('extra', `${n}.jpg`, Buffer.alloc(21 * MB, n))), box(), receipt()],
    ],
    ['400 a file under an unknown field', 400, () => [...text(validFields()), file('avatar', 'me.jpg', Buffer.alloc(MB, 1)), box(), receipt()]],
    ['400 a field far too long', 400, () => [...text(validFields({ notes: 'x'.repeat(40_000) })), box(), receipt()]],
  ];
  for (const [name, status, parts] of cases) {
    it(name, async () => {
      const response = await appeal(parts());
      expect(response.status).toBe(status);
      expect(response.headers.get('connection')).toBe('close');
    });
  }

  it('408 after the upload stalls', async () => {
    vi.stubEnv('APPEAL_UPLOAD_DEADLINE_MS', '1000');
    const response = await appeal([...text(validFields()), box(), receipt()], 256 * 1024);
    expect(response.status).toBe(408);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('a refusal after the whole body was read keeps the connection', async () => {
    const response = await appeal([...text(validFields({ contactEmail: 'not an address' })), box(), receipt()]);
    expect(response.status).toBe(400);
    expect(response.headers.get('connection')).toBeNull();
  });
});

describe('POST /api/evidence-check: the same', () => {
  const check = (parts: (TextPart | FilePart)[]) =>
    handleEvidenceCheck(
      new Request('http://127.0.0.1/api/evidence-check', {
        method: 'POST',
        body: pieces(multipartBody(parts, BOUNDARY)),
        headers: { 'content-type': MULTIPART },
        duplex: 'half',
      } as RequestInit),
    );

  it('400 a file under an unknown field', async () => {
    const response = await check([{ name: 'locale', value: 'en' }, file('avatar', 'me.jpg', Buffer.alloc(MB, 1)), box()]);
    expect(response.status).toBe(400);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('413 a file over 25 MB', async () => {
    const response = await check([file('boxPhoto', 'scan.jpg', Buffer.alloc(26 * MB, 1))]);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
  });

  // Sent without a Content-Length, the body is held to the check's own size (one photo), not to
  // the appeal's 60 MB: two files that are each allowed are refused once the total passes it.
  it('413 one photo’s worth of bytes exceeded, without a Content-Length', async () => {
    const response = await check([file('boxPhoto', 'a.jpg', Buffer.alloc(20 * MB, 1)), file('boxPhoto', 'b.jpg', Buffer.alloc(20 * MB, 2))]);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('413 a second photo, refused as it starts', async () => {
    const response = await check([box(), file('receipt', 'receipt.jpg', readFixture('receipt-photo-12mp.jpg'))]);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
  });
});
