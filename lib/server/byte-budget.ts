import 'server-only';

/**
 * A number of bytes shared by work that runs at once: each job holds its share while it runs, and
 * a job whose share does not fit waits, first come first served, until enough is given back. A
 * job larger than the whole budget runs when nothing else holds any (alone, never refused).
 */
export class ByteBudget {
  readonly #total: number;
  #held = 0;
  readonly #waiting: { bytes: number; grant: () => void }[] = [];

  constructor(total: number) {
    this.#total = total;
  }

  /** Bytes held by the jobs running now. */
  get held(): number {
    return this.#held;
  }

  /** Runs `work` once `bytes` fit in what is left; a job of 0 bytes runs at once. */
  async use<T>(bytes: number, work: () => Promise<T>): Promise<T> {
    if (bytes <= 0) return work();
    await this.#acquire(bytes);
    try {
      return await work();
    } finally {
      this.#held -= bytes;
      this.#grantWaiting();
    }
  }

  #fits(bytes: number): boolean {
    return this.#held === 0 || this.#held + bytes <= this.#total;
  }

  #acquire(bytes: number): Promise<void> {
    // Behind anyone already waiting: a stream of small jobs must not starve a large one.
    if (this.#waiting.length === 0 && this.#fits(bytes)) {
      this.#held += bytes;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push({ bytes, grant: resolve }));
  }

  #grantWaiting(): void {
    while (this.#waiting.length > 0 && this.#fits(this.#waiting[0]!.bytes)) {
      const next = this.#waiting.shift()!;
      this.#held += next.bytes;
      next.grant();
    }
  }
}
