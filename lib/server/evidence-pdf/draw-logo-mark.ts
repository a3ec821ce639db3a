import 'server-only';

import { LineCapStyle, rgb, type PDFPage } from 'pdf-lib';

/**
 * The app's mark (public/logo.svg, drawn on a 32-unit square): the same path data, so the PDF's
 * cover and the web page show one mark (tests/integration/evidence-pdf-pieces.test.ts compares
 * them). Vector, so it stays sharp in print and costs a few hundred bytes.
 */
export const LOGO_MARK = {
  tile: 'M7 0H25A7 7 0 0 1 32 7V25A7 7 0 0 1 25 32H7A7 7 0 0 1 0 25V7A7 7 0 0 1 7 0Z',
  phone: 'M12.5 5H19.5A2.5 2.5 0 0 1 22 7.5V24.5A2.5 2.5 0 0 1 19.5 27H12.5A2.5 2.5 0 0 1 10 24.5V7.5A2.5 2.5 0 0 1 12.5 5Z',
  speaker: 'M14.5 8H17.5',
  tick: 'M13 17L15.2 19.2L19.5 14',
} as const;

const BRAND = rgb(0x1f / 255, 0x5f / 255, 0xbf / 255);
const WHITE = rgb(1, 1, 1);

/** Draws the mark `size` points wide with its top-left corner at (x, top), in pdf-lib's coordinates. */
export function drawLogoMark(page: PDFPage, x: number, top: number, size: number): void {
  // drawSvgPath reads SVG coordinates (y down) from the given origin.
  const at = { x, y: top, scale: size / 32 };
  const stroke = { borderColor: WHITE, borderLineCap: LineCapStyle.Round };
  page.drawSvgPath(LOGO_MARK.tile, { ...at, color: BRAND });
  page.drawSvgPath(LOGO_MARK.phone, { ...at, ...stroke, borderWidth: 2 * at.scale });
  page.drawSvgPath(LOGO_MARK.speaker, { ...at, ...stroke, borderWidth: 1.5 * at.scale });
  page.drawSvgPath(LOGO_MARK.tick, { ...at, ...stroke, borderWidth: 2 * at.scale });
}
