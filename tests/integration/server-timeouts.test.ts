/**
 * Node's own guard against slow requests (server.requestTimeout, 300 s) answered before the
 * app's upload deadline could: a bare 408 without JSON, and APPEAL_UPLOAD_DEADLINE_MS could not
 * extend the deadline. The app ties the HTTP server's timeouts to the setting, for `next start`
 * and the standalone server.js alike (instrumentation.ts), on the server that takes the request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { DEFAULT_UPLOAD_DEADLINE_MS } from '@/lib/server/multipart';
import { serverTimeoutsFor, tieServerTimeoutsToUploadDeadline } from '@/lib/server/server-timeouts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('serverTimeoutsFor', () => {
  it("leaves room after the app's deadline, so the app's JSON 408 always answers first", () => {
    for (const deadline of [1_000, 30_000, DEFAULT_UPLOAD_DEADLINE_MS, 15 * 60_000]) {
      const { requestTimeout, headersTimeout } = serverTimeoutsFor(deadline);
      expect(requestTimeout).toBeGreaterThan(deadline);
      // Node requires the headers' timeout not to pass the whole request's.
      expect(headersTimeout).toBeLessThanOrEqual(requestTimeout);
      expect(headersTimeout).toBeGreaterThan(0);
    }
    // The default deadline used to tie with Node's own 300 s.
    expect(serverTimeoutsFor(DEFAULT_UPLOAD_DEADLINE_MS).requestTimeout).toBeGreaterThan(300_000);
  });
});

describe('tieServerTimeoutsToUploadDeadline', () => {
  it('sets the timeouts of the HTTP server that takes a request from APPEAL_UPLOAD_DEADLINE_MS', async () => {
    vi.stubEnv('APPEAL_UPLOAD_DEADLINE_MS', String(15 * 60_000));
    tieServerTimeoutsToUploadDeadline();
    tieServerTimeoutsToUploadDeadline(); // once is enough; twice does no harm
    const server = http.createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      expect(server.requestTimeout).toBe(300_000); // Node's default, before any request
      const { port } = server.address() as AddressInfo;
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
      expect(server.requestTimeout).toBe(serverTimeoutsFor(15 * 60_000).requestTimeout);
      expect(server.requestTimeout).toBeGreaterThan(15 * 60_000);
      expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
