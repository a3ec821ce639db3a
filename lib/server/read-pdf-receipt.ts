import 'server-only';

import { ParseSpeeds, PDFDocument } from 'pdf-lib';

import { MAX_PDF_PAGES } from '@/lib/appeal/evidence-rules';
import { pdfStructureProblem } from '@/lib/appeal/pdf-structure';
import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { AppError } from '@/lib/server/app-error';
import { checkNestingDepth, checkPageContents, compressedStructureProblem, countPages } from '@/lib/server/pdf-receipt-structure';
import { stripActiveContent } from '@/lib/server/strip-active-content';

/** A malformed PDF can keep pdf-lib's parser busy for minutes (pdf-lib issue 95): give up sooner. */
const PDF_PARSE_DEADLINE_MS = 4000;

export type PdfReceipt = { document: PDFDocument; pageCount: number };

const malformed = (file: string, cause?: unknown) => new AppError('unreadable-file', msg('file.pdfMalformed', { file }), { cause });
const encrypted = (file: string) => new AppError('unreadable-file', msg('file.pdfEncrypted', { file }));

class ParseDeadlineError extends Error {}

/**
 * Parses with a deadline. pdf-lib cannot be cancelled, so the parser yields to the event loop now
 * and then (ParseSpeeds.Fast) and, at the deadline, its input buffer is detached: every later read
 * comes back empty and the parse ends with an error instead of running on in the background.
 */
async function loadWithDeadline(bytes: Uint8Array, deadlineMs: number): Promise<PDFDocument> {
  const own = new Uint8Array(bytes); // a private copy whose buffer may be detached
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      structuredClone(own.buffer, { transfer: [own.buffer] });
      reject(new ParseDeadlineError(`PDF parse exceeded ${deadlineMs} ms`));
    }, deadlineMs);
  });
  // Encryption is checked on the parsed document: pdf-lib's own error class fails `instanceof`.
  const parse = PDFDocument.load(own, { parseSpeed: ParseSpeeds.Fast, updateMetadata: false, ignoreEncryption: true });
  parse.catch(() => {}); // after the deadline its rejection has nobody to tell
  try {
    return await Promise.race([parse, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens a PDF receipt whose pages will join the bundle. First the byte scan the form also makes
 * when the PDF is added (pdfStructureProblem), so that the form never refuses what is accepted
 * here, and a file it let through is refused here for the same reasons in the same words: one cut
 * short (pdf-lib would draw the pages it lost as blank) or encrypted. Encrypted files are refused
 * (pdf-lib can only copy blank pages from them); unparsable or empty ones too. More than MAX_PDF_PAGES pages is
 * a 413 rather than a silent cut: a receipt that long is not a receipt, and truncating evidence
 * would change what the user meant to send. Scripts, actions, embedded files and metadata are
 * stripped here, so only what draws the pages can reach the bundle.
 */
export async function readPdfReceipt(bytes: Uint8Array, file: string, deadlineMs = PDF_PARSE_DEADLINE_MS): Promise<PdfReceipt> {
  const scanned = pdfStructureProblem(bytes);
  if (scanned === 'encrypted') throw encrypted(file);
  if (scanned === 'malformed') throw malformed(file, new Error('no %PDF- header or no %%EOF near the end'));
  const problem = compressedStructureProblem(bytes);
  if (problem) throw malformed(file, new Error(problem));
  let document: PDFDocument;
  try {
    document = await loadWithDeadline(bytes, deadlineMs);
  } catch (cause) {
    throw malformed(file, cause);
  }
  if (document.isEncrypted) throw encrypted(file);
  let pageCount: number;
  try {
    // Counted with a limit before pdf-lib lists the pages (see countPages).
    pageCount = countPages(document, MAX_PDF_PAGES);
  } catch (cause) {
    throw malformed(file, cause);
  }
  if (pageCount === 0) throw malformed(file);
  if (pageCount > MAX_PDF_PAGES) {
    throw new AppError('file-too-large', msg('file.pdfTooManyPages', { file, max: MAX_PDF_PAGES }));
  }
  try {
    stripActiveContent(document);
    checkPageContents(document);
    checkNestingDepth(document);
  } catch (cause) {
    throw malformed(file, cause);
  }
  return { document, pageCount };
}
