import 'server-only';

import { fileTypeFromBuffer } from 'file-type';

import type { EvidenceKind } from '@/lib/appeal/evidence-rules';

/** Detected MIME type → the evidence kinds the pipeline reads. Everything else is refused. */
const KIND_BY_MIME: Record<string, EvidenceKind> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'application/pdf': 'pdf',
};

/**
 * What a file really is, from its first bytes (magic numbers), never from its name or the type
 * the browser declared: a renamed HTML page stays HTML.
 */
export async function sniffEvidenceKind(bytes: Uint8Array): Promise<EvidenceKind | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  return KIND_BY_MIME[detected.mime] ?? null;
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
