/**
 * What evidence an appeal carries and the limits on it. Shared by the form (to refuse a file at
 * once, with the same words) and the server (which decides by content, never by name or declared
 * type). Pure data: no server-only code here.
 */

export const EVIDENCE_ROLES = ['boxPhoto', 'receipt', 'extra'] as const;
export type EvidenceRole = (typeof EVIDENCE_ROLES)[number];

/**
 * Evidence in the PDF's order: box label first, then receipts, then the rest; within a role the
 * order given (the order the user added them), never the order their preparation finished.
 * Array.prototype.sort is stable, so equal roles keep their relative order.
 */
export function inEvidenceOrder<T extends { role: EvidenceRole }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => EVIDENCE_ROLES.indexOf(a.role) - EVIDENCE_ROLES.indexOf(b.role));
}

/** How many files an appeal carries in each role: all the letter and the PDF may call enclosed. */
export type EvidenceCounts = Readonly<Record<EvidenceRole, number>>;

export function countEvidence(files: readonly { role: EvidenceRole }[]): EvidenceCounts {
  const counts: Record<EvidenceRole, number> = { boxPhoto: 0, receipt: 0, extra: 0 };
  for (const file of files) counts[file.role] += 1;
  return counts;
}

/**
 * A second-hand buyer's answer about the first buyer's receipt, held against the files: "yes, I
 * have it" stands as "enclosed" only when a receipt is. The letter, the PDF's facts and the review
 * step's grading all ask this, so it is decided here once.
 */
export function firstBuyerReceiptAnswer(answer: 'yes' | 'no', files: EvidenceCounts): 'yes' | 'yesNotEnclosed' | 'no' {
  return answer === 'yes' && files.receipt === 0 ? 'yesNotEnclosed' : answer;
}

/** The purchase answers that decide what the files under "Receipt" are (schema values, or a draft's text). */
export type ReceiptZoneAnswers = { purchaseChannel: string; saleVenue: string; firstBuyerReceipt: string };

/**
 * Whether the files under "Receipt" are the record of a second-hand sale (the listing, the chat,
 * the payment to the seller, a note of the handover) rather than a receipt: the purchase step
 * sends that record there when the first buyer's receipt is not at hand, and calling a chat "the
 * receipt" tells support something false. A shop selling used phones gives a receipt of its own,
 * and a buyer who has the first buyer's receipt adds it there. A venue not given counts as a
 * private sale: "the record of my purchase" is true of a receipt too, "the receipt" is false of a
 * chat. The letter, the PDF, the form and the service-centre checklist all ask this.
 */
export function receiptZoneHoldsSaleRecord(answers: ReceiptZoneAnswers): boolean {
  return answers.purchaseChannel === 'second-hand' && answers.saleVenue !== 'shop' && answers.firstBuyerReceipt !== 'yes';
}

/**
 * What the user ticked as shown on the receipt, held against the files and the purchase answers:
 * the ticks describe a receipt only while one is enclosed, and never a second-hand sale record
 * (the form asks them only of a receipt). The draft keeps them (a receipt removed and added again
 * loses nothing), but the form, the upload, the server, the letter and the PDF use only what this
 * returns, so no answer about a receipt that is not there reaches support.
 */
export function receiptFactsInForce<T>(receiptShows: readonly T[], files: EvidenceCounts, answers: ReceiptZoneAnswers): T[] {
  return files.receipt > 0 && !receiptZoneHoldsSaleRecord(answers) ? [...receiptShows] : [];
}

/** File kinds decided from the bytes (magic numbers) on the server. */
const IMAGE_KINDS = ['jpeg', 'png', 'webp', 'avif', 'heic'] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];
export type EvidenceKind = ImageKind | 'pdf';

/**
 * No role is required on its own: Xiaomi asks for "any information" that shows a legal purchase
 * (domain notes, "What Xiaomi accepts as proof"), so an owner without the box or without a receipt
 * can still appeal, for instance with the lock code and a photo of the lock screen. The review step
 * and the PDF say what is missing and how much that weakens the appeal.
 */
export const EVIDENCE_RULES: Record<EvidenceRole, { max: number; kinds: readonly EvidenceKind[] }> = {
  boxPhoto: { max: 3, kinds: IMAGE_KINDS },
  receipt: { max: 4, kinds: [...IMAGE_KINDS, 'pdf'] },
  extra: { max: 8, kinds: [...IMAGE_KINDS, 'pdf'] },
};

/**
 * How every evidence photo ends up in the PDF, and exactly what the browser prepares before the
 * upload so that the server can embed it as it is (one lossy step, not two): upright, long edge
 * at most 2000 px (8-pt receipt print stays legible on an A4 page, about 240 dpi), baseline JPEG
 * at quality 80 (clean text edges; a 12 MP photo lands around 300–500 KB), no metadata. A long
 * image is sized by evidencePixelSize instead.
 */
export const EVIDENCE_PHOTO = { maxEdge: 2000, quality: 80 } as const;

/**
 * A long image: a phone's scrolling screenshot of an order page (1080 × 5000 px and more). Shrunk
 * by its long edge it would keep a third of its width, and its text, 4-pt on the page, could not
 * be read; it keeps its width instead and the PDF spreads it over pages. A phone's plain
 * screenshot (1080 × 2400, 2.2:1) is not long: it fits one page legibly.
 */
export const LONG_IMAGE_RATIO = 2.5;
/** A long image's short edge at most (of the long edge allowed a photo): 1200 px at the spec, a phone screen's width. */
const LONG_IMAGE_SHORT_EDGE_SHARE = 0.6;
/** A long image's long edge at most (times a photo's): 12,000 px at the spec, about eight pages. */
const LONG_IMAGE_LONG_EDGE_FACTOR = 6;

export type PixelSize = { width: number; height: number };

/**
 * The size an evidence image is kept at, for a photo of `width` × `height` (upright) and a long
 * edge of `maxEdge` (EVIDENCE_PHOTO's, or a smaller one when a bundle must shrink): never
 * enlarged; a photo's long edge within `maxEdge`; a long image's short edge within 0.6 × `maxEdge`
 * and its long edge within 6 × `maxEdge`. The browser and the server size by this one rule.
 */
export function evidencePixelSize(width: number, height: number, maxEdge: number = EVIDENCE_PHOTO.maxEdge): PixelSize {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const scale =
    long > LONG_IMAGE_RATIO * short
      ? Math.min(1, (LONG_IMAGE_SHORT_EDGE_SHARE * maxEdge) / short, (LONG_IMAGE_LONG_EDGE_FACTOR * maxEdge) / long)
      : Math.min(1, maxEdge / long);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** An appeal carries at least this many files, in any role. */
export const MIN_EVIDENCE_FILES = 1;

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_REQUEST_BYTES = 60 * 1024 * 1024;
export const MAX_FILES = 15;
/**
 * What all PDF files of an appeal may take together: they go into the evidence PDF as they are
 * (photos are made smaller), and that must stay small enough to mail (10 MB with the rest).
 */
export const MAX_PDF_EVIDENCE_BYTES = 7 * 1024 * 1024;
/** Pages taken from one PDF receipt; longer documents are refused rather than truncated. */
export const MAX_PDF_PAGES = 20;
/**
 * Images above this many pixels are refused before decoding. PNG, WebP and AVIF are decoded at full
 * size before they are shrunk, so they stop at 100 MP (no phone camera writes them larger).
 */
export const MAX_IMAGE_PIXELS = 100_000_000;
/**
 * JPEG's own limit: phones with a 200 MP sensor (Redmi Note 13 Pro, Xiaomi 12T Pro: 16320 × 12240,
 * 199.8 MP) write JPEGs this large in their 200 MP mode, and a baseline JPEG is decoded at 1/4 or
 * 1/8 of its size on load (libjpeg's DCT scaling), so its cost follows the file's bytes, not its
 * pixels: a 21 MB 200 MP photo with EXIF orientation 6 took 0.4 s CPU and under 150 MB peak RSS
 * (node included) to become evidence, measured. 16384 × 16384, the largest a WebP may be and
 * sharp's own default limit. A progressive JPEG is held to the budget for whole decodes as well
 * (lib/server/process-image.ts).
 */
export const MAX_JPEG_PIXELS = 16_384 * 16_384;

/**
 * MIME types and extensions the browser's file picker offers. Only a hint for the picker: the
 * server sniffs the content. HEIC is listed because iPhones hand it over as-is.
 */
export const ACCEPT_ATTRIBUTE: Record<EvidenceRole, string> = {
  boxPhoto: 'image/jpeg,image/png,image/webp,image/avif,image/heic,image/heif,.heic,.heif',
  receipt: 'image/jpeg,image/png,image/webp,image/avif,image/heic,image/heif,.heic,.heif,application/pdf',
  extra: 'image/jpeg,image/png,image/webp,image/avif,image/heic,image/heif,.heic,.heif,application/pdf',
};
