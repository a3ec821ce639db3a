/**
 * Uploads in flight are budgeted: an upload is admitted when its announced size fits beside the
 * bytes held and those still promised by uploads that keep up, then holds the bytes that have
 * arrived, until its answer is sent. Once the memory is spent, the next upload gets 503 +
 * Retry-After without being read, and bytes that arrive without room end their upload with the
 * same 503. The budget is made on first use from the environment, so this file
 * (its own module graph) sets it to 60 MB.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';
import { PROGRESS_GRACE_MS, uploadBudget } from '@/lib/server/upload-budget';
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
  it('clients that announce much and send little hold the door only for their first seconds', async () => {
    vi.stubEnv('APPEAL_UPLOAD_DEADLINE_MS', String(PROGRESS_GRACE_MS + 6000));
    // Found in a review: four such clients, announcing 60 MB each, held the whole budget for the
    // upload deadline (5 minutes) while every real appeal was refused with 503. Here four fill
    // this file's 60 MB budget with their announcements and send one form field each.
    const trickles = Array.from({ length: 4 }, () => trickledBody([HEAD]));
    const held = trickles.map((trickle) => postAppeal(trickle.body, announcing(15 * MB)));
    await expect.poll(() => uploadBudget().heldBytes, { interval: 5, timeout: 5000 }).toBe(4 * HEAD.length);

    // Sent as a browser sends it, with its length (a body without one is weighed at 60 MB).
    const encoded = new Response(appealForm(validFields(), standardUploads()));
    const form = Buffer.from(await encoded.arrayBuffer());
    const headers = { 'content-type': encoded.headers.get('content-type')!, 'content-length': String(form.length) };
    const started = performance.now();
    expect((await postAppeal(form, { headers })).response.status, 'while the trickles are new').toBe(503);
    // Once they fall behind the minimum pace, only their bytes count: the appeal is served.
    let served = await postAppeal(form, { headers });
    while (served.response.status === 503 && performance.now() - started < PROGRESS_GRACE_MS + 3000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      served = await postAppeal(form, { headers });
    }
    expect(served.response.status).toBe(200);

    // Each trickle ends at the upload deadline: what it held is given back.
    for (const answer of await Promise.all(held)) expect(answer.response.status).toBe(408);
    expect(uploadBudget().heldBytes).toBe(0);
  }, 30_000);

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
    vi.stubEnv('APPEAL_UPLOAD_DEADLINE_MS', String(PROGRESS_GRACE_MS + 6000));
    // The first announces 45 MB and stalls past the grace, so the second is let in; then both send 40 MB.
    const first = trickledBody([HEAD]);
    const firstAnswer = postAppeal(first.body, announcing(45 * MB));
    await expect.poll(() => uploadBudget().heldBytes, { interval: 5, timeout: 5000 }).toBe(HEAD.length);
    await new Promise((resolve) => setTimeout(resolve, PROGRESS_GRACE_MS + 500));
    const second = trickledBody([HEAD]);
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
  }, 30_000);

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
