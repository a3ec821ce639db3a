import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { appealRequest, STANDARD_FIELDS, standardFiles, type ErrorBody, type UploadSpec } from './support/appeal-request';

const [BOX, RECEIPT] = standardFiles() as [UploadSpec, UploadSpec, ...UploadSpec[]];

describe('an unexpected failure inside the bundle', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers 500 with a request id in the user language and logs one line without personal data', async () => {
    // A bug we cannot provoke from outside: saving the PDF fails once.
    vi.spyOn(PDFDocument.prototype, 'save').mockRejectedValueOnce(new Error('simulated failure in save'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    const response = await POST(appealRequest({ ...STANDARD_FIELDS, locale: 'ru' }, [BOX, RECEIPT]));
    expect(response.status).toBe(500);
    const body = (await response.json()) as ErrorBody;
    const requestId = response.headers.get('x-request-id') ?? '';
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.code).toBe('unexpected');
    expect(body.error.requestId).toBe(requestId);
    expect(body.error.message).toContain(requestId);
    expect(body.error.message).toMatch(/[а-яё]{4,}/i);

    expect(logged).toHaveBeenCalledTimes(1);
    const line = String(logged.mock.calls[0]?.[0]);
    expect(JSON.parse(line)).toMatchObject({ level: 'error', requestId, status: 500, code: 'unexpected', imei: '86890704*******' });
    expect(line).toContain('simulated failure in save');
    for (const personal of ['Иван', 'Петров', 'ivan.petrov@example.com', '868907041234565', '+7 900', 'box-label-12mp.jpg', 'Куплен']) {
      expect(line).not.toContain(personal);
    }
  });
});
