/**
 * Calls the real POST /api/appeal handler in-process with a web Request, the way Next.js does,
 * and judges its answer: a bundle (a real PDF) or a client error in the contract's shape.
 */
import { expect } from 'vitest';
import { PDFDocument } from 'pdf-lib';

import { POST } from '@/app/api/appeal/route';
import { readFixture } from '../../support/fixtures';
import { STANDARD_FIELDS } from '../support/appeal-request';

export const APPEAL_URL = 'http://127.0.0.1/api/appeal';
/**
 * A guard against hangs, not a speed target (speed is measured by `npm run bench`): well under the
 * server's own 30 s stall limit, yet wide enough that a 2-core machine busy with builds does not
 * fail a correct answer.
 */
export const ANSWER_DEADLINE_MS = 20_000;

export type Upload = { role: 'boxPhoto' | 'receipt' | 'extra'; name: string; bytes: Buffer; type?: string };

/** A complete, valid appeal as a person would fill it in (Russian answers, Cyrillic names). */
export function validFields(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...STANDARD_FIELDS, ...overrides };
}

/** The smallest valid evidence: one box photo and one receipt (real phone photos, 12 MP). */
export function standardUploads(): Upload[] {
  return [
    { role: 'boxPhoto', name: 'box-label-12mp.jpg', bytes: readFixture('box-label-12mp.jpg'), type: 'image/jpeg' },
    { role: 'receipt', name: 'e-receipt.pdf', bytes: readFixture('e-receipt.pdf'), type: 'application/pdf' },
  ];
}

export function appealForm(fields: Record<string, string>, uploads: Upload[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const upload of uploads) {
    form.append(upload.role, new Blob([new Uint8Array(upload.bytes)], { type: upload.type ?? 'application/octet-stream' }), upload.name);
  }
  return form;
}

export type Answer = { response: Response; ms: number };

export async function postAppeal(
  body: BodyInit | Buffer,
  init: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Answer> {
  const started = performance.now();
  const request = new Request(APPEAL_URL, {
    method: 'POST',
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : body,
    headers: init.headers,
    signal: init.signal,
    // A streamed body needs half-duplex, as a real upload is.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const response = await POST(request);
  // Read the whole answer inside the timing: a streamed error body counts too.
  const bytes = await response.arrayBuffer();
  const ms = performance.now() - started;
  return { response: new Response(bytes, { status: response.status, headers: response.headers }), ms };
}

export const postForm = (fields: Record<string, string>, uploads: Upload[]) => postAppeal(appealForm(fields, uploads));

export type ErrorBody = { error: { code: string; message: string; fields: Record<string, string> } };

/**
 * A refusal as the contract says: 4xx (never 5xx), JSON error with a code and a translated
 * message, within the deadline. `names` must appear in the message or in the named field's
 * message, so the user knows which file or field to fix.
 */
export async function expectRefusal(
  answer: Answer,
  expected: { status: number | number[]; code?: string; names?: string; field?: string; locale?: 'ru' | 'en' },
): Promise<ErrorBody> {
  const { response, ms } = answer;
  const text = await response.clone().text();
  const statuses = Array.isArray(expected.status) ? expected.status : [expected.status];
  expect(statuses, `status ${response.status}: ${text.slice(0, 300)}`).toContain(response.status);
  expect(ms, 'answered within the deadline').toBeLessThan(ANSWER_DEADLINE_MS);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorBody;
  if (expected.code) expect(body.error.code).toBe(expected.code);
  expect(body.error.message.length).toBeGreaterThan(10);
  // A translation key leaking through looks like "file.unreadable?file=…".
  expect(body.error.message).not.toMatch(/^[a-z]+\.[a-zA-Z.]+(\?|$)/);
  if (expected.locale === 'ru') expect(body.error.message).toMatch(/[а-яё]/i);
  if (expected.field) {
    const fieldMessage = body.error.fields[expected.field];
    expect(fieldMessage, `a message for ${expected.field} in ${JSON.stringify(body.error.fields)}`).toBeTruthy();
    if (expected.locale === 'ru') expect(fieldMessage).toMatch(/[а-яё]/i);
  }
  if (expected.names) {
    const everything = [body.error.message, ...Object.values(body.error.fields)].join('\n');
    expect(everything).toContain(expected.names);
  }
  return body;
}

/** A bundle as the contract says: 200, a PDF attachment that really opens, within the deadline. */
export async function expectBundle(answer: Answer, options: { minPages?: number; deadlineMs?: number } = {}): Promise<PDFDocument> {
  const { response, ms } = answer;
  const bytes = new Uint8Array(await response.clone().arrayBuffer());
  expect(response.status, new TextDecoder().decode(bytes.subarray(0, 400))).toBe(200);
  expect(ms, 'answered within the deadline').toBeLessThan(options.deadlineMs ?? ANSWER_DEADLINE_MS);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  const document = await PDFDocument.load(bytes);
  expect(document.getPageCount()).toBeGreaterThanOrEqual(options.minPages ?? 2);
  return document;
}
