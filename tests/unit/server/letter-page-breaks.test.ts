import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { drawLetter } from '@/lib/server/evidence-pdf/draw-letter';
import { embedEvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import { MARGIN } from '@/lib/server/evidence-pdf/geometry';
import { PageFlow, type TextStyle } from '@/lib/server/evidence-pdf/page-flow';

/** A PageFlow that notes on which page each line lands. */
class RecordingFlow extends PageFlow {
  pageNumber = 0;
  lines: { page: number; text: string }[] = [];
  override newPage() {
    this.pageNumber += 1;
    return super.newPage();
  }
  override line(text: string, style: TextStyle, x?: number) {
    super.line(text, style, x);
    this.lines.push({ page: this.pageNumber, text });
  }
}

const SECTION = {
  locale: 'en',
  heading: 'Request to remove the Mi Account lock: IMEI 868907041234565',
  paragraphs: ['Dear Xiaomi support,', 'You can reach me by e-mail at ivan.petrov@example.ru.', 'Thank you for your help.', 'Kind regards,\nIvan Petrov'],
};

describe('the letter in the PDF', () => {
  it('keeps the thanks and the sign-off on one page wherever the page ends', async () => {
    const document = await PDFDocument.create();
    const fonts = await embedEvidenceFonts(document, SECTION.paragraphs.join(' '));
    let splitBefore = 0;
    // Start the letter lower and lower on the first page, so the page ends at every line of it.
    for (let room = 40; room <= 200; room += 2) {
      const flow = new RecordingFlow(document);
      flow.y = MARGIN.bottom + room;
      drawLetter(flow, [SECTION], fonts);
      const pageOf = (text: string) => flow.lines.find((line) => line.text === text)?.page;
      expect(pageOf('Kind regards,'), `room ${room}`).toBe(pageOf('Ivan Petrov'));
      expect(pageOf('Thank you for your help.'), `room ${room}`).toBe(pageOf('Ivan Petrov'));
      if (pageOf('Dear Xiaomi support,') !== pageOf('Ivan Petrov')) splitBefore += 1;
    }
    // The sweep did put page ends inside the letter (the test would prove nothing otherwise).
    expect(splitBefore).toBeGreaterThan(5);
  });
});
