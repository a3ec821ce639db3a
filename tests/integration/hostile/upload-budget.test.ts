/**
 * Uploads in flight are budgeted: each reserves its size before its first byte is read, and once
 * the memory is spent the next upload gets 503 + Retry-After without being read. The budget is
 * made on first use from the environment, so this file (its own module graph) sets it to 60 MB.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';
import { uploadBudget } from '@/lib/server/upload-budget';
import { postAppeal, postForm, standardUploads, validFields } from './appeal-client';

vi.stubEnv('APPEAL_UPLOAD_BUDGET_MB', '60');

const MB = 1024 * 1024;
const MULTIPART = 'multipart/form-data; boundary=budget-boundary';

/** A body that sends its first piece, then nothing more (a phone on a slow link); counts what was read. */
function stalledBody() {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled > 0) return new Promise<void>(() => {});
      const head = new TextEncoder().encode('--budget-boundary\r\nContent-Disposition: form-data; name="locale"\r\n\r\nru\r\n');
      pulled += head.length;
      controller.enqueue(head);
    },
  }, { highWaterMark: 0 }); // pulled only when the server reads
  return { body, pulled: () => pulled };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.stubEnv('APPEAL_UPLOAD_BUDGET_MB', '60');
});

describe('memory for uploads in flight', () => {
  it('once spent, the next upload is refused with 503 + Retry-After before it is read; the memory comes back', async () => {
    vi.stubEnv('APPEAL_UPLOAD_DEADLINE_MS', '3000');
    const first = stalledBody();
    const held = postAppeal(first.body, { headers: { 'content-type': MULTIPART, 'content-length': String(50 * MB) } });
    await expect.poll(() => uploadBudget().reservedBytes, { interval: 5, timeout: 5000 }).toBe(50 * MB);

    const second = stalledBody();
    const refused = await postAppeal(second.body, { headers: { 'content-type': MULTIPART, 'content-length': String(50 * MB), 'accept-language': 'ru' } });
    expect(refused.response.status).toBe(503);
    expect(refused.ms).toBeLessThan(1000);
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('busy');
    expect(body.error.message).toMatch(/[а-яё]/i);
    expect(second.pulled()).toBe(0);

    // The evidence check draws on the same memory.
    const photo = stalledBody();
    const checked = await handleEvidenceCheck(
      new Request('http://127.0.0.1/api/evidence-check', {
        method: 'POST',
        body: photo.body,
        headers: { 'content-type': MULTIPART, 'content-length': String(20 * MB) },
        duplex: 'half',
      } as RequestInit),
    );
    expect(checked.status).toBe(503);
    expect(checked.headers.get('retry-after')).toBeTruthy();
    expect(photo.pulled()).toBe(0);

    // The stalled upload ends at its deadline: its memory is given back.
    expect((await held).response.status).toBe(408);
    expect(uploadBudget().reservedBytes).toBe(0);
  });

  it('a bundle and a refusal both give their memory back', async () => {
    const served = await postForm(validFields(), standardUploads());
    expect(served.response.status).toBe(200);
    expect(uploadBudget().reservedBytes).toBe(0);
    const refused = await postForm(validFields({ contactEmail: 'nope' }), standardUploads());
    expect(refused.response.status).toBe(400);
    expect(uploadBudget().reservedBytes).toBe(0);
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
    expect(uploadBudget().reservedBytes).toBe(0);
  });
});
