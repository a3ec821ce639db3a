import 'server-only';

import { createHash } from 'node:crypto';

import { countEvidence, EVIDENCE_RULES, inEvidenceOrder, MAX_PDF_EVIDENCE_BYTES, receiptZoneHoldsSaleRecord, type EvidenceCounts, type EvidenceKind, type EvidenceRole } from '@/lib/appeal/evidence-rules';
import { bundleFileName } from '@/lib/appeal/file-name';
import { composeAppealLetter } from '@/lib/appeal/letter';
import type { TAppeal } from '@/lib/appeal/schema';
import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { AppError, fileError, onFileField } from '@/lib/server/app-error';
import { buildEvidencePdf } from '@/lib/server/evidence-pdf/build-evidence-pdf';
import { evidenceCaption, type EvidenceItem } from '@/lib/server/evidence-pdf/evidence-items';
import { buildFactRows, type FactRow } from '@/lib/server/evidence-pdf/fact-rows';
import type { UploadedFile } from '@/lib/server/multipart';
import { EVIDENCE_IMAGE_ENCODING, processImage, type ImageEncoding } from '@/lib/server/process-image';
import { readPdfReceipt } from '@/lib/server/read-pdf-receipt';
import { sniffEvidenceKind } from '@/lib/appeal/evidence-kind';

/** Mail services take 25 MB at most; a bundle stays far below, whatever is uploaded. */
export const MAX_BUNDLE_BYTES = 10 * 1024 * 1024;
/** Letter, tables, fonts and PDF structure, generously. */
const SUMMARY_ALLOWANCE_BYTES = 300 * 1024;
/** Smaller, softer re-encodings tried in turn when the photos would not fit the bundle. */
const SMALLER_ENCODINGS: readonly ImageEncoding[] = [
  EVIDENCE_IMAGE_ENCODING,
  { maxEdge: 1600, quality: 72 },
  { maxEdge: 1280, quality: 64 },
  { maxEdge: 1000, quality: 55 },
];

export type EvidenceBundleInput = {
  appeal: TAppeal;
  files: readonly UploadedFile[];
  /**
   * Reads the box label's barcodes (evidence assistant), so the facts can say which IMEIs match.
   * Called once with every box photo as re-encoded for the PDF (upright, at most 2000 px: several
   * times cheaper to scan than the 12 MP original) and its original bytes, as soon as those photos
   * are ready, while the other files are still being worked on. The facts are drawn last.
   */
  readBoxLabelImeis?: (photos: readonly BoxPhoto[]) => Promise<readonly string[]>;
  /**
   * Whether the upload with this SHA-256 is known to decode whole (the evidence check decoded it
   * and signed it): a photo prepared to the evidence spec is then embedded without decoding it
   * again. Unknown photos are proven here.
   */
  decodedWhole?: (sha256: string) => boolean;
};

/** A box photo as embedded, its upload, and the upload's SHA-256 (what a label token is signed over). */
export type BoxPhoto = { processed: Uint8Array; original: Uint8Array; sha256: string };

export type EvidenceBundle = {
  pdf: Uint8Array;
  fileName: string;
  /** Photos and PDFs prepared; waiting for the box-label barcodes after that; drawing and saving the PDF. */
  timings: { imagesMs: number; labelsWaitMs: number; pdfMs: number };
};

type SniffedFile = UploadedFile & { kind: EvidenceKind; sha256: string; caption: string };

/**
 * Decides each file's kind by content and refuses kinds its role does not take (415, naming it).
 * The files come back in the PDF's order (role, then arrival), whatever order the client sent.
 */
function sniffFiles(uploaded: readonly UploadedFile[], perRole: EvidenceCounts, saleRecord: boolean): SniffedFile[] {
  const files = inEvidenceOrder(uploaded);
  const seen: Record<EvidenceRole, number> = { boxPhoto: 0, receipt: 0, extra: 0 };
  return files.map((file) => {
    seen[file.role] += 1;
    const caption = evidenceCaption(file.role, seen[file.role], perRole[file.role], { saleRecord });
    const kind = sniffEvidenceKind(file.bytes);
    if (!kind || !EVIDENCE_RULES[file.role].kinds.includes(kind)) {
      // Only the box label refuses PDFs, and saying where a PDF does go helps more than "unsupported".
      const key = kind === 'pdf' ? 'file.pdfNotBoxPhoto' : 'file.unsupportedType';
      throw fileError('unsupported-file-type', msg(key, { file: file.name }), file.role);
    }
    return { ...file, kind, caption, sha256: createHash('sha256').update(file.bytes).digest('hex') };
  });
}

function checkPdfShare(files: readonly SniffedFile[]): void {
  const pdfs = files.filter((file) => file.kind === 'pdf');
  const total = pdfs.reduce((sum, file) => sum + file.bytes.length, 0);
  if (total <= MAX_PDF_EVIDENCE_BYTES) return;
  const largest = pdfs.reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a));
  throw fileError('file-too-large', msg('file.pdfShareTooLarge', { file: largest.name, maxMb: MAX_PDF_EVIDENCE_BYTES / 1024 / 1024 }), largest.role);
}

/**
 * Images re-encoded in parallel (sharp works on libuv's thread pool), PDFs parsed alongside. One
 * promise per file, so a caller can act on some files before all are done.
 */
function prepareItems(files: readonly SniffedFile[], encoding: ImageEncoding, input: EvidenceBundleInput): Promise<EvidenceItem>[] {
  return files.map(async ({ role, name, bytes, kind, sha256, caption }): Promise<EvidenceItem> => {
    const base = { role, caption, fileName: name, byteLength: bytes.length, sha256 };
    try {
      if (kind === 'pdf') return { ...base, kind, receipt: await readPdfReceipt(bytes, name) };
      const decodedWhole = input.decodedWhole?.(sha256) ?? false;
      return { ...base, kind, image: await processImage(bytes, kind, name, { encoding, decodedWhole }) };
    } catch (error) {
      throw onFileField(error, role);
    }
  });
}

/** Starts the box-label reading as soon as the box photos are ready. Never rejects: notes are a bonus. */
function readLabelsWhenBoxPhotosReady(
  files: readonly SniffedFile[],
  pending: readonly Promise<EvidenceItem>[],
  input: EvidenceBundleInput,
): Promise<readonly string[] | undefined> {
  const { readBoxLabelImeis } = input;
  if (!readBoxLabelImeis) return Promise.resolve(undefined);
  const boxPhotos = files.flatMap((file, index) =>
    file.role === 'boxPhoto' && pending[index] ? [pending[index].then((item) => ({ item, original: file.bytes, sha256: file.sha256 }))] : [],
  );
  return Promise.all(boxPhotos)
    .then((ready) =>
      readBoxLabelImeis(ready.flatMap(({ item, original, sha256 }) => ('image' in item ? [{ processed: item.image.jpeg, original, sha256 }] : []))),
    )
    .catch(() => undefined);
}

function estimatedBytes(items: readonly EvidenceItem[]): number {
  return items.reduce((sum, item) => sum + ('image' in item ? item.image.jpeg.length : item.byteLength), SUMMARY_ALLOWANCE_BYTES);
}

/**
 * The whole bundle for one appeal: sniff, hash, re-encode photos, open PDF receipts, compose the
 * letter and facts, draw the PDF. If the result would pass MAX_BUNDLE_BYTES the photos are
 * re-encoded smaller and softer until it fits. Throws AppError for anything the user can fix.
 */
export async function buildEvidenceBundle(input: EvidenceBundleInput): Promise<EvidenceBundle> {
  const started = performance.now();
  const enclosed = countEvidence(input.files);
  const files = sniffFiles(input.files, enclosed, receiptZoneHoldsSaleRecord(input.appeal));
  checkPdfShare(files);
  let boxLabelImeis: Promise<readonly string[] | undefined> | undefined;
  const letter = composeAppealLetter(input.appeal, { caseReference: input.appeal.caseReference, enclosed }).sections;

  let facts: FactRow[] | undefined;
  let imagesMs = 0;
  let labelsWaitMs = 0;
  let pdfMs = 0;
  for (const [step, encoding] of SMALLER_ENCODINGS.entries()) {
    const imagesStarted = performance.now();
    const pending = prepareItems(files, encoding, input);
    boxLabelImeis ??= readLabelsWhenBoxPhotosReady(files, pending, input);
    const items = await Promise.all(pending);
    const isLastStep = step === SMALLER_ENCODINGS.length - 1;
    imagesMs += performance.now() - imagesStarted;
    if (estimatedBytes(items) > MAX_BUNDLE_BYTES && !isLastStep) continue;

    if (!facts) {
      const waitStarted = performance.now();
      facts = buildFactRows(input.appeal, { boxLabelImeis: await boxLabelImeis, files: enclosed });
      labelsWaitMs = performance.now() - waitStarted;
    }
    const pdfStarted = performance.now();
    const pdf = await buildEvidencePdf({ appeal: input.appeal, letter, facts, items });
    pdfMs += performance.now() - pdfStarted;
    if (pdf.length > MAX_BUNDLE_BYTES && !isLastStep) continue;
    if (pdf.length > MAX_BUNDLE_BYTES) break;
    return { pdf, fileName: bundleFileName(input.appeal), timings: { imagesMs, labelsWaitMs, pdfMs } };
  }
  throw new AppError('request-too-large', msg('request.bundleTooLarge', { maxMb: MAX_BUNDLE_BYTES / 1024 / 1024 }), {
    cause: new Error(`bundle over ${MAX_BUNDLE_BYTES} bytes after ${Math.round(performance.now() - started)} ms`),
  });
}
