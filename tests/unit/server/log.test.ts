import { afterEach, describe, expect, it, vi } from 'vitest';

import { logFailure } from '@/lib/server/log';

const IMEI = '868907041234565';

/** What logFailure wrote, per console method. */
function capture() {
  const lines: Record<'debug' | 'log' | 'info' | 'warn' | 'error', string[]> = { debug: [], log: [], info: [], warn: [], error: [] };
  for (const method of Object.keys(lines) as (keyof typeof lines)[]) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines[method].push(args.map(String).join(' ')));
  }
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe('logFailure', () => {
  it.each([400, 405, 408, 413, 415, 422])('a %i refusal: one info line, `appeal.refused`, status and code, nothing from the request', (status) => {
    const lines = capture();
    logFailure({
      requestId: 'req-1',
      status,
      code: 'file-too-large',
      stage: 'bundle',
      imei: IMEI,
      // What a refusal carries: its message names the file.
      error: new Error('file-too-large: file.tooLarge?file=Иван-Петров-паспорт.jpg&maxMb=25'),
    });
    expect(lines.info).toHaveLength(1);
    expect(lines.error.length + lines.warn.length + lines.log.length + lines.debug.length).toBe(0);
    const line = lines.info[0]!;
    expect(JSON.parse(line)).toEqual({ level: 'info', event: 'appeal.refused', requestId: 'req-1', status, code: 'file-too-large', stage: 'bundle' });
    expect(line).not.toContain('паспорт');
    expect(line).not.toContain(IMEI.slice(0, 8));
  });

  it('a 503 (the queue full) stays a warning, without the error', () => {
    const lines = capture();
    logFailure({ requestId: 'req-2', status: 503, code: 'busy', stage: 'bundle', imei: IMEI, error: new Error('busy: request.busy') });
    expect(lines.error).toHaveLength(1);
    expect(JSON.parse(lines.error[0]!)).toEqual({ level: 'warn', event: 'appeal.failed', requestId: 'req-2', status: 503, code: 'busy', stage: 'bundle', imei: '86890704*******' });
    expect(lines.info).toHaveLength(0);
  });

  it('a 500 stays an error, with the error class and message, the IMEI only masked', () => {
    const lines = capture();
    logFailure({ requestId: 'req-3', status: 500, code: 'unexpected', stage: 'pdf', imei: IMEI, error: new TypeError('x is undefined') });
    expect(lines.error).toHaveLength(1);
    const entry = JSON.parse(lines.error[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'error', event: 'appeal.failed', status: 500, code: 'unexpected', error: 'TypeError: x is undefined', imei: '86890704*******' });
    expect(lines.error[0]).not.toContain(IMEI);
  });
});
