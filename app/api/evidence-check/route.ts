import { handleEvidenceCheck } from '@/lib/server/evidence-check/handle-evidence-check';

/** sharp and zxing's WebAssembly need Node; every answer is computed from the upload, never cached. */
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handleEvidenceCheck(request);
}
