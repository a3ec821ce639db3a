import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';
import { methodNotAllowed } from '@/lib/server/method-not-allowed';

/** sharp and zxing's WebAssembly need Node; every answer is computed from the upload, never cached. */
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handleEvidenceCheck(request);
}

// Only POST is served; the others get the contract's 405 rather than an empty one.
export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
