import { randomUUID } from 'node:crypto';

import { buildEvidenceBundle } from '@/lib/server/build-evidence-bundle';
import { attachmentDisposition } from '@/lib/server/content-disposition';
import { errorResponse, type FailureContext } from '@/lib/server/error-response';
import { readAppealRequest } from '@/lib/server/read-appeal-request';
import { withAppealCapacity } from '@/lib/server/work-queue';

// sharp and the multipart parser need Node; every request is new work, never cached.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/appeal: multipart form → evidence PDF (contract in README). */
export async function POST(request: Request): Promise<Response> {
  const requestId = randomUUID();
  const context: FailureContext = { stage: 'parse' };
  try {
    const { appeal, files } = await readAppealRequest(request);
    Object.assign(context, { stage: 'bundle', imei: appeal.imei, locale: appeal.locale });
    // Image and PDF work waits for a slot in the machine-sized queue; over capacity → 503 + Retry-After.
    const bundle = await withAppealCapacity(() => buildEvidenceBundle({ appeal, files }), request.signal);
    return new Response(new Blob([bundle.pdf as Uint8Array<ArrayBuffer>]), {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachmentDisposition(bundle.fileName),
        'Content-Length': String(bundle.pdf.byteLength),
        'Cache-Control': 'no-store',
        'X-Request-Id': requestId,
      },
    });
  } catch (error) {
    return errorResponse(error, requestId, context);
  }
}
