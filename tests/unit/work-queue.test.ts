import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/server/app-error';
import { queueOptionsFor, refuseWhenFull, withAppealCapacity, WorkQueue, WorkQueueBusyError, type WorkQueueOptions } from '@/lib/server/work-queue';

type Gate = { promise: Promise<void>; open: () => void };
function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const options = (overrides: Partial<WorkQueueOptions> = {}): WorkQueueOptions => ({
  concurrency: 2,
  maxWaiting: 2,
  maxWaitMs: 10_000,
  retryAfterSeconds: 7,
  ...overrides,
});

describe('WorkQueue', () => {
  it('never runs more jobs at once than its concurrency, and runs waiting jobs in order', async () => {
    const queue = new WorkQueue(options({ maxWaiting: 10 }));
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    let active = 0;
    let peak = 0;
    const results = gates.map((g, index) =>
      queue.run(async () => {
        started.push(index);
        active += 1;
        peak = Math.max(peak, active);
        await g.promise;
        active -= 1;
        return index;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(queue.waiting).toBe(3);
    gates[1]?.open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(queue.running).toBe(0);
    expect(queue.waiting).toBe(0);
  });

  it('refuses at once when the line is full, with the retry delay', async () => {
    const queue = new WorkQueue(options({ concurrency: 1, maxWaiting: 1 }));
    const hold = gate();
    const first = queue.run(() => hold.promise);
    const second = queue.run(() => Promise.resolve('second'));
    const refused = queue.run(() => Promise.resolve('third'));
    await expect(refused).rejects.toMatchObject({ name: 'WorkQueueBusyError', reason: 'full', retryAfterSeconds: 7 });
    hold.open();
    await first;
    expect(await second).toBe('second');
  });

  it('refuses a job that waited longer than maxWaitMs, and keeps the slot count right', async () => {
    const queue = new WorkQueue(options({ concurrency: 1, maxWaitMs: 30 }));
    const hold = gate();
    const first = queue.run(() => hold.promise);
    const startedAt = Date.now();
    const late = queue.run(() => Promise.resolve('late'));
    await expect(late).rejects.toBeInstanceOf(WorkQueueBusyError);
    await expect(late).rejects.toMatchObject({ reason: 'timeout' });
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(queue.waiting).toBe(0);
    hold.open();
    await first;
    expect(queue.running).toBe(0);
    expect(await queue.run(() => Promise.resolve('next'))).toBe('next');
  });

  it('drops a waiting job whose client went away, without running it', async () => {
    const queue = new WorkQueue(options({ concurrency: 1 }));
    const hold = gate();
    const first = queue.run(() => hold.promise);
    const controller = new AbortController();
    let ran = false;
    const abandoned = queue.run(async () => {
      ran = true;
    }, controller.signal);
    await tick();
    controller.abort(new Error('client disconnected'));
    await expect(abandoned).rejects.toThrow('client disconnected');
    expect(queue.waiting).toBe(0);
    hold.open();
    await first;
    await tick();
    expect(ran).toBe(false);
    expect(queue.running).toBe(0);
  });

  it('does not start a job whose signal is already aborted', async () => {
    const queue = new WorkQueue(options());
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(queue.run(() => Promise.resolve(1), controller.signal)).rejects.toThrow('gone');
    expect(queue.running).toBe(0);
  });

  it('frees the slot when a job fails', async () => {
    const queue = new WorkQueue(options({ concurrency: 1 }));
    await expect(queue.run(() => Promise.reject(new Error('decoder crashed')))).rejects.toThrow('decoder crashed');
    expect(queue.running).toBe(0);
    expect(await queue.run(() => Promise.resolve('ok'))).toBe('ok');
  });

  it('rejects nonsense sizes', () => {
    expect(() => new WorkQueue(options({ concurrency: 0 }))).toThrow(RangeError);
    expect(() => new WorkQueue(options({ maxWaitMs: 1.5 }))).toThrow(RangeError);
    expect(() => new WorkQueue(options({ maxWaiting: 0 }))).not.toThrow();
  });
});

describe('queueOptionsFor', () => {
  it('runs one job per core with a line of four per core', () => {
    expect(queueOptionsFor(2)).toEqual({ concurrency: 2, maxWaiting: 8, maxWaitMs: 15_000, retryAfterSeconds: 5 });
    expect(queueOptionsFor(16)).toMatchObject({ concurrency: 16, maxWaiting: 64 });
    expect(queueOptionsFor(0)).toMatchObject({ concurrency: 1, maxWaiting: 4 });
  });

  it('takes overrides from the environment and ignores nonsense there', () => {
    expect(queueOptionsFor(8, { APPEAL_CONCURRENCY: '2', APPEAL_QUEUE_LENGTH: '3', APPEAL_QUEUE_WAIT_MS: '500' })).toMatchObject({
      concurrency: 2,
      maxWaiting: 3,
      maxWaitMs: 500,
    });
    expect(queueOptionsFor(4, { APPEAL_QUEUE_LENGTH: '0' })).toMatchObject({ concurrency: 4, maxWaiting: 0 });
    expect(queueOptionsFor(4, { APPEAL_CONCURRENCY: '-1', APPEAL_QUEUE_LENGTH: 'lots', APPEAL_QUEUE_WAIT_MS: '0' })).toMatchObject({
      concurrency: 4,
      maxWaiting: 16,
      maxWaitMs: 15_000,
    });
  });
});

describe('refuseWhenFull', () => {
  it('refuses before any work only when every slot and the whole line are taken', async () => {
    const queue = new WorkQueue(options({ concurrency: 1, maxWaiting: 1 }));
    expect(() => refuseWhenFull(queue)).not.toThrow();
    const hold = gate();
    const running = queue.run(() => hold.promise);
    expect(() => refuseWhenFull(queue)).not.toThrow();
    const waiting = queue.run(() => Promise.resolve());
    expect(queue.isFull).toBe(true);
    // Refused before the upload is read: the answer closes the connection instead of draining it.
    expect(() => refuseWhenFull(queue)).toThrow(expect.objectContaining({ code: 'busy', status: 503, retryAfterSeconds: 7, bodyUnread: true }));
    hold.open();
    await Promise.all([running, waiting]);
    expect(queue.isFull).toBe(false);
  });
});

describe('withAppealCapacity', () => {
  it('turns a full queue into the 503 AppError with Retry-After', async () => {
    const queue = new WorkQueue(options({ concurrency: 1, maxWaiting: 0 }));
    const hold = gate();
    const running = withAppealCapacity(() => hold.promise, undefined, queue);
    const refused = withAppealCapacity(() => Promise.resolve(), undefined, queue);
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'busy', status: 503, retryAfterSeconds: 7, messageKey: 'request.busy' });
    hold.open();
    await running;
  });

  it('turns a client that left while waiting into a 400, not a server fault', async () => {
    const queue = new WorkQueue(options({ concurrency: 1 }));
    const hold = gate();
    const running = withAppealCapacity(() => hold.promise, undefined, queue);
    const controller = new AbortController();
    const left = withAppealCapacity(() => Promise.resolve(), controller.signal, queue);
    controller.abort();
    await expect(left).rejects.toMatchObject({ code: 'malformed-request', status: 400 });
    hold.open();
    await running;
  });

  it('passes the job’s own errors through unchanged', async () => {
    const own = new AppError('unreadable-file', 'file.unreadable?file=a.jpg');
    await expect(withAppealCapacity(() => Promise.reject(own), undefined, new WorkQueue(options()))).rejects.toBe(own);
  });
});
