import 'server-only';

import { degrees, type PDFDocument, type PDFEmbeddedPage, type PDFImage, type PDFPage } from 'pdf-lib';

import { KIND_LABEL } from '@/lib/appeal/evidence-kind';
import type { ImageEvidence, PdfEvidence } from '@/lib/server/evidence-pdf/evidence-items';
import type { EvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import { A4, COLOR, CONTENT_WIDTH, EVIDENCE_PAGE, FONT_SIZE, LEADING, MARGIN } from '@/lib/server/evidence-pdf/geometry';
import { normalizeForPdf, wrapText } from '@/lib/server/evidence-pdf/wrap-text';
import type { QuarterTurn } from '@/lib/server/evidence-pdf/receipt-page-view';

export type Box = { x: number; y: number; width: number; height: number };

/**
 * Caption at the top of an evidence page: bold title, then the original file name in grey.
 * Returns the box left for the evidence itself (pdf-lib's origin is bottom-left: the box's y is
 * its lower edge).
 */
function drawCaption(page: PDFPage, title: string, detail: string, fonts: EvidenceFonts): Box {
  let y = A4.height - MARGIN.top;
  fonts.bold.draw(page, title, { x: MARGIN.left, y: y - FONT_SIZE.caption, size: FONT_SIZE.caption, color: COLOR.text });
  y -= FONT_SIZE.caption * LEADING;
  for (const line of wrapText(detail, fonts.regular, FONT_SIZE.small, CONTENT_WIDTH)) {
    fonts.regular.draw(page, normalizeForPdf(line), { x: MARGIN.left, y: y - FONT_SIZE.small, size: FONT_SIZE.small, color: COLOR.muted });
    y -= FONT_SIZE.small * LEADING;
  }
  y -= EVIDENCE_PAGE.captionGap;
  return { x: MARGIN.left, y: MARGIN.bottom, width: CONTENT_WIDTH, height: y - MARGIN.bottom };
}

/** The largest size with the given aspect ratio that fits the box, centred at its top. */
function fitTopCentre(width: number, height: number, box: Box): Box {
  const scale = Math.min(box.width / width, box.height / height);
  const w = width * scale;
  const h = height * scale;
  return { x: box.x + (box.width - w) / 2, y: box.y + box.height - h, width: w, height: h };
}

function drawFrame(page: PDFPage, box: Box): void {
  page.drawRectangle({ ...box, borderColor: COLOR.rule, borderWidth: EVIDENCE_PAGE.frameWidth });
}

/** One page per photo: caption, then the upright, re-encoded image as large as the page allows. */
export function drawImagePage(document: PDFDocument, item: ImageEvidence, embedded: PDFImage, fonts: EvidenceFonts): void {
  const page = document.addPage([A4.width, A4.height]);
  const detail = `${item.fileName} · ${KIND_LABEL[item.kind]} · ${item.image.sourceWidth} × ${item.image.sourceHeight} px`;
  const box = fitTopCentre(item.image.width, item.image.height, drawCaption(page, item.caption, detail, fonts));
  page.drawImage(embedded, box);
  drawFrame(page, box);
}

/** A receipt page embedded as its visible area, with the turn a reader gives it (receipt-page-view.ts). */
export type TurnedPage = { embedded: PDFEmbeddedPage; rotation: QuarterTurn };

/**
 * Where pdf-lib must draw an embedded page, turned clockwise by `rotation` about its lower-left
 * corner, so that it fills `box` once turned: a turn moves that corner to another corner of the box.
 */
export function turnedPlacement(box: Box, rotation: QuarterTurn): Box & { rotate: ReturnType<typeof degrees> } {
  const quarter = rotation === 90 || rotation === 270;
  const width = quarter ? box.height : box.width;
  const height = quarter ? box.width : box.height;
  const x = rotation === 180 || rotation === 270 ? box.x + box.width : box.x;
  const y = rotation === 90 || rotation === 180 ? box.y + box.height : box.y;
  return { x, y, width, height, rotate: degrees(-rotation) };
}

/** Each page of a PDF receipt on its own page, upright as readers show it, under a caption naming its source. */
export function drawPdfPages(document: PDFDocument, item: PdfEvidence, pages: readonly TurnedPage[], fonts: EvidenceFonts): void {
  pages.forEach(({ embedded, rotation }, index) => {
    const page = document.addPage([A4.width, A4.height]);
    const detail = `${item.fileName} · page ${index + 1} of ${pages.length}`;
    const quarter = rotation === 90 || rotation === 270;
    const [shownWidth, shownHeight] = quarter ? [embedded.height, embedded.width] : [embedded.width, embedded.height];
    const box = fitTopCentre(shownWidth, shownHeight, drawCaption(page, item.caption, detail, fonts));
    page.drawPage(embedded, turnedPlacement(box, rotation));
    drawFrame(page, box);
  });
}
