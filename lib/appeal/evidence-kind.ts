import type { EvidenceKind } from '@/lib/appeal/evidence-rules';

/**
 * HEIF major brands the server's decoder (heic-decode, libheif) takes: still images (heic, heix,
 * mif1) and image sequences (hevc, hevx, msf1), whose primary still it decodes. heic-decode
 * refuses every other brand (heim, heis among them) before decoding, so they are refused here.
 */
const HEIC_BRANDS: ReadonlySet<string> = new Set(['heic', 'heix', 'mif1', 'hevc', 'hevx', 'msf1']);
const AVIF_BRANDS: ReadonlySet<string> = new Set(['avif', 'avis']);

/** How many leading bytes the judgement needs: read at least this many. */
export const EVIDENCE_HEAD_BYTES = 16;

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/**
 * What a file really is, from its first bytes (magic numbers), never from its name or the type
 * the browser declared: a web page saved as `photo.jpg` stays a web page. The form calls it on a
 * chosen file (refusing at once instead of after a long upload) and the server on what arrived,
 * so both accept exactly the same files.
 */
export function sniffEvidenceKind(head: Uint8Array): EvidenceKind | null {
  // 0xF7 after the marker is JPEG-LS, which the image decoder cannot read.
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff && head[3] !== 0xf7) return 'jpeg';
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

/** How the evidence index names each kind. */
export const KIND_LABEL: Record<EvidenceKind, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  avif: 'AVIF',
  heic: 'HEIC',
  pdf: 'PDF',
};
