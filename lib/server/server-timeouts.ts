import 'server-only';

import diagnosticsChannel from 'node:diagnostics_channel';
import type { Server } from 'node:http';

import { uploadDeadlineMs } from '@/lib/server/multipart';

/** Node's own guard answers this long after the app's deadline, only if the app did not. */
const MARGIN_MS = 10_000;
/** Node's default time for a request's headers; longer makes no sense, shorter only with a short deadline. */
const HEADERS_TIMEOUT_MS = 60_000;

/**
 * Node ends a request that has not fully arrived after `requestTimeout` (300 s by default) with
 * a bare 408, without the contract's JSON. The app's upload deadline (APPEAL_UPLOAD_DEADLINE_MS,
 * multipart.ts) must answer first: Node's limit sits a margin after it. `headersTimeout` must
 * not pass `requestTimeout`. keepAliveTimeout (idle time between requests) is left to Next.
 */
export function serverTimeoutsFor(deadlineMs: number): { requestTimeout: number; headersTimeout: number } {
  const requestTimeout = deadlineMs + MARGIN_MS;
  return { requestTimeout, headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout) };
}

let tied = false;

/**
 * Neither `next start` nor the standalone server.js lets the app reach its http.Server, but Node
 * announces every request, with its server, on the `http.server.request.start` diagnostics
 * channel: the first request sets the timeouts of the server that took it (Node reads them on
 * every check, so they apply from then on, to that request too). Called once from
 * instrumentation.ts when the server starts.
 */
export function tieServerTimeoutsToUploadDeadline(): void {
  if (tied) return;
  tied = true;
  const configured = new WeakSet<Server>();
  diagnosticsChannel.subscribe('http.server.request.start', (message) => {
    const { server } = message as { server: Server };
    if (configured.has(server)) return;
    configured.add(server);
    Object.assign(server, serverTimeoutsFor(uploadDeadlineMs()));
  });
}
