import { STANDARD_EVIDENCE } from '../../../scripts/lib/evidence-fixtures.mjs';
import standardAppeal from '../../fixtures/standard-appeal.json';
import { readFixture } from '../../support/fixtures';

export type UploadSpec = { field: 'boxPhoto' | 'receipt' | 'extra' | string; name: string; bytes: Uint8Array; type?: string };

/** The facts of the fixtures' phone, as the form would send them (shared with the bench and load scripts). */
export const STANDARD_FIELDS: Readonly<Record<string, string>> = standardAppeal;

/** Box photo, receipt photo, order screenshot and the e-receipt PDF: the set the budget is set for. */
export function standardFiles(): UploadSpec[] {
  return STANDARD_EVIDENCE.map((file) => ({ ...file, bytes: readFixture(file.name) }));
}

/** A real multipart/form-data request, encoded by undici exactly as a browser's fetch would. */
export function appealRequest(fields: Record<string, string>, files: readonly UploadSpec[]): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(file.field, new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? 'application/octet-stream' }));
  }
  return new Request('http://localhost/api/appeal', { method: 'POST', body: form });
}

export type ErrorBody = { error: { code: string; message: string; fields: Record<string, string>; requestId?: string } };
