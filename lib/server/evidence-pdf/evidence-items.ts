import 'server-only';

import { KIND_LABEL } from '@/lib/appeal/evidence-kind';
import type { EvidenceKind, EvidenceRole } from '@/lib/appeal/evidence-rules';
import type { ProcessedImage } from '@/lib/server/process-image';
import type { PdfReceipt } from '@/lib/server/read-pdf-receipt';

/** One enclosed file, ready to draw: what the index lists and what its pages show. */
type EvidenceItemBase = {
  role: EvidenceRole;
  /** "Receipt 1 of 2": the caption on its page(s) and its name in the index. */
  caption: string;
  fileName: string;
  kind: EvidenceKind;
  byteLength: number;
  /** SHA-256 of the bytes as uploaded, so support can tell nothing was swapped. */
  sha256: string;
};

export type ImageEvidence = EvidenceItemBase & { image: ProcessedImage };
export type PdfEvidence = EvidenceItemBase & { kind: 'pdf'; receipt: PdfReceipt };
export type EvidenceItem = ImageEvidence | PdfEvidence;

export function isPdfEvidence(item: EvidenceItem): item is PdfEvidence {
  return item.kind === 'pdf';
}

const ROLE_LABEL: Record<EvidenceRole, string> = {
  boxPhoto: 'Box label',
  receipt: 'Receipt',
  extra: 'Other evidence',
};

/**
 * A second-hand buyer without the first buyer's receipt puts the record of their own purchase
 * under "Receipt": the listing, the chat, the payment to the seller (receiptZoneHoldsSaleRecord).
 * "Receipt" above a chat, under the fact "First buyer's receipt: not available", read as a
 * contradiction to support. A used-phone shop's receipt, or the first buyer's, stays "Receipt".
 */
const SALE_RECORD_LABEL = 'Purchase record';

/**
 * "Box label", or "Receipt 1 of 2" when a role has several files. Captions name the zone a file
 * was added to, or for a sale record what it is, and nothing more: only the letter, from the
 * user's answers, tells the rest of the chain.
 */
export function evidenceCaption(role: EvidenceRole, position: number, count: number, { saleRecord = false }: { saleRecord?: boolean } = {}): string {
  const label = role === 'receipt' && saleRecord ? SALE_RECORD_LABEL : ROLE_LABEL[role];
  return count > 1 ? `${label} ${position} of ${count}` : label;
}

/** The file-name endings that name each kind, for telling a name from what was sent. */
const KIND_EXTENSIONS: Record<EvidenceKind, readonly string[]> = {
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png'],
  webp: ['webp'],
  avif: ['avif'],
  heic: ['heic', 'heif', 'hif'],
  pdf: ['pdf'],
};

/**
 * How the PDF names what was sent, beside the user's own file name: "JPEG", or "sent as JPEG" when
 * the name says another kind. The browser keeps the user's name for a photo it sends as a JPEG
 * (shot.avif, transparent.png), and "shot.avif · JPEG" would read as a mistake. A name without a
 * known ending (IMG_1234) gets the plain kind.
 */
export function kindLabel(fileName: string, kind: EvidenceKind): string {
  const ending = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const named = ending === undefined ? undefined : (Object.keys(KIND_EXTENSIONS) as EvidenceKind[]).find((k) => KIND_EXTENSIONS[k].includes(ending));
  return named !== undefined && named !== kind ? `sent as ${KIND_LABEL[kind]}` : KIND_LABEL[kind];
}
