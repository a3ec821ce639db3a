import 'server-only';

import type { PDFDocument } from 'pdf-lib';

import { drawLogoMark } from '@/lib/server/evidence-pdf/draw-logo-mark';
import type { EvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import { A4, COLOR, CONTENT_WIDTH, FONT_SIZE, LEADING, MARGIN, SECTION_GAP } from '@/lib/server/evidence-pdf/geometry';
import type { PageFlow } from '@/lib/server/evidence-pdf/page-flow';
import { textWidth } from '@/lib/server/evidence-pdf/wrap-text';

/** The mark's width in points: drawn in the top margin, which is wider than that. */
const LOGO_SIZE = 26;

/** The document title block at the top of page 1, with the app's mark in the margin above it, right-aligned. */
export function drawTitle(flow: PageFlow, title: string, subtitle: string, fonts: EvidenceFonts): void {
  drawLogoMark(flow.page, A4.width - MARGIN.right - LOGO_SIZE, A4.height - (MARGIN.top - LOGO_SIZE) / 2, LOGO_SIZE);
  flow.paragraph(title, { font: fonts.bold, size: FONT_SIZE.title });
  flow.paragraph(subtitle, { font: fonts.regular, size: FONT_SIZE.small, color: COLOR.muted });
  flow.gap(SECTION_GAP);
}

/** A section heading with a rule under it, kept together with some room for what follows. */
export function drawSectionHeading(flow: PageFlow, text: string, fonts: EvidenceFonts): void {
  flow.heading(text, { font: fonts.bold, size: FONT_SIZE.heading }, 60);
  flow.page.drawLine({
    start: { x: MARGIN.left, y: flow.y + 2 },
    end: { x: MARGIN.left + CONTENT_WIDTH, y: flow.y + 2 },
    thickness: 0.8,
    color: COLOR.text,
  });
  flow.gap(4);
}

/**
 * "Case AK-… · page 3 of 9" at the foot of every page, drawn last when the page count is known:
 * support may print the bundle and shuffle the sheets.
 */
export function drawFooters(document: PDFDocument, label: string, fonts: EvidenceFonts): void {
  const pages = document.getPages();
  pages.forEach((page, index) => {
    const text = `${label} · page ${index + 1} of ${pages.length}`;
    const width = textWidth(text, fonts.regular, FONT_SIZE.footer);
    fonts.regular.draw(page, text, {
      // Evidence pages may be landscape: the page's own width.
      x: page.getWidth() - MARGIN.right - width,
      y: MARGIN.bottom / 2 - FONT_SIZE.footer / LEADING,
      size: FONT_SIZE.footer,
      color: COLOR.muted,
    });
  });
}
