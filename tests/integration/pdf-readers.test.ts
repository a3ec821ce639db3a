import { beforeAll, describe, expect, it } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { appealRequest, STANDARD_FIELDS, standardFiles } from './support/appeal-request';
import { ENGINES, readInEveryEngine } from './support/pdf-readers';

/**
 * "A real PDF that opens in every reader": the standard bundle read by poppler, MuPDF and pdf.js,
 * engines that share no code. Each must read it without a complaint, find the same pages and the
 * same facts (Cyrillic included, as text, not drawn shapes), and draw every page as the others do:
 * a photo one engine cannot decode would leave its page nearly blank there.
 */
describe('the standard bundle in three PDF engines', () => {
  let read: Awaited<ReturnType<typeof readInEveryEngine>>;

  beforeAll(async () => {
    const response = await POST(appealRequest(STANDARD_FIELDS, standardFiles()));
    expect(response.status).toBe(200);
    read = await readInEveryEngine(new Uint8Array(await response.arrayBuffer()));
  }, 120_000);

  it.each(ENGINES)('%s reads it without a complaint, every page', (engine) => {
    const view = read.views[engine];
    expect(view.complaints).toEqual([]);
    expect(view.pages).toHaveLength(read.pageCount);
    expect(view.ink).toHaveLength(read.pageCount);
  });

  it.each(ENGINES)('%s finds the facts as text, Cyrillic included', (engine) => {
    // Engines break lines and space runs differently; what a search or a copy finds is the words.
    const text = read.views[engine].pages.join('\n').replace(/\s+/g, ' ');
    for (const fact of [
      '868907041234565',
      'Иван Петров',
      'Электроника Плюс',
      'пароль от аккаунта утерян',
      'AK-7Q2M-X9FD',
      'Box label box-label-12mp.jpg',
      'e-receipt.pdf · page 1 of 1',
    ]) {
      expect(text, fact).toContain(fact);
    }
  });

  it.each(['mupdf', 'pdfjs'] as const)('%s draws every page as poppler does, photos included', (engine) => {
    // Measured: the engines' ink differs by at most 0.005 per page (glyph rasterising); a photo
    // left undrawn takes 0.025–0.2 off its page.
    const poppler = read.views.poppler.ink;
    read.views[engine].ink.forEach((ink, index) => expect(Math.abs(ink - poppler[index]!), `page ${index + 1}`).toBeLessThan(0.01));
    // The last four pages carry the evidence (three photos, one receipt page), each darker than
    // its caption and footer alone (about 0.007).
    const last = read.pageCount;
    expect([...read.imagePages]).toEqual([last - 3, last - 2, last - 1, last]);
    for (const page of read.imagePages) expect(read.views[engine].ink[page - 1], `page ${page}`).toBeGreaterThan(0.02);
  });
});
