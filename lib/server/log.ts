import 'server-only';

import { maskImei } from '@/lib/imei';

/**
 * One JSON line per failed request. Nothing personal goes in: no names, e-mails, phone numbers,
 * file names or notes; an IMEI only masked (its TAC names the model, not the person), and only
 * for a server failure, never for a refusal.
 */
export type FailureLogEntry = {
  requestId: string;
  status: number;
  code: string;
  /** Which stage failed (parse, images, pdf…), never user content. */
  stage?: string;
  imei?: string;
  /** Error class and message of an unexpected failure; library messages carry no user data. */
  error?: unknown;
};

function describeError(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return typeof error;
}

export function logFailure(entry: FailureLogEntry): void {
  if (entry.status >= 400 && entry.status < 500) {
    // A refusal (4xx) is the server working as designed: the client sent what the contract
    // refuses. Counted, not alarming; the code says why, and nothing else from the request is
    // kept (its message names files, the IMEI is the user's).
    const line = { level: 'info', event: 'appeal.refused', requestId: entry.requestId, status: entry.status, code: entry.code, stage: entry.stage };
    console.info(JSON.stringify(line));
    return;
  }
  // A 503 is the queue shedding load as designed: worth watching, not a bug to page anyone for.
  const isBug = entry.status >= 500 && entry.status !== 503;
  const line = {
    level: isBug ? 'error' : 'warn',
    event: 'appeal.failed',
    requestId: entry.requestId,
    status: entry.status,
    code: entry.code,
    stage: entry.stage,
    imei: entry.imei ? maskImei(entry.imei) : undefined,
    error: isBug ? describeError(entry.error) : undefined,
  };
  console.error(JSON.stringify(line));
}
