import 'server-only';

import { randomUUID } from 'node:crypto';

import { MAX_FILE_BYTES } from '@/lib/appeal/evidence-rules';
import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { isLocale } from '@/lib/i18n/locales';
import { localeOfRequest } from '@/lib/i18n/request-locale';
import { AppError, onFileField } from '@/lib/server/app-error';
import { errorResponse, type FailureContext } from '@/lib/server/error-response';
import { checkEvidencePhoto } from '@/lib/server/evidence-check/check-evidence-photo';
import { sha256Hex, signLabelToken } from '@/lib/server/label-token';
import { readMultipart } from '@/lib/server/multipart';
import { reserveUpload, type UploadReservation } from '@/lib/server/upload-budget';
import { withAppealCapacity } from '@/lib/server/work-queue';

/** Room for the multipart boundaries, part headers and the locale field around the one file. */
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

/**
 * POST /api/evidence-check: one photo in (multipart, under its role's field name, with an optional
 * `locale` field first), `EvidenceCheck` JSON out. The photo is held in memory for the call only.
 * Errors are answered by the same responder as POST /api/appeal: the contract's shape, `fields`
 * naming the file's field, X-Request-Id, in the request's language.
 */
export async function handleEvidenceCheck(request: Request): Promise<Response> {
  const requestId = randomUUID();
  // Until the form's own `locale` field is read, refusals speak the browser's language.
  const context: FailureContext = { stage: 'evidence-check', locale: localeOfRequest(request.headers) };
  let upload: UploadReservation | undefined;
  try {
    // Memory for the photo, shared with the appeal route's uploads; 503 before reading when spent.
    upload = reserveUpload(request, MAX_BODY_BYTES);
    // One photo and a locale: the body is cut off as soon as it passes that size, whether it
    // announced more (its Content-Length) or nothing (chunked). A photo over 25 MB reaches its own
    // limit first, within the room for the part headers, so the refusal names it.
    const body = await readMultipart(
      request,
      (name, value) => {
        if (name === 'locale' && isLocale(value)) context.locale = value;
      },
      { maxBytes: MAX_BODY_BYTES, maxFiles: 1, memory: upload, readPastDeclaredSize: true },
    );
    const [file] = body.files;
    if (!file) throw new AppError('malformed-request', msg('request.noPhoto'));
    try {
      const check = await withAppealCapacity(() => checkEvidencePhoto(file.bytes, file.name), request.signal);
      // Box and receipt photos alike: the bundle believes the IMEIs of a box photo, and that any
      // photo with a token decodes whole, without reading or decoding it again.
      check.labelToken = signLabelToken(sha256Hex(file.bytes), check.imeis);
      return Response.json(check, { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      throw onFileField(error, file.role);
    }
  } catch (error) {
    return errorResponse(error, requestId, context);
  } finally {
    upload?.release();
  }
}
