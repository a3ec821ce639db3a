import 'server-only';

import type { Color, PDFDocument, PDFPage } from 'pdf-lib';

import { A4, CONTENT_WIDTH, COLOR, LEADING, MARGIN } from '@/lib/server/evidence-pdf/geometry';
import { isRightToLeft, type TextFont } from '@/lib/server/evidence-pdf/text-font';
import { normalizeForPdf, textWidth, wrapText } from '@/lib/server/evidence-pdf/wrap-text';

export type TextStyle = { font: TextFont; size: number; color?: Color };

/**
 * A cursor that flows content down A4 pages and opens a continuation page when the next piece
 * does not fit, so long notes or letters never run off the bottom. `y` is the top of the next
 * line (pdf-lib's origin is bottom-left, so it only ever decreases on a page).
 */
export class PageFlow {
  page!: PDFPage;
  y = 0;

  constructor(private readonly document: PDFDocument) {
    this.newPage();
  }

  newPage(): PDFPage {
    this.page = this.document.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
    return this.page;
  }

  /** Opens a new page unless `height` points still fit above the bottom margin. */
  ensureSpace(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Draws one line that is known to fit the width, at x, moving the cursor below it. */
  line(text: string, style: TextStyle, x: number = MARGIN.left): void {
    const height = style.size * LEADING;
    this.ensureSpace(height);
    // drawText places the baseline; keep the ascender inside the line box.
    style.font.draw(this.page, normalizeForPdf(text), { x, y: this.y - style.size, size: style.size, color: style.color ?? COLOR.text });
    this.y -= height;
  }

  /**
   * A heading, wrapped like a paragraph (a Bulgarian letter heading with a lock code is wider than
   * the page) and kept on one page with `keepWith` points of what follows it.
   */
  heading(text: string, style: TextStyle, keepWith: number): void {
    this.ensureSpace(this.paragraphHeight(text, style) + keepWith);
    this.paragraph(text, style);
  }

  /** The height `paragraph` would take for this text, style and width. */
  paragraphHeight(text: string, style: TextStyle, width: number = CONTENT_WIDTH): number {
    const lines = normalizeForPdf(text)
      .split('\n')
      .reduce((sum, paragraph) => sum + wrapText(paragraph, style.font, style.size, width).length, 0);
    return lines * style.size * LEADING;
  }

  /**
   * Wraps text to the width and flows it, line by line, across pages if needed. A paragraph that
   * starts in Arabic or Hebrew is aligned to the right, as its reader expects.
   */
  paragraph(text: string, style: TextStyle, x: number = MARGIN.left, width: number = CONTENT_WIDTH): void {
    for (const paragraph of normalizeForPdf(text).split('\n')) {
      const rightToLeft = isRightToLeft(paragraph);
      for (const line of wrapText(paragraph, style.font, style.size, width)) {
        this.line(line, style, rightToLeft ? x + width - textWidth(line, style.font, style.size) : x);
      }
    }
  }
}
