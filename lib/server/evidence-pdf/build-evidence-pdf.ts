import 'server-only';

import { PDFDocument } from 'pdf-lib';

import type { TAppeal } from '@/lib/appeal/schema';
import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { fileError } from '@/lib/server/app-error';
import { drawEvidenceIndex } from '@/lib/server/evidence-pdf/draw-evidence-index';
import { drawImagePages, drawPdfPages } from '@/lib/server/evidence-pdf/draw-evidence-pages';
import { drawFactTable } from '@/lib/server/evidence-pdf/draw-fact-table';
import { drawLetter, type LetterSection } from '@/lib/server/evidence-pdf/draw-letter';
import { drawFooters, drawSectionHeading, drawTitle } from '@/lib/server/evidence-pdf/draw-page-furniture';
import { isPdfEvidence, type EvidenceItem, type ImageEvidence } from '@/lib/server/evidence-pdf/evidence-items';
import type { FactRow } from '@/lib/server/evidence-pdf/fact-rows';
import { coverageFor, embedEvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import { PageFlow } from '@/lib/server/evidence-pdf/page-flow';
import { receiptPageView } from '@/lib/server/evidence-pdf/receipt-page-view';
import { savePdf } from '@/lib/server/evidence-pdf/save-pdf';
import { drawableFileName } from '@/lib/server/evidence-pdf/text-font';

const PRODUCER = 'Appeal Kit';
const TITLE = 'Mi Account ownership appeal';

export type EvidencePdfInput = {
  appeal: TAppeal;
  letter: readonly LetterSection[];
  facts: readonly FactRow[];
  /** In the order they appear: the index lists them and each gets its page(s). */
  items: readonly EvidenceItem[];
  generatedAt?: Date;
};

/** The summary is in English for support, whatever the user's language. */
const filesIn = (count: number) => (count === 1 ? '1 file' : `${count} files`);

function setMetadata(document: PDFDocument, input: EvidencePdfInput): void {
  const reference = input.appeal.caseReference;
  document.setTitle(reference ? `${TITLE} ${reference}` : TITLE, { showInWindowTitleBar: true });
  document.setSubject(`Proof of ownership of a locked Xiaomi phone: appeal letter, facts and ${filesIn(input.items.length)} enclosed`);
  document.setLanguage('en');
  document.setProducer(PRODUCER);
  document.setCreator(PRODUCER);
  // No author: the owner's name is in the letter where they chose to put it, not in hidden metadata.
}

/** Page 1 onwards: title, fact table, letter and the evidence index, flowing onto more pages as needed. */
function drawSummary(document: PDFDocument, input: EvidencePdfInput, fonts: Awaited<ReturnType<typeof embedEvidenceFonts>>): void {
  const flow = new PageFlow(document);
  const prepared = (input.generatedAt ?? new Date()).toISOString().slice(0, 10);
  const reference = input.appeal.caseReference ? `Case reference ${input.appeal.caseReference} · ` : '';
  drawTitle(flow, TITLE, `${reference}prepared ${prepared} with ${PRODUCER}`, fonts);
  // Facts first: the agent checks them at a glance on page 1; the letter repeats them in prose.
  drawSectionHeading(flow, 'Facts', fonts);
  drawFactTable(flow, input.facts, fonts);
  flow.gap(18);
  drawLetter(flow, input.letter, fonts);
  drawSectionHeading(flow, `Enclosed evidence (${filesIn(input.items.length)})`, fonts);
  drawEvidenceIndex(flow, input.items, fonts);
}

/** Everything the summary and captions may draw, so the fonts its scripts need are embedded (and no others). */
function textOf(input: EvidencePdfInput): string {
  return JSON.stringify([
    input.appeal,
    input.letter,
    input.facts,
    input.items.map((item) => [item.caption, item.fileName]),
  ]);
}

/**
 * The evidence PDF: one document built in memory, fonts embedded once (as subsets), every photo
 * and receipt page after the summary, saved once (compressed by zlib).
 */
export async function buildEvidencePdf(given: EvidencePdfInput): Promise<Uint8Array> {
  // The names are drawn in the index and every caption: an emoji in one is left out, not drawn as "�".
  const faces = await coverageFor(given.items.map((item) => item.fileName).join('\n'));
  const input = { ...given, items: given.items.map((item) => ({ ...item, fileName: drawableFileName(item.fileName, faces) })) };
  const document = await PDFDocument.create();
  setMetadata(document, input);
  const fonts = await embedEvidenceFonts(document, textOf(input));
  drawSummary(document, input, fonts);

  const images = new Map<ImageEvidence, Awaited<ReturnType<PDFDocument['embedJpg']>>>();
  await Promise.all(
    input.items.map(async (item) => {
      if (!isPdfEvidence(item)) images.set(item, await document.embedJpg(item.image.jpeg));
    }),
  );
  for (const [index, item] of input.items.entries()) {
    if (!isPdfEvidence(item)) {
      const embedded = images.get(item);
      if (embedded) drawImagePages(document, item, embedded, fonts);
      continue;
    }
    let pages;
    try {
      const sources = item.receipt.document.getPages();
      const views = sources.map(receiptPageView);
      const embedded = await document.embedPages(sources, views.map((view) => view.box));
      pages = embedded.map((page, index) => ({ embedded: page, rotation: views[index]!.rotation }));
    } catch (cause) {
      // The message names the file as the user knows it, emoji and all (the items are mapped one to one).
      throw fileError('unreadable-file', msg('file.pdfMalformed', { file: given.items[index]!.fileName }), item.role, cause);
    }
    drawPdfPages(document, item, pages, fonts);
  }

  const reference = input.appeal.caseReference;
  drawFooters(document, reference ? `${TITLE} · ${reference}` : TITLE, fonts);
  return savePdf(document);
}
