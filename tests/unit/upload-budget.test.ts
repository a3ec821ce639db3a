import { describe, expect, it } from 'vitest';

import { MAX_REQUEST_BYTES } from '@/lib/appeal/evidence-rules';
import { AppError } from '@/lib/server/app-error';
import { holdOrRefuse, reserveUpload, uploadBudgetBytesFor, UploadBudget } from '@/lib/server/upload-budget';

const MB = 1024 * 1024;
const post = (contentLength?: number) =>
  new Request('http://127.0.0.1/api/appeal', {
    method: 'POST',
    headers: contentLength === undefined ? {} : { 'content-length': String(contentLength) },
  });

describe('UploadBudget', () => {
  it('admits an upload when its announced size fits what is held, and holds only what arrives', () => {
    const budget = new UploadBudget(100 * MB);
    const first = budget.tryAdmit(60 * MB)!;
    expect(budget.heldBytes, 'announcing holds nothing').toBe(0);
    expect(first.hold(60 * MB)).toBe(true);
    const second = budget.tryAdmit(30 * MB)!;
    expect(second.hold(30 * MB)).toBe(true);
    expect(budget.heldBytes).toBe(90 * MB);
    expect(budget.tryAdmit(20 * MB)).toBeUndefined();
    expect(budget.tryAdmit(10 * MB)).toBeTruthy();
  });

  it('slow clients that announce much and send little leave room for the others', () => {
    // Four announced 60 MB each and trickle a byte now and then: they hold four bytes.
    const budget = new UploadBudget(240 * MB);
    const trickles = Array.from({ length: 4 }, () => budget.tryAdmit(60 * MB)!);
    for (const trickle of trickles) expect(trickle.hold(1)).toBe(true);
    expect(budget.heldBytes).toBe(4);
    const appeal = budget.tryAdmit(5 * MB);
    expect(appeal).toBeTruthy();
    expect(appeal!.hold(5 * MB)).toBe(true);
  });

  it('refuses bytes that do not fit beside the others, holding nothing for them', () => {
    const budget = new UploadBudget(100 * MB);
    const first = budget.tryAdmit(80 * MB)!;
    const second = budget.tryAdmit(80 * MB)!; // admitted while the first had sent nothing
    expect(first.hold(70 * MB)).toBe(true);
    expect(second.hold(20 * MB)).toBe(true);
    expect(second.hold(20 * MB)).toBe(false);
    expect(second.bytes).toBe(20 * MB);
    expect(budget.heldBytes).toBe(90 * MB);
  });

  it('gives the bytes back on release, once however often it is called', () => {
    const budget = new UploadBudget(100 * MB);
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
    const budget = new UploadBudget(10 * MB);
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
    const budget = new UploadBudget(70 * MB);
    reserveUpload(post(5 * MB), MAX_REQUEST_BYTES, budget).hold(5 * MB);
    // 5 MB held: a chunked body may be MAX_REQUEST_BYTES (60 MB), which fits; 66 MB would not.
    expect(() => reserveUpload(post(), MAX_REQUEST_BYTES, budget)).not.toThrow();
    expect(() => reserveUpload(post(66 * MB), 80 * MB, budget)).toThrow(AppError);
    // A body announced as larger than allowed is weighed at the limit (it is refused for its size unread).
    expect(() => reserveUpload(post(500 * MB), MAX_REQUEST_BYTES, budget)).not.toThrow();
  });

  it('throws busy (503) with Retry-After when the announced size does not fit', () => {
    const budget = new UploadBudget(100 * MB);
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
    expect(budget.heldBytes).toBe(60 * MB);
  });

  it('holdOrRefuse throws busy (503) for bytes that arrive without room', () => {
    const budget = new UploadBudget(10 * MB);
    budget.tryAdmit(8 * MB)!.hold(8 * MB);
    const late = budget.tryAdmit(1 * MB)!;
    expect(() => holdOrRefuse(late, 1 * MB)).not.toThrow();
    expect(() => holdOrRefuse(late, 2 * MB)).toThrow(expect.objectContaining({ code: 'busy', status: 503 }));
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
