/**
 * The browser's side of POST /api/evidence-check. The answer's type is the shared contract in
 * lib/appeal/evidence-check.ts.
 */
import type { EvidenceCheck } from '@/lib/appeal/evidence-check';
import type { Locale } from '@/lib/i18n/locales';

const EVIDENCE_CHECK_ENDPOINT = '/api/evidence-check';

export type EvidenceCheckOutcome =
  | { kind: 'checked'; check: EvidenceCheck }
  /** The server refused the file; `message` is already in the user's language. */
  | { kind: 'refused'; message: string | null }
  | { kind: 'unavailable' };

function isEvidenceCheck(value: unknown): value is EvidenceCheck {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<EvidenceCheck>;
  return (
    Array.isArray(v.imeis) &&
    typeof v.barcodes === 'number' &&
    typeof v.photo === 'object' &&
    Array.isArray(v.photo?.warnings) &&
    (v.labelToken === undefined || typeof v.labelToken === 'string')
  );
}

export async function requestEvidenceCheck(
  file: { blob: Blob; name: string; role: string },
  locale: Locale,
  signal?: AbortSignal,
): Promise<EvidenceCheckOutcome> {
  const body = new FormData();
  // The locale goes first: the server reads it before a failing file, to answer in this language.
  body.append('locale', locale);
  body.append(file.role, file.blob, file.name);
  let response: Response;
  try {
    response = await fetch(EVIDENCE_CHECK_ENDPOINT, { method: 'POST', body, signal });
  } catch {
    return { kind: 'unavailable' };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return isEvidenceCheck(json) ? { kind: 'checked', check: json } : { kind: 'unavailable' };
  if (response.status >= 500 || response.status === 429) return { kind: 'unavailable' };
  const message = (json as { error?: { message?: unknown } } | null)?.error?.message;
  return { kind: 'refused', message: typeof message === 'string' ? message : null };
}
