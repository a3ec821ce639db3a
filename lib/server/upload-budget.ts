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
 * An upload's announced size keeps counting against the budget while it arrives at least this
 * fast on average after its first seconds; slower, only the bytes it has sent count. A phone on a
 * weak mobile link sends 100–400 KB/s; a client holding memory by trickling bytes sends far less.
 */
export const PROGRESS_MIN_BYTES_PER_SECOND = 64 * 1024;
export const PROGRESS_GRACE_MS = 5_000;

type Admitted = { readonly announced: number; readonly since: number; bytes: number };

/**
 * Memory for request bodies being read or held. An upload is admitted when its announced size
 * fits beside the bytes held and the rest still promised by the uploads that are arriving (else
 * 503 at once, before a byte is read), so a crowd of large uploads is turned away at the door
 * rather than read halfway. Each holds the bytes that have arrived until its answer is sent.
 * Counting every announced size until the answer let four clients, each announcing 60 MB and
 * trickling a byte now and then, hold the whole budget for the 5-minute upload deadline while
 * every real appeal got 503: a promise now counts only while its upload keeps up
 * PROGRESS_MIN_BYTES_PER_SECOND. Bytes that arrive without room beside the others' held bytes
 * end their upload (503). The work queue counts bundles being built; this counts the uploads
 * behind them, which is where memory goes when many large appeals arrive.
 */
export class UploadBudget {
  readonly limitBytes: number;
  readonly #now: () => number;
  #held = 0;
  readonly #live = new Set<Admitted>();

  constructor(limitBytes: number, { now = () => performance.now() }: { now?: () => number } = {}) {
    if (!Number.isFinite(limitBytes) || limitBytes <= 0) throw new RangeError(`UploadBudget needs a positive number of bytes, got ${limitBytes}`);
    this.limitBytes = limitBytes;
    this.#now = now;
  }

  get heldBytes(): number {
    return this.#held;
  }

  /**
   * Admits an upload expected to be `expectedBytes`, holding nothing yet, or undefined when that
   * would not fit now. With nothing held or promised any one upload fits, so a budget set below
   * the request limit slows the server down instead of refusing every appeal.
   */
  tryAdmit(expectedBytes: number): UploadReservation | undefined {
    const taken = this.#held + this.#promised();
    if (taken > 0 && taken + expectedBytes > this.limitBytes) return undefined;
    const upload: Admitted = { announced: expectedBytes, since: this.#now(), bytes: 0 };
    this.#live.add(upload);
    let released = false;
    return {
      get bytes() {
        return upload.bytes;
      },
      hold: (more: number) => {
        if (released) return false;
        const alone = this.#held === upload.bytes;
        if (!alone && this.#held + more > this.limitBytes) return false;
        upload.bytes += more;
        this.#held += more;
        return true;
      },
      release: () => {
        if (released) return;
        released = true;
        this.#held -= upload.bytes;
        this.#live.delete(upload);
      },
    };
  }

  /** Announced bytes not yet arrived, of the uploads that are keeping up. */
  #promised(): number {
    const now = this.#now();
    let promised = 0;
    for (const upload of this.#live) {
      const late = Math.max(0, now - upload.since - PROGRESS_GRACE_MS) / 1000;
      if (upload.bytes >= late * PROGRESS_MIN_BYTES_PER_SECOND) promised += Math.max(0, upload.announced - upload.bytes);
    }
    return promised;
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
 * route reads) when it is sent without one, must fit beside what is held and promised now. A body announced as larger
 * than `maxBytes` is refused for its size without being read, so only `maxBytes` is weighed for it.
 * Throws AppError 'busy' (503 + Retry-After) when it does not fit. The reader holds the bytes as
 * they arrive (`holdOrRefuse`); the caller releases the reservation once its answer is ready, on
 * every path.
 */
export function reserveUpload(request: Request, maxBytes: number, budget = uploadBudget()): UploadReservation {
  const declared = Number(request.headers.get('content-length'));
  const bytes = Number.isSafeInteger(declared) && declared > 0 ? Math.min(declared, maxBytes) : maxBytes;
  const reservation = budget.tryAdmit(bytes);
  // Nothing of the body is read yet: the answer closes the connection rather than drain it.
  if (!reservation) throw busy({ bodyUnread: true });
  return reservation;
}

/** Holds the bytes that have just arrived, or throws 'busy' (503 + Retry-After) when they do not fit. */
export function holdOrRefuse(reservation: UploadReservation, bytes: number): void {
  if (!reservation.hold(bytes)) throw busy();
}

const busy = ({ bodyUnread = false } = {}) => new AppError('busy', msg('request.busy'), { retryAfterSeconds: RETRY_AFTER_SECONDS, bodyUnread });
