import 'server-only';

import { randomUUID } from 'node:crypto';

import { MAX_FILE_BYTES } from '@/lib/appeal/evidence-rules';
import { checkEvidencePhoto } from '@/lib/server/evidence-check/check-evidence-photo';
import { ImageInputError, type ImageInputProblem } from '@/lib/server/open-image';
import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';
import { translateFieldMessage } from '@/lib/i18n/translate-field-message';
import { AppError, isAppError, type AppErrorCode } from '@/lib/server/app-error';
import { logFailure } from '@/lib/server/log';
import { readMultipart } from '@/lib/server/multipart';
import { withAppealCapacity } from '@/lib/server/work-queue';

const NO_STORE = { 'Cache-Control': 'no-store' };
const MB = 1024 * 1024;
/** Room for the multipart boundaries, part headers and the locale field around the one file. */
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

const PROBLEM_ERRORS: Record<ImageInputProblem, { code: AppErrorCode; key: string }> = {
  tooBig: { code: 'file-too-large', key: 'file.tooLarge' },
  notAnImage: { code: 'unsupported-file-type', key: 'file.unsupportedType' },
  tooManyPixels: { code: 'file-too-large', key: 'file.tooManyPixels' },
  unreadable: { code: 'unreadable-file', key: 'file.unreadable' },
};

function asAppError(error: unknown, file: string, requestId: string): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ImageInputError) {
    const { code, key } = PROBLEM_ERRORS[error.problem];
    return new AppError(code, msg(key, { file, maxMb: MAX_FILE_BYTES / MB }));
  }
  return new AppError('unexpected', msg('request.unexpected', { requestId }), { cause: error });
}

/**
 * POST /api/evidence-check: one photo in (multipart, under its role's field name, with an optional
 * `locale` field first), `EvidenceCheck` JSON out. The photo is held in memory for the call only.
 * Errors use the bundle route's shape `{ error: { code, message } }`, in the request's language.
 */
export async function handleEvidenceCheck(request: Request): Promise<Response> {
  const requestId = randomUUID();
  let locale: Locale = DEFAULT_LOCALE;
  let fileName = 'file';
  try {
    // One photo and a locale: a body announcing more than that is refused before it is read.
    if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
      throw new AppError('request-too-large', msg('request.tooLarge', { maxMb: MAX_FILE_BYTES / MB }));
    }
    const body = await readMultipart(request, (name, value) => {
      if (name === 'locale' && isLocale(value)) locale = value;
    });
    const [file, ...others] = body.files;
    if (!file || others.length > 0) throw new AppError('malformed-request', msg('request.malformed'));
    fileName = file.name;
    const check = await withAppealCapacity(() => checkEvidencePhoto(file.bytes), request.signal);
    return Response.json(check, { headers: NO_STORE });
  } catch (error) {
    const appError = asAppError(error, fileName, requestId);
    logFailure({ requestId, status: appError.status, code: appError.code, stage: 'evidence-check', error });
    const headers: Record<string, string> = { ...NO_STORE, 'X-Request-Id': requestId };
    if (appError.retryAfterSeconds !== undefined) headers['Retry-After'] = String(appError.retryAfterSeconds);
    const message = translateFieldMessage(appError.messageKey, locale);
    return Response.json({ error: { code: appError.code, message } }, { status: appError.status, headers });
  }
}
