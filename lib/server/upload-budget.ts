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

export type UploadReservation = {
  /** Bytes of this upload held now: what has arrived, not what was announced. */
  readonly bytes: number;
  /** Counts `more` bytes as they arrive; false (and nothing counted) when they do not fit beside the others. */
  hold: (more: number) => boolean;
  /** Gives every held byte back; later calls do nothing. */
  release: () => void;
};

/**
 * Memory for request bodies being read or held. An upload is admitted when the size it announces
 * fits what is free now (else 503 at once, before a byte is read), and then holds only the bytes
 * that have actually arrived, until its answer is sent. Counting the announced size up front let
 * four slow clients, each announcing 60 MB and trickling a byte now and then, hold the whole
 * budget for the 5-minute upload deadline while every real appeal got 503. Now a client holds
 * memory only by sending it; an upload whose next bytes do not fit beside the others' is refused
 * there (503). The work queue counts bundles being built; this counts the uploads behind them,
 * which is where memory goes when many large appeals arrive.
 */
export class UploadBudget {
  readonly limitBytes: number;
  #held = 0;

  constructor(limitBytes: number) {
    if (!Number.isFinite(limitBytes) || limitBytes <= 0) throw new RangeError(`UploadBudget needs a positive number of bytes, got ${limitBytes}`);
    this.limitBytes = limitBytes;
  }

  get heldBytes(): number {
    return this.#held;
  }

  /**
   * Admits an upload expected to be `expectedBytes`, holding nothing yet, or undefined when that
   * would not fit now. With nothing held any one upload fits, so a budget set below the request
   * limit slows the server down instead of refusing every appeal.
   */
  tryAdmit(expectedBytes: number): UploadReservation | undefined {
    if (!this.#fits(expectedBytes, 0)) return undefined;
    let own = 0;
    let released = false;
    return {
      get bytes() {
        return own;
      },
      hold: (more: number) => {
        if (released || !this.#fits(more, own)) return false;
        own += more;
        this.#held += more;
        return true;
      },
      release: () => {
        if (released) return;
        released = true;
        this.#held -= own;
        own = 0;
      },
    };
  }

  /** Whether `more` bytes fit, `own` of the held bytes being the asker's: alone, anything fits. */
  #fits(more: number, own: number): boolean {
    return this.#held - own === 0 || this.#held + more <= this.limitBytes;
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
 * Admits the request's body before it is read: its Content-Length, or `maxBytes` (the most the
 * route reads) when it is sent without one, must fit what is free now. A body announced as larger
 * than `maxBytes` is refused for its size without being read, so only `maxBytes` is weighed for it.
 * Throws AppError 'busy' (503 + Retry-After) when it does not fit. The reader holds the bytes as
 * they arrive (`holdOrRefuse`); the caller releases the reservation once its answer is ready, on
 * every path.
 */
export function reserveUpload(request: Request, maxBytes: number, budget = uploadBudget()): UploadReservation {
  const declared = Number(request.headers.get('content-length'));
  const bytes = Number.isSafeInteger(declared) && declared > 0 ? Math.min(declared, maxBytes) : maxBytes;
  const reservation = budget.tryAdmit(bytes);
  if (!reservation) throw busy();
  return reservation;
}

/** Holds the bytes that have just arrived, or throws 'busy' (503 + Retry-After) when they do not fit. */
export function holdOrRefuse(reservation: UploadReservation, bytes: number): void {
  if (!reservation.hold(bytes)) throw busy();
}

const busy = () => new AppError('busy', msg('request.busy'), { retryAfterSeconds: RETRY_AFTER_SECONDS });
