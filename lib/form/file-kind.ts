import { EVIDENCE_RULES, MAX_FILE_BYTES, type EvidenceKind, type EvidenceRole } from '@/lib/appeal/evidence-rules';

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/**
 * The kind of a file judged by its first bytes, as the server will judge it. A web page saved as
 * `photo.jpg` is caught here, at once, instead of after a long upload.
 */
export function sniffEvidenceKind(head: Uint8Array): EvidenceKind | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (AVIF_BRANDS.has(brand)) return 'avif';
    if (HEIC_BRANDS.has(brand)) return 'heic';
  }
  return null;
}

export type FileCheck =
  | { ok: true; kind: EvidenceKind }
  | { ok: false; problem: 'empty' | 'tooLarge' | 'notAccepted' | 'pdfNotHere' | 'unreadable' };

/** Type and size of one chosen file, checked before anything is uploaded. */
export async function checkEvidenceFile(file: Blob, role: EvidenceRole): Promise<FileCheck> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, 32).arrayBuffer());
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const kind = sniffEvidenceKind(head);
  if (kind === null) return { ok: false, problem: 'notAccepted' };
  if (!EVIDENCE_RULES[role].kinds.includes(kind)) return { ok: false, problem: kind === 'pdf' ? 'pdfNotHere' : 'notAccepted' };
  return { ok: true, kind };
}
