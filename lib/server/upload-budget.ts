import 'server-only';

import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { AppError } from '@/lib/server/app-error';

const MB = 1024 * 1024;

/**
 * Upload bytes one process holds at once by default: about four of the largest appeals (60 MB).
 * Every upload is held in memory from its first byte until its answer is sent, and a bundle
 * being built briefly needs about as much again for decoded photos and the PDF; with the
 * server's own ~250 MB this keeps a 2-core instance inside the README's `--memory=1g`
 * (`npm run load`, LOAD_MODE=largest, measures it).
 */
const DEFAULT_UPLOAD_BUDGET_MB = 240;
/** What a client refused for lack of memory is told to wait: uploads in flight end within seconds. */
const RETRY_AFTER_SECONDS = 5;

export type UploadReservation = { readonly bytes: number; release: () => void };

/**
 * Memory set aside for request bodies being read or held. An upload reserves its size before its
 * first byte is read and gives it back when its answer is sent; when the next upload does not
 * fit, it is refused at once (503) instead of read. The work queue counts bundles being built;
 * this counts the uploads behind them, which is where memory goes when many large appeals arrive.
 */
export class UploadBudget {
  readonly limitBytes: number;
  #reserved = 0;

  constructor(limitBytes: number) {
    if (!Number.isFinite(limitBytes) || limitBytes <= 0) throw new RangeError(`UploadBudget needs a positive number of bytes, got ${limitBytes}`);
    this.limitBytes = limitBytes;
  }

  get reservedBytes(): number {
    return this.#reserved;
  }

  /**
   * The bytes, or undefined when they do not fit. With nothing reserved any one upload fits, so a
   * budget set below the request limit slows the server down instead of refusing every appeal.
   */
  tryReserve(bytes: number): UploadReservation | undefined {
    if (this.#reserved > 0 && this.#reserved + bytes > this.limitBytes) return undefined;
    this.#reserved += bytes;
    let released = false;
    return {
      bytes,
      release: () => {
        if (released) return;
        released = true;
        this.#reserved -= bytes;
      },
    };
  }
}

/** APPEAL_UPLOAD_BUDGET_MB (whole megabytes) or the default. */
export function uploadBudgetBytesFor(env: Record<string, string | undefined>): number {
  const configured = env.APPEAL_UPLOAD_BUDGET_MB?.trim() ?? '';
  const mb = /^\d+$/.test(configured) && Number(configured) > 0 ? Number(configured) : DEFAULT_UPLOAD_BUDGET_MB;
  return mb * MB;
}

let processBudget: UploadBudget | undefined;

/** The one budget both upload routes draw on in this process. */
export function uploadBudget(): UploadBudget {
  processBudget ??= new UploadBudget(uploadBudgetBytesFor(process.env));
  return processBudget;
}

/**
 * Reserves memory for the request's body before it is read: its Content-Length, or `maxBytes`
 * (the most the route reads) when it is sent without one. A body announced as larger than
 * `maxBytes` is refused for its size without being read, so only `maxBytes` is counted for it.
 * Throws AppError 'busy' (503 + Retry-After) when the budget is spent. The caller releases the
 * reservation once its answer is ready, on every path.
 */
export function reserveUpload(request: Request, maxBytes: number, budget = uploadBudget()): UploadReservation {
  const declared = Number(request.headers.get('content-length'));
  const bytes = Number.isSafeInteger(declared) && declared > 0 ? Math.min(declared, maxBytes) : maxBytes;
  const reservation = budget.tryReserve(bytes);
  if (!reservation) throw new AppError('busy', msg('request.busy'), { retryAfterSeconds: RETRY_AFTER_SECONDS });
  return reservation;
}
