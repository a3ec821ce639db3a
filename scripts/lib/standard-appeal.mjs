/**
 * The standard appeal the integration tests, the benchmark and the load test all send: the facts
 * of tests/fixtures/standard-appeal.json and the standard evidence set (STANDARD_EVIDENCE).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ensureEvidenceFixtures, STANDARD_EVIDENCE } from './evidence-fixtures.mjs';
import { ROOT } from './start-server.mjs';

export { STANDARD_EVIDENCE };

export const STANDARD_FIELDS = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/standard-appeal.json'), 'utf8'));

/** The standard evidence set with its bytes, generated first if need be. */
export async function standardFiles() {
  const dir = await ensureEvidenceFixtures();
  return STANDARD_EVIDENCE.map((file) => ({ ...file, bytes: readFileSync(path.join(dir, file.name)) }));
}

/** A multipart form as a browser sends it: the fields, then each file under its role. */
export function appealForm(files, fields = STANDARD_FIELDS) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append(file.field, new File([file.bytes], file.name, { type: file.type }));
  return form;
}

/** The same request encoded once (by undici, as fetch would), to send the same bytes many times. */
export async function encodedAppeal(files, fields = STANDARD_FIELDS) {
  const encoded = new Response(appealForm(files, fields));
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') };
}
