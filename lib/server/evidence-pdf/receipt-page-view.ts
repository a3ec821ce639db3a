import 'server-only';

import type { PageBoundingBox, PDFPage } from 'pdf-lib';

export type QuarterTurn = 0 | 90 | 180 | 270;

/** What a PDF reader shows of a page: its visible area and how far it is turned clockwise. */
export type ReceiptPageView = { box: PageBoundingBox; rotation: QuarterTurn };

type Rectangle = { x: number; y: number; width: number; height: number };

/** Box arrays may list their corners in any order; readers take the rectangle they span. */
function edges({ x, y, width, height }: Rectangle): PageBoundingBox {
  return { left: Math.min(x, x + width), right: Math.max(x, x + width), bottom: Math.min(y, y + height), top: Math.max(y, y + height) };
}

/** /Rotate as pdf.js reads it: a multiple of 90, any other value means upright. */
function quarterTurn(angle: number): QuarterTurn {
  if (!Number.isInteger(angle) || angle % 90 !== 0) return 0;
  return (((angle % 360) + 360) % 360) as QuarterTurn;
}

/**
 * A receipt page as readers show it: the crop box, clipped to the media box as the PDF spec says
 * (the media box where there is no crop box, or an unusable one), turned by the page's /Rotate.
 * pdf-lib's embedding alone draws the media box from (0, 0) and ignores /Rotate: a scanner app's
 * landscape page came out sideways, and what the sender had cropped away came out too.
 */
export function receiptPageView(page: PDFPage): ReceiptPageView {
  const media = edges(page.getMediaBox());
  let box = media;
  try {
    const crop = edges(page.getCropBox());
    const clipped = {
      left: Math.max(crop.left, media.left),
      right: Math.min(crop.right, media.right),
      bottom: Math.max(crop.bottom, media.bottom),
      top: Math.min(crop.top, media.top),
    };
    if (clipped.right > clipped.left && clipped.top > clipped.bottom) box = clipped;
  } catch {
    // A crop box that is not four numbers: readers fall back to the media box, and so do we.
  }
  let rotation: QuarterTurn = 0;
  try {
    rotation = quarterTurn(page.getRotation().angle);
  } catch {
    // A /Rotate that is not a number: upright, as readers take it.
  }
  return { box, rotation };
}
