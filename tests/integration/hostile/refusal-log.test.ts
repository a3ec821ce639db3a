/**
 * Every refusal (4xx) of POST /api/appeal and POST /api/evidence-check is logged once, as one
 * `appeal.refused` line at level info with its status and code, and nothing from the request:
 * no file name, IMEI, e-mail or name, though the answer itself names the file.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';
import * as hostile from '../../support/hostile-files';
import { readFixture } from '../../support/fixtures';
import { expectRefusal, postForm, standardUploads, validFields } from './appeal-client';

/** Everything personal the requests below carry, as it could appear in a log line. */
const PERSONAL = ['868907041234565', '86890704', 'Иван', 'Петров', 'ivan.petrov', 'паспорт', 'коробка'];

/** Console output while `work` runs, per method. */
async function logged(work: () => Promise<void>) {
  const lines: Record<'debug' | 'log' | 'info' | 'warn' | 'error', string[]> = { debug: [], log: [], info: [], warn: [], error: [] };
  for (const method of Object.keys(lines) as (keyof typeof lines)[]) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines[method].push(args.map(String).join(' ')));
  }
  try {
    await work();
  } finally {
    vi.restoreAllMocks();
  }
  return lines;
}

function expectOneRefusalLine(lines: Awaited<ReturnType<typeof logged>>, status: number, code: string) {
  expect(lines.error.length + lines.warn.length + lines.log.length + lines.debug.length).toBe(0);
  expect(lines.info).toHaveLength(1);
  const line = lines.info[0]!;
  const entry = JSON.parse(line) as Record<string, unknown>;
  expect(entry).toMatchObject({ level: 'info', event: 'appeal.refused', status, code });
  expect(Object.keys(entry).sort()).toEqual(['code', 'event', 'level', 'requestId', 'stage', 'status']);
  for (const personal of PERSONAL) expect(line).not.toContain(personal);
}

afterEach(() => vi.restoreAllMocks());

describe('refusals are logged at info, without personal data', () => {
  it('the appeal: a file refused after the fields were read (415, the IMEI known by then)', async () => {
    const lines = await logged(async () => {
      const uploads = [...standardUploads(), { role: 'extra' as const, name: 'Иван-Петров-паспорт.gif', bytes: await hostile.gif() }];
      await expectRefusal(await postForm(validFields(), uploads), { status: 415, names: 'Иван-Петров-паспорт.gif' });
    });
    expectOneRefusalLine(lines, 415, 'unsupported-file-type');
  });

  it('the appeal: invalid fields (400)', async () => {
    const lines = await logged(async () => {
      await expectRefusal(await postForm(validFields({ contactEmail: 'ivan.petrov@' }), standardUploads()), { status: 400 });
    });
    expectOneRefusalLine(lines, 400, 'invalid-fields');
  });

  it('the evidence check: a file that is no photo (415), and one too many (413)', async () => {
    const post = (files: { name: string; bytes: Buffer }[]) => {
      const form = new FormData();
      form.append('locale', 'ru');
      for (const file of files) form.append('boxPhoto', new Blob([new Uint8Array(file.bytes)]), file.name);
      return handleEvidenceCheck(new Request('http://127.0.0.1/api/evidence-check', { method: 'POST', body: form }));
    };
    let lines = await logged(async () => {
      const response = await post([{ name: 'коробка-Иван.jpg', bytes: readFixture('not-an-image.jpg') }]);
      expect(response.status).toBe(415);
      expect(await response.text()).toContain('коробка-Иван.jpg');
    });
    expectOneRefusalLine(lines, 415, 'unsupported-file-type');

    const jpg = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    lines = await logged(async () => {
      expect((await post([{ name: 'коробка-1.jpg', bytes: jpg }, { name: 'коробка-2.jpg', bytes: jpg }])).status).toBe(413);
    });
    expectOneRefusalLine(lines, 413, 'too-many-files');
  });
});
