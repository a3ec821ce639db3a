import { randomUUID } from 'node:crypto';

import { MAX_REQUEST_BYTES } from '@/lib/appeal/evidence-rules';
import { localeOfRequest } from '@/lib/i18n/request-locale';
import { readBoxLabelImeisForBundle } from '@/lib/server/box-label/box-label-check';
import { buildEvidenceBundle } from '@/lib/server/build-evidence-bundle';
import { attachmentDisposition } from '@/lib/server/content-disposition';
import { vouchedReading } from '@/lib/server/label-token';
import { errorResponse, type FailureContext } from '@/lib/server/error-response';
import { methodNotAllowed } from '@/lib/server/method-not-allowed';
import { readAppealRequest } from '@/lib/server/read-appeal-request';
import { serverTiming } from '@/lib/server/server-timing';
import { reserveUpload, type UploadReservation } from '@/lib/server/upload-budget';
import { refuseWhenFull, withAppealCapacity } from '@/lib/server/work-queue';

// sharp and the multipart parser need Node; every request is new work, never cached.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/appeal: multipart form → evidence PDF (contract in README). */
export async function POST(request: Request): Promise<Response> {
  const requestId = randomUUID();
  // Until the form's own `locale` field is read, refusals speak the browser's language.
  const context: FailureContext = { stage: 'parse', locale: localeOfRequest(request.headers) };
  const started = performance.now();
  let upload: UploadReservation | undefined;
  try {
    // 503 at once rather than after reading an upload that could not be served: the queue of
    // bundles is full, or the memory for uploads in flight is spent.
    refuseWhenFull();
    upload = reserveUpload(request, MAX_REQUEST_BYTES);
    const { appeal, files, labelTokens } = await readAppealRequest(request, upload);
    const parseMs = performance.now() - started;
    Object.assign(context, { stage: 'bundle', imei: appeal.imei, locale: appeal.locale });
    // Image and PDF work waits for a slot in the machine-sized queue; over capacity → 503 + Retry-After.
    // The box label's IMEIs come from the evidence check's signed tokens, or are read from the
    // embedded box photo while the other files are still being worked on, so the fact table can
    // say whether each IMEI matches. A token also vouches that the check decoded its photo whole.
    const appealImeis = [appeal.imei, appeal.imei2].filter(Boolean);
    const bundle = await withAppealCapacity(
      () =>
        buildEvidenceBundle({
          appeal,
          files,
          readBoxLabelImeis: (photos) => readBoxLabelImeisForBundle(photos, appealImeis, labelTokens),
          decodedWhole: (sha256) => vouchedReading(labelTokens, sha256) !== null,
        }),
      request.signal,
    );
    // The bytes as they are: a Blob would copy them, then read them back in chunks. No
    // Content-Length: Next.js drops it from route handlers' answers and streams them chunked.
    return new Response(bundle.pdf as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachmentDisposition(bundle.fileName),
        'Cache-Control': 'no-store',
        'X-Request-Id': requestId,
        'Server-Timing': serverTiming({ parse: parseMs, images: bundle.timings.imagesMs, labels: bundle.timings.labelsWaitMs, pdf: bundle.timings.pdfMs }),
      },
    });
  } catch (error) {
    return errorResponse(error, requestId, context);
  } finally {
    // The PDF is in the answer; the upload's bytes are no longer needed, whatever happened.
    upload?.release();
  }
}

// Only POST is served; the others get the contract's 405 rather than an empty one.
export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
