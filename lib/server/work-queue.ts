import 'server-only';

import os from 'node:os';

import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { AppError } from '@/lib/server/app-error';

export type WorkQueueOptions = {
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs allowed to wait for a slot; one more is refused at once. */
  maxWaiting: number;
  /** How long a job may wait for a slot before it is refused. */
  maxWaitMs: number;
  /** What a refused client is told to wait before trying again. */
  retryAfterSeconds: number;
};

export class WorkQueueBusyError extends Error {
  constructor(
    readonly reason: 'full' | 'timeout',
    readonly retryAfterSeconds: number,
  ) {
    super(reason === 'full' ? 'work queue is full' : 'waited too long for a work slot');
    this.name = 'WorkQueueBusyError';
  }
}

type Waiter = { grant: () => void };

/**
 * Runs at most `concurrency` jobs at once and lets a few more wait; beyond that it refuses at once
 * instead of letting memory grow with every request. A waiting job leaves the line when its
 * signal aborts (the client went away) or when it has waited `maxWaitMs`.
 */
export class WorkQueue {
  readonly options: WorkQueueOptions;
  #running = 0;
  readonly #waiting: Waiter[] = [];

  constructor(options: WorkQueueOptions) {
    for (const [name, value] of Object.entries(options)) {
      if (!Number.isInteger(value) || value < (name === 'maxWaiting' ? 0 : 1)) {
        throw new RangeError(`WorkQueue ${name} must be a positive integer, got ${value}`);
      }
    }
    this.options = options;
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Every slot taken and the line full: a job offered now would be refused. */
  get isFull(): boolean {
    return this.#running >= this.options.concurrency && this.#waiting.length >= this.options.maxWaiting;
  }

  async run<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    try {
      return await job();
    } finally {
      this.#release();
    }
  }

  #acquire(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#running < this.options.concurrency) {
      this.#running += 1;
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.options.maxWaiting) {
      return Promise.reject(new WorkQueueBusyError('full', this.options.retryAfterSeconds));
    }
    return new Promise<void>((resolve, reject) => {
      const leave = (reason: unknown) => {
        const index = this.#waiting.indexOf(waiter);
        if (index >= 0) this.#waiting.splice(index, 1);
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(reason);
      };
      const onAbort = () => leave(signal?.reason);
      const timer = setTimeout(
        () => leave(new WorkQueueBusyError('timeout', this.options.retryAfterSeconds)),
        this.options.maxWaitMs,
      );
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          this.#running += 1;
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
  }

  #release(): void {
    this.#running -= 1;
    this.#waiting.shift()?.grant();
  }
}

function integerAtLeast(min: number, value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  const parsed = Number(value);
  return parsed >= min ? parsed : undefined;
}

/**
 * Sized to the machine: image and PDF work is CPU-bound (sharp decodes one image per thread), so
 * one job per core; a short line of 4 per core absorbs bursts. Each waiting job holds its upload
 * in memory (at most MAX_REQUEST_BYTES), which is why the line is short. In a container whose CPU
 * quota is smaller than the host's core count, set APPEAL_CONCURRENCY: Node 20 does not read
 * cgroup quotas.
 */
export function queueOptionsFor(parallelism: number, env: Record<string, string | undefined> = {}): WorkQueueOptions {
  const concurrency = integerAtLeast(1, env.APPEAL_CONCURRENCY) ?? Math.max(1, Math.floor(parallelism));
  return {
    concurrency,
    maxWaiting: integerAtLeast(0, env.APPEAL_QUEUE_LENGTH) ?? 4 * concurrency,
    maxWaitMs: integerAtLeast(1, env.APPEAL_QUEUE_WAIT_MS) ?? 15_000,
    retryAfterSeconds: 5,
  };
}

let appealQueue: WorkQueue | undefined;

/** The one queue every appeal bundle goes through in this process. */
export function appealWorkQueue(): WorkQueue {
  appealQueue ??= new WorkQueue(queueOptionsFor(os.availableParallelism(), process.env));
  return appealQueue;
}

/**
 * Refuses a new appeal before its upload is read when the queue is already full: reading a body
 * only to refuse it would spend the user's time and the server's memory for nothing.
 */
export function refuseWhenFull(queue = appealWorkQueue()): void {
  if (queue.isFull) throw new AppError('busy', msg('request.busy'), { retryAfterSeconds: queue.options.retryAfterSeconds, bodyUnread: true });
}

/**
 * Runs the heavy part of an appeal (decode, re-encode, build the PDF) in the process-wide queue.
 * Over capacity it throws AppError 'busy', which the route answers with 503 and Retry-After.
 */
export async function withAppealCapacity<T>(job: () => Promise<T>, signal?: AbortSignal, queue = appealWorkQueue()): Promise<T> {
  try {
    return await queue.run(job, signal);
  } catch (error) {
    if (error instanceof WorkQueueBusyError) {
      throw new AppError('busy', msg('request.busy'), { retryAfterSeconds: error.retryAfterSeconds, cause: error });
    }
    // The client left while waiting for a slot: nobody reads the answer, but it is no server fault.
    if (signal?.aborted && error === signal.reason) {
      throw new AppError('malformed-request', msg('request.malformed'), { cause: error });
    }
    throw error;
  }
}
