import 'server-only';

import {
  clip,
  degrees,
  endPath,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  type PDFDocument,
  type PDFEmbeddedPage,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';

import { kindLabel, type ImageEvidence, type PdfEvidence } from '@/lib/server/evidence-pdf/evidence-items';
import type { EvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import { A4, COLOR, EVIDENCE_PAGE, FONT_SIZE, LEADING, MARGIN } from '@/lib/server/evidence-pdf/geometry';
import { normalizeForPdf, wrapText } from '@/lib/server/evidence-pdf/wrap-text';
import type { QuarterTurn } from '@/lib/server/evidence-pdf/receipt-page-view';

export type Box = { x: number; y: number; width: number; height: number };

type PageSize = [width: number, height: number];
const PORTRAIT: PageSize = [A4.width, A4.height];
const LANDSCAPE: PageSize = [A4.height, A4.width];

/** A4 turned to suit the evidence: a landscape photo or page drawn on a portrait sheet gets a fifth less of it. */
function sheetFor(shownWidth: number, shownHeight: number): PageSize {
  return shownWidth > shownHeight ? LANDSCAPE : PORTRAIT;
}

/** The caption at the top of an evidence page, laid out: its title, its detail's lines, and the box under it. */
type Caption = { title: string; lines: string[]; box: Box };

/**
 * A bold title, then the file's name and details in grey, on a sheet of the given size. The box left for
 * the evidence comes with it (pdf-lib's origin is bottom-left: the box's y is its lower edge).
 */
function layoutCaption(title: string, detail: string, fonts: EvidenceFonts, [width, height]: PageSize): Caption {
  const contentWidth = width - MARGIN.left - MARGIN.right;
  const lines = wrapText(detail, fonts.regular, FONT_SIZE.small, contentWidth);
  const top = height - MARGIN.top - FONT_SIZE.caption * LEADING - lines.length * FONT_SIZE.small * LEADING - EVIDENCE_PAGE.captionGap;
  return { title, lines, box: { x: MARGIN.left, y: MARGIN.bottom, width: contentWidth, height: top - MARGIN.bottom } };
}

function drawCaption(page: PDFPage, { title, lines }: Caption, fonts: EvidenceFonts): void {
  let y = page.getHeight() - MARGIN.top;
  fonts.bold.draw(page, title, { x: MARGIN.left, y: y - FONT_SIZE.caption, size: FONT_SIZE.caption, color: COLOR.text });
  y -= FONT_SIZE.caption * LEADING;
  for (const line of lines) {
    fonts.regular.draw(page, normalizeForPdf(line), { x: MARGIN.left, y: y - FONT_SIZE.small, size: FONT_SIZE.small, color: COLOR.muted });
    y -= FONT_SIZE.small * LEADING;
  }
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

/**
 * A long image (a scrolling screenshot, see evidencePixelSize) drawn whole on one page would be
 * narrower than this share of the page's width, its text too small to read: it is drawn at the
 * page's full width instead, a page's height at a time.
 */
const MIN_WIDTH_SHARE = 0.6;
/** Each part repeats this much of the one before, so a line of text cut at a page's edge is whole on one of them. */
const PART_OVERLAP = 24;
/**
 * A long image is drawn no larger than this many points a pixel (96 px an inch, a screen's own):
 * a narrow strip stretched to the page's width shows nothing more, over many more pages.
 */
const MAX_POINTS_PER_PIXEL = 0.75;
/**
 * A long image goes over at most this many pages (the longest evidencePixelSize keeps, 1200 ×
 * 12,000 px, takes eight at the page's width); a longer one is drawn narrower to fit. Without it a
 * 1 × 30,000 px PNG of 700 bytes made 8,861 pages and held the server for seconds.
 */
export const MAX_IMAGE_PARTS = 8;

/**
 * The windows a long image is shown through, top to bottom: for each page, how far down the
 * image (drawn `imageHeight` high) the window starts, and how high it is (the box's height, less
 * on the last). A single window when the image fits.
 */
export function imageParts(imageHeight: number, boxHeight: number): { offset: number; height: number }[] {
  if (imageHeight <= boxHeight) return [{ offset: 0, height: imageHeight }];
  const step = boxHeight - PART_OVERLAP;
  // Rounded first: a height worked out to fill exactly n pages (longImageSize) may come out a hair over.
  const count = Math.ceil(Math.round(((imageHeight - boxHeight) / step) * 1e6) / 1e6) + 1;
  return Array.from({ length: count }, (_, index) => {
    const offset = index * step;
    return { offset, height: Math.min(boxHeight, imageHeight - offset) };
  });
}

/**
 * The size a long image is drawn at across pages: the box's width, unless that would enlarge it
 * past MAX_POINTS_PER_PIXEL or take more than MAX_IMAGE_PARTS pages.
 */
export function longImageSize(image: { width: number; height: number }, box: Pick<Box, 'width' | 'height'>): { width: number; height: number } {
  const tallest = box.height + (MAX_IMAGE_PARTS - 1) * (box.height - PART_OVERLAP);
  const width = Math.min(box.width, image.width * MAX_POINTS_PER_PIXEL, (tallest * image.width) / image.height);
  return { width, height: (image.height * width) / image.width };
}

/**
 * A photo on its own page, as large as the page allows, under its caption. A long image too
 * narrow that way fills the page's width and goes on over as many pages as it takes, each
 * captioned "part n of m", the same embedded image shown through a window on each.
 */
export function drawImagePages(document: PDFDocument, item: ImageEvidence, embedded: PDFImage, fonts: EvidenceFonts): void {
  const detail = `${item.fileName} · ${kindLabel(item.fileName, item.kind)} · ${item.image.sourceWidth} × ${item.image.sourceHeight} px`;
  const sheet = sheetFor(item.image.width, item.image.height);
  const caption = layoutCaption(item.caption, detail, fonts, sheet);
  const fit = fitTopCentre(item.image.width, item.image.height, caption.box);
  if (fit.width >= MIN_WIDTH_SHARE * caption.box.width) {
    const page = document.addPage(sheet);
    drawCaption(page, caption, fonts);
    page.drawImage(embedded, fit);
    drawFrame(page, fit);
    return;
  }
  const { box } = caption;
  const { width, height: drawnHeight } = longImageSize(item.image, box);
  const x = box.x + (box.width - width) / 2;
  const parts = imageParts(drawnHeight, box.height);
  parts.forEach(({ offset, height }, index) => {
    const page = document.addPage(sheet);
    drawCaption(page, { ...caption, title: `${item.caption} · part ${index + 1} of ${parts.length}` }, fonts);
    const top = box.y + box.height;
    const window = { x, y: top - height, width, height };
    page.pushOperators(pushGraphicsState(), rectangle(window.x, window.y, window.width, window.height), clip(), endPath());
    page.drawImage(embedded, { x, y: top + offset - drawnHeight, width, height: drawnHeight });
    page.pushOperators(popGraphicsState());
    drawFrame(page, window);
  });
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
    const quarter = rotation === 90 || rotation === 270;
    const [shownWidth, shownHeight] = quarter ? [embedded.height, embedded.width] : [embedded.width, embedded.height];
    const sheet = sheetFor(shownWidth, shownHeight);
    const page = document.addPage(sheet);
    const caption = layoutCaption(item.caption, `${item.fileName} · page ${index + 1} of ${pages.length}`, fonts, sheet);
    drawCaption(page, caption, fonts);
    const box = fitTopCentre(shownWidth, shownHeight, caption.box);
    page.drawPage(embedded, turnedPlacement(box, rotation));
    drawFrame(page, box);
  });
}
