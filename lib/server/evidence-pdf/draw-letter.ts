import 'server-only';

import type { EvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import { FONT_SIZE, LEADING, PARAGRAPH_GAP, SECTION_GAP } from '@/lib/server/evidence-pdf/geometry';
import type { PageFlow } from '@/lib/server/evidence-pdf/page-flow';

/** The appeal letter as lib/appeal/letter.ts composes it: English first, then the user's language. */
export type LetterSection = { locale: string; heading: string; paragraphs: readonly string[] };

export function drawLetter(flow: PageFlow, sections: readonly LetterSection[], fonts: EvidenceFonts): void {
  for (const section of sections) {
    // Kept with the first lines of its text.
    flow.heading(section.heading, { font: fonts.bold, size: FONT_SIZE.heading }, 3 * FONT_SIZE.body * LEADING);
    flow.gap(PARAGRAPH_GAP / 2);
    const style = { font: fonts.regular, size: FONT_SIZE.body };
    // The thanks and the sign-off ("Kind regards,\nName") end every section and stay on one page:
    // split line by line, a page once began with the owner's name alone under nothing.
    const closingAt = Math.max(0, section.paragraphs.length - 2);
    section.paragraphs.forEach((paragraph, index) => {
      if (index === closingAt) {
        const closing = section.paragraphs.slice(closingAt);
        flow.ensureSpace(closing.reduce((sum, text) => sum + flow.paragraphHeight(text, style), 0) + PARAGRAPH_GAP * (closing.length - 1));
      }
      flow.paragraph(paragraph, style);
      flow.gap(PARAGRAPH_GAP);
    });
    flow.gap(SECTION_GAP - PARAGRAPH_GAP);
  }
}
