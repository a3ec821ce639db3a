import { describe, expect, it } from 'vitest';

import { MAX_REQUEST_BYTES } from '@/lib/appeal/evidence-rules';
import { AppError } from '@/lib/server/app-error';
import {
  holdOrRefuse,
  PROGRESS_GRACE_MS,
  PROGRESS_MIN_BYTES_PER_SECOND,
  reserveUpload,
  uploadBudgetBytesFor,
  UploadBudget,
} from '@/lib/server/upload-budget';

const MB = 1024 * 1024;
const post = (contentLength?: number) =>
  new Request('http://127.0.0.1/api/appeal', {
    method: 'POST',
    headers: contentLength === undefined ? {} : { 'content-length': String(contentLength) },
  });

/** A budget on a clock the test moves. */
function budgetAt(limit: number) {
  let now = 0;
  const budget = new UploadBudget(limit, { now: () => now });
  return { budget, wait: (ms: number) => (now += ms) };
}
/** Past the grace, at the pace an upload must keep for its announced size to count. */
const LATE_MS = PROGRESS_GRACE_MS + 5_000;

describe('UploadBudget', () => {
  it('admits an upload when its announced size fits beside what is held and promised', () => {
    const { budget } = budgetAt(100 * MB);
    const first = budget.tryAdmit(60 * MB)!;
    expect(budget.heldBytes, 'announcing holds nothing').toBe(0);
    expect(budget.tryAdmit(50 * MB), 'but the promise counts at the door').toBeUndefined();
    expect(first.hold(60 * MB)).toBe(true);
    const second = budget.tryAdmit(30 * MB)!;
    expect(second.hold(30 * MB)).toBe(true);
    expect(budget.heldBytes).toBe(90 * MB);
    expect(budget.tryAdmit(20 * MB)).toBeUndefined();
    expect(budget.tryAdmit(10 * MB)).toBeTruthy();
  });

  it('slow clients that announce much and send little hold the door only for their first seconds', () => {
    // Four announce 60 MB each and trickle a byte now and then.
    const { budget, wait } = budgetAt(240 * MB);
    const trickles = Array.from({ length: 4 }, () => budget.tryAdmit(60 * MB)!);
    for (const trickle of trickles) expect(trickle.hold(1)).toBe(true);
    expect(budget.tryAdmit(5 * MB), 'at first, their promises fill the budget').toBeUndefined();
    wait(LATE_MS);
    expect(budget.heldBytes).toBe(4);
    const appeal = budget.tryAdmit(5 * MB);
    expect(appeal, 'once they fall behind, only their bytes count').toBeTruthy();
    expect(appeal!.hold(5 * MB)).toBe(true);
  });

  it('an upload that keeps up keeps its announced size counted', () => {
    const { budget, wait } = budgetAt(100 * MB);
    const steady = budget.tryAdmit(80 * MB)!;
    wait(LATE_MS);
    // 10 s in, 5 s past the grace: a little over the minimum pace.
    steady.hold(Math.ceil((LATE_MS - PROGRESS_GRACE_MS) / 1000) * PROGRESS_MIN_BYTES_PER_SECOND);
    expect(budget.tryAdmit(30 * MB)).toBeUndefined();
  });

  it('refuses bytes that do not fit beside the others, holding nothing for them', () => {
    const { budget, wait } = budgetAt(100 * MB);
    const first = budget.tryAdmit(80 * MB)!;
    wait(LATE_MS); // the first stalls: the second is let in
    const second = budget.tryAdmit(80 * MB)!;
    expect(first.hold(70 * MB)).toBe(true);
    expect(second.hold(20 * MB)).toBe(true);
    expect(second.hold(20 * MB)).toBe(false);
    expect(second.bytes).toBe(20 * MB);
    expect(budget.heldBytes).toBe(90 * MB);
  });

  it('gives the bytes back on release, once however often it is called', () => {
    const { budget } = budgetAt(100 * MB);
    const reservation = budget.tryAdmit(60 * MB)!;
    reservation.hold(60 * MB);
    budget.tryAdmit(40 * MB)!.hold(40 * MB);
    reservation.release();
    reservation.release();
    expect(budget.heldBytes).toBe(40 * MB);
    expect(reservation.hold(1), 'a released upload holds nothing more').toBe(false);
    expect(budget.tryAdmit(60 * MB)).toBeTruthy();
  });

  it('an idle server always takes one upload, even one larger than a too-small budget', () => {
    const { budget } = budgetAt(10 * MB);
    const alone = budget.tryAdmit(50 * MB);
    expect(alone).toBeTruthy();
    expect(alone!.hold(50 * MB)).toBe(true);
    expect(budget.tryAdmit(1)).toBeUndefined();
    alone!.release();
    expect(budget.heldBytes).toBe(0);
  });

  it('refuses a budget that is not a positive number of bytes', () => {
    expect(() => new UploadBudget(0)).toThrow(RangeError);
    expect(() => new UploadBudget(Number.NaN)).toThrow(RangeError);
  });
});

describe('reserveUpload', () => {
  it('weighs the declared Content-Length, or the most a body may be when it is sent chunked', () => {
    const { budget } = budgetAt(70 * MB);
    reserveUpload(post(5 * MB), MAX_REQUEST_BYTES, budget).hold(5 * MB);
    // 5 MB held: a chunked body may be MAX_REQUEST_BYTES (60 MB), which fits; 66 MB would not.
    expect(() => reserveUpload(post(66 * MB), 80 * MB, budget)).toThrow(AppError);
    const chunked = reserveUpload(post(), MAX_REQUEST_BYTES, budget);
    expect(() => reserveUpload(post(6 * MB), MAX_REQUEST_BYTES, budget), 'the chunked body may still send 60 MB').toThrow(AppError);
    chunked.release();
    // A body announced as larger than allowed is weighed at the limit (it is refused for its size unread).
    expect(() => reserveUpload(post(500 * MB), MAX_REQUEST_BYTES, budget)).not.toThrow();
  });

  it('throws busy (503) with Retry-After when the announced size does not fit', () => {
    const { budget } = budgetAt(100 * MB);
    reserveUpload(post(60 * MB), MAX_REQUEST_BYTES, budget).hold(60 * MB);
    let refusal: unknown;
    try {
      reserveUpload(post(50 * MB), MAX_REQUEST_BYTES, budget);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(503);
    expect((refusal as AppError).retryAfterSeconds).toBeGreaterThan(0);
    // Nothing of it was read: the answer closes the connection instead of draining 50 MB.
    expect((refusal as AppError).bodyUnread).toBe(true);
    expect(budget.heldBytes).toBe(60 * MB);
  });

  it('holdOrRefuse throws busy (503) for bytes that arrive without room', () => {
    const { budget } = budgetAt(10 * MB);
    budget.tryAdmit(8 * MB)!.hold(8 * MB);
    const late = budget.tryAdmit(1 * MB)!;
    expect(() => holdOrRefuse(late, 1 * MB)).not.toThrow();
    // Part of the body was read: whether the rest is unread is for the reader to say.
    expect(() => holdOrRefuse(late, 2 * MB)).toThrow(expect.objectContaining({ code: 'busy', status: 503, bodyUnread: false }));
  });
});

describe('uploadBudgetBytesFor', () => {
  it('defaults to a budget sized for the 1 GB container, and reads APPEAL_UPLOAD_BUDGET_MB', () => {
    expect(uploadBudgetBytesFor({})).toBeGreaterThanOrEqual(MAX_REQUEST_BYTES);
    expect(uploadBudgetBytesFor({})).toBeLessThanOrEqual(400 * MB);
    expect(uploadBudgetBytesFor({ APPEAL_UPLOAD_BUDGET_MB: '500' })).toBe(500 * MB);
    expect(uploadBudgetBytesFor({ APPEAL_UPLOAD_BUDGET_MB: 'lots' })).toBe(uploadBudgetBytesFor({}));
  });
});
