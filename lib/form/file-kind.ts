import { EVIDENCE_HEAD_BYTES, sniffEvidenceKind } from '@/lib/appeal/evidence-kind';
import { EVIDENCE_RULES, MAX_FILE_BYTES, type EvidenceKind, type EvidenceRole } from '@/lib/appeal/evidence-rules';


export type FileCheck =
  | { ok: true; kind: EvidenceKind }
  | { ok: false; problem: 'empty' | 'tooLarge' | 'notAccepted' | 'pdfNotHere' | 'unreadable' };

/** Type and size of one chosen file, checked before anything is uploaded. */
export async function checkEvidenceFile(file: Blob, role: EvidenceRole): Promise<FileCheck> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, EVIDENCE_HEAD_BYTES).arrayBuffer());
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const kind = sniffEvidenceKind(head);
  if (kind === null) return { ok: false, problem: 'notAccepted' };
  if (!EVIDENCE_RULES[role].kinds.includes(kind)) return { ok: false, problem: kind === 'pdf' ? 'pdfNotHere' : 'notAccepted' };
  return { ok: true, kind };
}
