import 'server-only';

import type { PDFDocument, PDFEmbeddedPage, PDFImage, PDFPage } from 'pdf-lib';

import { KIND_LABEL } from '@/lib/appeal/evidence-kind';
import type { ImageEvidence, PdfEvidence } from '@/lib/server/evidence-pdf/evidence-items';
import type { EvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import { A4, COLOR, CONTENT_WIDTH, EVIDENCE_PAGE, FONT_SIZE, LEADING, MARGIN } from '@/lib/server/evidence-pdf/geometry';
import { normalizeForPdf, wrapText } from '@/lib/server/evidence-pdf/wrap-text';

type Box = { x: number; y: number; width: number; height: number };

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

/** Each page of a PDF receipt on its own page, scaled to fit under a caption naming its source. */
export function drawPdfPages(document: PDFDocument, item: PdfEvidence, embedded: readonly PDFEmbeddedPage[], fonts: EvidenceFonts): void {
  embedded.forEach((source, index) => {
    const page = document.addPage([A4.width, A4.height]);
    const detail = `${item.fileName} · page ${index + 1} of ${embedded.length}`;
    const box = fitTopCentre(source.width, source.height, drawCaption(page, item.caption, detail, fonts));
    page.drawPage(source, box);
    drawFrame(page, box);
  });
}
