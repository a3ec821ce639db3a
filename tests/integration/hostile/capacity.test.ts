/**
 * Over capacity the route answers 503 with Retry-After, in the user's language, instead of
 * queueing without bound. The queue is sized from the environment on first use, so this file
 * (its own module graph) shrinks it to one slot and no line.
 */
import { describe, expect, it, vi } from 'vitest';

import { appealWorkQueue } from '@/lib/server/work-queue';
import { postAppeal, postForm, standardUploads, validFields } from './appeal-client';

vi.stubEnv('APPEAL_CONCURRENCY', '1');
vi.stubEnv('APPEAL_QUEUE_LENGTH', '0');

describe('beyond capacity', () => {
  it('one request is served, the others get 503 + Retry-After at once', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => postForm(validFields(), standardUploads())));
    const statuses = answers.map((answer) => answer.response.status).sort();
    expect(statuses).toEqual([200, 503, 503]);
    for (const { response, ms } of answers.filter((answer) => answer.response.status === 503)) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(ms).toBeLessThan(5000);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('busy');
      expect(body.error.message).toMatch(/[а-яё]/i);
    }
    // The slot is free again afterwards.
    expect((await postForm(validFields(), standardUploads())).response.status).toBe(200);
  });

  it('while full, a new request is refused before its upload is read', async () => {
    const served = postForm(validFields(), standardUploads());
    await expect.poll(() => appealWorkQueue().running, { interval: 5, timeout: 5000 }).toBe(1);
    // A body that never ends: only a refusal that does not read it can answer at once.
    const endless = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const refused = await postAppeal(endless, { headers: { 'content-type': 'multipart/form-data; boundary=x', 'accept-language': 'ru' } });
    expect(refused.response.status).toBe(503);
    expect(refused.ms).toBeLessThan(500);
    expect(refused.response.headers.get('retry-after')).toBe('5');
    expect((await served).response.status).toBe(200);
  });
});
