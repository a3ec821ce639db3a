import { EVIDENCE_HEAD_BYTES, sniffEvidenceKind } from '@/lib/appeal/evidence-kind';
import { EVIDENCE_RULES, MAX_FILE_BYTES, type EvidenceKind, type EvidenceRole } from '@/lib/appeal/evidence-rules';
import { pdfStructureProblem } from '@/lib/appeal/pdf-structure';

/**
 * Photos the browser shrinks to the evidence spec before the upload may be larger than the upload
 * limit, as long as what is sent is not: a 50 MP or 108 MP phone camera (Xiaomi's own among them)
 * writes JPEGs of 25–40 MB, and their 2000 px copy is well under 1 MB. Beyond this the browser
 * is not asked to decode them (hundreds of MB of pixels on a phone).
 */
export const MAX_SHRINKABLE_PHOTO_BYTES = 100 * 1024 * 1024;
/** Kinds the browser may shrink (AVIF only where it decodes it; see shrinkPhoto). */
const SHRINKABLE: readonly EvidenceKind[] = ['jpeg', 'png', 'webp', 'avif'];

export type FileCheck =
  | { ok: true; kind: EvidenceKind }
  | { ok: false; problem: 'empty' | 'tooLarge' | 'notAccepted' | 'pdfNotHere' | 'unreadable' | 'pdfEncrypted' | 'pdfMalformed' };

/**
 * Type and size of one chosen file, checked before anything is uploaded. A photo over the upload
 * limit passes here when the browser may shrink it; what is sent is checked again once prepared.
 * A PDF (at most MAX_FILE_BYTES by then) is read whole and scanned as the server scans it first
 * (pdfStructureProblem): one cut short or encrypted is refused now, not after the whole upload.
 */
export async function checkEvidenceFile(file: Blob, role: EvidenceRole): Promise<FileCheck> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_SHRINKABLE_PHOTO_BYTES) return { ok: false, problem: 'tooLarge' };
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, EVIDENCE_HEAD_BYTES).arrayBuffer());
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const kind = sniffEvidenceKind(head);
  if (kind === null) return { ok: false, problem: 'notAccepted' };
  if (!EVIDENCE_RULES[role].kinds.includes(kind)) return { ok: false, problem: kind === 'pdf' ? 'pdfNotHere' : 'notAccepted' };
  if (file.size > MAX_FILE_BYTES && !SHRINKABLE.includes(kind)) return { ok: false, problem: 'tooLarge' };
  if (kind === 'pdf') {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return { ok: false, problem: 'unreadable' };
    }
    const problem = pdfStructureProblem(bytes);
    if (problem) return { ok: false, problem: problem === 'encrypted' ? 'pdfEncrypted' : 'pdfMalformed' };
  }
  return { ok: true, kind };
}
