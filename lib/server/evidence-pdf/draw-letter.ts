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
    for (const paragraph of section.paragraphs) {
      flow.paragraph(paragraph, { font: fonts.regular, size: FONT_SIZE.body });
      flow.gap(PARAGRAPH_GAP);
    }
    flow.gap(SECTION_GAP - PARAGRAPH_GAP);
  }
}
