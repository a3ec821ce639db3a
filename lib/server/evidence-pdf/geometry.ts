import 'server-only';

import { rgb } from 'pdf-lib';

/**
 * Page geometry in PDF points (1/72 inch). pdf-lib puts the origin at the BOTTOM-LEFT corner of a
 * page, so "down the page" means a smaller y: every layout step subtracts from y.
 */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { top: 56, right: 50, bottom: 54, left: 50 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export const FONT_SIZE = {
  title: 17,
  heading: 12.5,
  body: 10,
  table: 9.5,
  small: 8,
  caption: 12,
  footer: 7.5,
} as const;

/** Line height as a multiple of the font size. */
export const LEADING = 1.35;
export const PARAGRAPH_GAP = 6;
export const SECTION_GAP = 16;

export const FACT_TABLE = {
  labelWidth: 150,
  columnGap: 10,
  rowPadding: 4,
} as const;

export const EVIDENCE_PAGE = {
  /** Room under the caption block before the image or embedded page starts. */
  captionGap: 10,
  frameWidth: 0.5,
} as const;

export const COLOR = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.38, 0.38, 0.42),
  ok: rgb(0.05, 0.42, 0.2),
  /** A fact the evidence contradicts (an IMEI missing from the box label). */
  warn: rgb(0.66, 0.18, 0.04),
  rule: rgb(0.8, 0.8, 0.83),
  band: rgb(0.95, 0.95, 0.97),
} as const;
