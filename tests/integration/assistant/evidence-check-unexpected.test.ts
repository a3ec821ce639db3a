import sharp from 'sharp';
import { afterEach, expect, test, vi } from 'vitest';

import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';

// A bug we cannot provoke from outside: the barcode reader fails.
vi.mock('@/lib/server/box-label/zxing', () => ({
  readLinearBarcodes: () => Promise.reject(new Error('simulated failure in zxing')),
}));

afterEach(() => vi.restoreAllMocks());

test('an unexpected failure: 500 with the request id in body and header, in the user language, logged once', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#888' } }).jpeg().toBuffer();
  const form = new FormData();
  form.append('locale', 'uk');
  form.append('boxPhoto', new Blob([new Uint8Array(photo)]), 'коробка.jpg');

  const response = await handleEvidenceCheck(new Request('http://localhost/api/evidence-check', { method: 'POST', body: form }));
  expect(response.status).toBe(500);
  const requestId = response.headers.get('x-request-id') ?? '';
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const body = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string>; requestId?: string } };
  expect(body.error).toMatchObject({ code: 'unexpected', fields: {}, requestId });
  expect(body.error.message).toContain(requestId);
  expect(body.error.message).toMatch(/[а-яєії]{4,}/i);

  expect(logged).toHaveBeenCalledTimes(1);
  const line = String(logged.mock.calls[0]?.[0]);
  expect(JSON.parse(line)).toMatchObject({ requestId, status: 500, code: 'unexpected', stage: 'evidence-check' });
  expect(line).not.toContain('коробка');
});
