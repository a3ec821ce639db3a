import { describe, expect, it } from 'vitest';

import { MAX_REQUEST_BYTES } from '@/lib/appeal/evidence-rules';
import { AppError } from '@/lib/server/app-error';
import { reserveUpload, uploadBudgetBytesFor, UploadBudget } from '@/lib/server/upload-budget';

const MB = 1024 * 1024;
const post = (contentLength?: number) =>
  new Request('http://127.0.0.1/api/appeal', {
    method: 'POST',
    headers: contentLength === undefined ? {} : { 'content-length': String(contentLength) },
  });

describe('UploadBudget', () => {
  it('reserves uploads until the budget is spent, then refuses', () => {
    const budget = new UploadBudget(100 * MB);
    const first = budget.tryReserve(60 * MB);
    const second = budget.tryReserve(30 * MB);
    expect(first && second).toBeTruthy();
    expect(budget.reservedBytes).toBe(90 * MB);
    expect(budget.tryReserve(20 * MB)).toBeUndefined();
    expect(budget.tryReserve(10 * MB)).toBeTruthy();
    expect(budget.reservedBytes).toBe(100 * MB);
  });

  it('gives the bytes back on release, once however often it is called', () => {
    const budget = new UploadBudget(100 * MB);
    const reservation = budget.tryReserve(60 * MB)!;
    budget.tryReserve(40 * MB);
    reservation.release();
    reservation.release();
    expect(budget.reservedBytes).toBe(40 * MB);
    expect(budget.tryReserve(60 * MB)).toBeTruthy();
  });

  it('an idle server always takes one upload, even one larger than a too-small budget', () => {
    const budget = new UploadBudget(10 * MB);
    const alone = budget.tryReserve(50 * MB);
    expect(alone).toBeTruthy();
    expect(budget.tryReserve(1)).toBeUndefined();
    alone!.release();
    expect(budget.reservedBytes).toBe(0);
  });

  it('refuses a budget that is not a positive number of bytes', () => {
    expect(() => new UploadBudget(0)).toThrow(RangeError);
    expect(() => new UploadBudget(Number.NaN)).toThrow(RangeError);
  });
});

describe('reserveUpload', () => {
  it('reserves the declared Content-Length, or the most a body may be when it is sent chunked', () => {
    const budget = new UploadBudget(200 * MB);
    const declared = reserveUpload(post(5 * MB), MAX_REQUEST_BYTES, budget);
    expect(budget.reservedBytes).toBe(5 * MB);
    const chunked = reserveUpload(post(), MAX_REQUEST_BYTES, budget);
    expect(budget.reservedBytes).toBe(5 * MB + MAX_REQUEST_BYTES);
    // A body announced as larger than allowed is refused for its size before it is read.
    reserveUpload(post(500 * MB), MAX_REQUEST_BYTES, budget).release();
    declared.release();
    chunked.release();
    expect(budget.reservedBytes).toBe(0);
  });

  it('throws busy (503) with Retry-After when the budget is spent', () => {
    const budget = new UploadBudget(100 * MB);
    reserveUpload(post(60 * MB), MAX_REQUEST_BYTES, budget);
    let refusal: unknown;
    try {
      reserveUpload(post(50 * MB), MAX_REQUEST_BYTES, budget);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(503);
    expect((refusal as AppError).retryAfterSeconds).toBeGreaterThan(0);
    expect(budget.reservedBytes).toBe(60 * MB);
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
