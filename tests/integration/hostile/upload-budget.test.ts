/**
 * Uploads in flight are budgeted: an upload is admitted when its announced size fits, then holds
 * the bytes that have arrived, until its answer is sent. Once the memory held is spent, the next
 * upload gets 503 + Retry-After without being read, and bytes that arrive without room end their
 * upload with the same 503. The budget is made on first use from the environment, so this file
 * (its own module graph) sets it to 60 MB.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';
import { uploadBudget } from '@/lib/server/upload-budget';
import { appealForm, postAppeal, postForm, standardUploads, validFields } from './appeal-client';

vi.stubEnv('APPEAL_UPLOAD_BUDGET_MB', '60');

const MB = 1024 * 1024;
const MULTIPART = 'multipart/form-data; boundary=budget-boundary';
const encode = (text: string) => new TextEncoder().encode(text);
const HEAD = encode('--budget-boundary\r\nContent-Disposition: form-data; name="locale"\r\n\r\nru\r\n');
/** A box photo part of `bytes` bytes (its content does not matter: the upload never completes). */
const photoPart = (bytes: number) => [
  encode('--budget-boundary\r\nContent-Disposition: form-data; name="boxPhoto"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'),
  new Uint8Array(bytes),
  encode('\r\n'),
];

/**
 * A body sent piece by piece, pulled only when the server reads (highWaterMark 0), that stops
 * after the given pieces until `more` hands it further pieces: a phone on a slow link, or a
 * client trickling bytes to hold the server's memory. Counts what was read.
 */
function trickledBody(first: Uint8Array[]) {
  const pieces = [...first];
  let pulled = 0;
  let wake: (() => void) | undefined;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (pieces.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const piece = pieces.shift()!;
        pulled += piece.length;
        controller.enqueue(piece);
      },
    },
    { highWaterMark: 0 },
  );
  return {
    body,
    pulled: () => pulled,
    more: (next: Uint8Array[]) => {
      pieces.push(...next);
      wake?.();
    },
  };
}

const announcing = (bytes: number, extra: Record<string, string> = {}) => ({ headers: { 'content-type': MULTIPART, 'content-length': String(bytes), ...extra } });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.stubEnv('APPEAL_UPLOAD_BUDGET_MB', '60');
});

describe('memory for uploads in flight', () => {
  it('a client that announces much and sends little holds only what it sent: appeals are served meanwhile', async () => {
    vi.stubEnv('APPEAL_UPLOAD_DEADLINE_MS', '4000');
    // Found in a review: four such clients, announcing 60 MB each, held the whole budget for the
    // upload deadline (5 minutes) while every real appeal was refused with 503.
    const trickles = Array.from({ length: 4 }, () => trickledBody([HEAD]));
    const held = trickles.map((trickle) => postAppeal(trickle.body, announcing(60 * MB)));
    await expect.poll(() => uploadBudget().heldBytes, { interval: 5, timeout: 5000 }).toBe(4 * HEAD.length);

    // Sent as a browser sends it, with its length: a body without one is weighed at the route's
    // limit (60 MB, all of this file's budget).
    const encoded = new Response(appealForm(validFields(), standardUploads()));
    const form = Buffer.from(await encoded.arrayBuffer());
    const served = await postAppeal(form, { headers: { 'content-type': encoded.headers.get('content-type')!, 'content-length': String(form.length) } });
    expect(served.response.status).toBe(200);

    // Each trickle ends at the upload deadline: what it held is given back.
    for (const answer of await Promise.all(held)) expect(answer.response.status).toBe(408);
    expect(uploadBudget().heldBytes).toBe(0);
  });

  it('once spent, the next upload is refused with 503 + Retry-After before it is read; the memory comes back', async () => {
    vi.stubEnv('APPEAL_UPLOAD_DEADLINE_MS', '4000');
    // 40 MB sent (two photos of 20 MB), then nothing more.
    const first = trickledBody([HEAD, ...photoPart(20 * MB), ...photoPart(20 * MB)]);
    const held = postAppeal(first.body, announcing(50 * MB));
    await expect.poll(() => uploadBudget().heldBytes, { interval: 5, timeout: 5000 }).toBeGreaterThan(40 * MB);

    const second = trickledBody([HEAD]);
    const refused = await postAppeal(second.body, announcing(30 * MB, { 'accept-language': 'ru' }));
    expect(refused.response.status).toBe(503);
    expect(refused.ms).toBeLessThan(1000);
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('busy');
    expect(body.error.message).toMatch(/[а-яё]/i);
    expect(second.pulled()).toBe(0);

    // The evidence check draws on the same memory.
    const photo = trickledBody([HEAD]);
    const checked = await handleEvidenceCheck(
      new Request('http://127.0.0.1/api/evidence-check', {
        method: 'POST',
        body: photo.body,
        headers: announcing(20 * MB).headers,
        duplex: 'half',
      } as RequestInit),
    );
    expect(checked.status).toBe(503);
    expect(checked.headers.get('retry-after')).toBeTruthy();
    expect(photo.pulled()).toBe(0);

    // The stalled upload ends at its deadline: its memory is given back.
    expect((await held).response.status).toBe(408);
    expect(uploadBudget().heldBytes).toBe(0);
  });

  it('bytes that arrive without room end their upload with 503; the others keep what they hold', async () => {
    vi.stubEnv('APPEAL_UPLOAD_DEADLINE_MS', '4000');
    // Both admitted while nothing was held, then both send 40 MB: the second does not fit.
    const first = trickledBody([HEAD]);
    const second = trickledBody([HEAD]);
    const firstAnswer = postAppeal(first.body, announcing(45 * MB));
    const secondAnswer = postAppeal(second.body, announcing(45 * MB));
    await expect.poll(() => uploadBudget().heldBytes, { interval: 5, timeout: 5000 }).toBe(2 * HEAD.length);
    first.more([...photoPart(20 * MB), ...photoPart(20 * MB)]);
    await expect.poll(() => uploadBudget().heldBytes, { interval: 5, timeout: 5000 }).toBeGreaterThan(40 * MB);
    const firstHeld = uploadBudget().heldBytes - HEAD.length;
    second.more([...photoPart(20 * MB), ...photoPart(20 * MB)]);

    const refused = await secondAnswer;
    expect(refused.response.status).toBe(503);
    expect(((await refused.response.json()) as { error: { code: string } }).error.code).toBe('busy');
    expect(uploadBudget().heldBytes, 'the refused upload gave back what it held').toBe(firstHeld);
    expect((await firstAnswer).response.status).toBe(408);
    expect(uploadBudget().heldBytes).toBe(0);
  });

  it('a bundle and a refusal both give their memory back', async () => {
    const served = await postForm(validFields(), standardUploads());
    expect(served.response.status).toBe(200);
    expect(uploadBudget().heldBytes).toBe(0);
    const refused = await postForm(validFields({ contactEmail: 'nope' }), standardUploads());
    expect(refused.response.status).toBe(400);
    expect(uploadBudget().heldBytes).toBe(0);
  });

  it('a client that goes away mid-upload gives its memory back', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 1) controller.enqueue(new TextEncoder().encode('--budget-boundary\r\nContent-Disposition: form-data; name="boxPhoto"; filename="a.jpg"\r\n\r\n'));
        else controller.error(new Error('connection reset by peer'));
      },
    });
    const answer = await postAppeal(body, { headers: { 'content-type': MULTIPART, 'content-length': String(30 * MB) } });
    expect(answer.response.status).toBe(400);
    expect(uploadBudget().heldBytes).toBe(0);
  });
});
