import { readFileSync } from 'node:fs';
import path from 'node:path';

import fontkit, { type Font } from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { embedEvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import { savePdf } from '@/lib/server/evidence-pdf/save-pdf';

/*
 * The PDF's fonts are subsets that fonts.ts builds through a replaced fontkit method (padded glyph
 * records, glyphs read once per process). A wrong glyph record there still extracts as the right
 * text (pdftotext reads the ToUnicode map), yet renders blank or as the wrong letter: so every
 * embedded glyph is compared, outline for outline, with the glyph of the character it stands for
 * in the original font.
 */

const FONT_FILES = {
  regular: 'node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: 'node_modules/@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
};
const originals = {
  regular: fontkit.create(readFileSync(path.resolve(__dirname, '../..', FONT_FILES.regular))),
  bold: fontkit.create(readFileSync(path.resolve(__dirname, '../..', FONT_FILES.bold))),
};

async function pdfDrawing(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const fonts = await embedEvidenceFonts(document, text);
  const page = document.addPage();
  fonts.regular.draw(page, text, { x: 40, y: 700, size: 12, color: rgb(0, 0, 0) });
  fonts.bold.draw(page, text, { x: 40, y: 680, size: 12, color: rgb(0, 0, 0) });
  return savePdf(document);
}

function storedStream(dict: PDFDict, key: string): PDFRawStream {
  const stream = dict.lookup(PDFName.of(key));
  if (!(stream instanceof PDFRawStream)) throw new Error(`${key} is not a stream as loaded from a file`);
  return stream;
}

const streamText = (stream: PDFRawStream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');

/** CID → the characters it stands for, from a ToUnicode CMap's bfchar entries (what pdf-lib writes). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, cid, utf16] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(parseInt(cid ?? '', 16), Buffer.from(utf16 ?? '', 'hex').swap16().toString('utf16le'));
    }
  }
  return map;
}

type EmbeddedFont = { weight: keyof typeof originals; subset: Font; glyphs: Map<number, string> };

/** Each Type0 font of the PDF: its embedded TrueType subset and what each of its glyphs stands for. */
async function embeddedFonts(pdf: Uint8Array): Promise<EmbeddedFont[]> {
  const document = await PDFDocument.load(pdf);
  const { context } = document;
  const fonts: EmbeddedFont[] = [];
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const descendant = context.lookup(object.lookup(PDFName.of('DescendantFonts'), PDFArray).get(0), PDFDict);
    const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const fontFile = storedStream(descriptor, 'FontFile2');
    const baseFont = object.get(PDFName.of('BaseFont'))?.toString() ?? '';
    fonts.push({
      weight: baseFont.includes('Bold') ? 'bold' : 'regular',
      subset: fontkit.create(Buffer.from(decodePDFRawStream(fontFile).decode())),
      glyphs: toUnicode(streamText(storedStream(object, 'ToUnicode'))),
    });
  }
  return fonts;
}

const outline = (font: Font, glyphId: number) => font.getGlyph(glyphId).path.toSVG();
/** fontkit's own record of a TrueType glyph: a composite has a negative contour count. */
const isComposite = (glyph: object) => ((glyph as { _decode(): { numberOfContours: number } | null })._decode()?.numberOfContours ?? 0) < 0;

describe('the fonts embedded in the evidence PDF', () => {
  // Accented Latin and й/ё are composite glyphs in Noto Sans (a base letter and a mark): their
  // components are renumbered in each subset. The second text puts them at other positions, so a
  // glyph kept from the first document must not carry the first subset's numbering.
  const texts = [
    'Иван Петров, ёлка и йогурт; Zoë Müller, café 27 990,00 ₽',
    'Ёж Йосиф — Ñandú, Ångström, Éric «Обращение» №5 ĂăĘę',
  ];

  it.each(texts)('draw every glyph with the outline of the character it stands for: %s', async (text) => {
    const fonts = await embeddedFonts(await pdfDrawing(text));
    expect(fonts.map((font) => font.weight).sort()).toEqual(['bold', 'regular']);
    for (const { weight, subset, glyphs } of fonts) {
      const original = originals[weight];
      const stoodFor = [...glyphs.values()];
      for (const char of new Set(text.replace(/\s/g, ''))) expect(stoodFor, `${weight} has "${char}"`).toContain(char);
      let composites = 0;
      for (const [cid, char] of glyphs) {
        const originalGlyph = original.glyphForCodePoint(char.codePointAt(0) ?? 0);
        expect(outline(subset, cid), `${weight} "${char}"`).toBe(outline(original, originalGlyph.id));
        expect(subset.getGlyph(cid).advanceWidth, `${weight} "${char}" advance`).toBe(originalGlyph.advanceWidth);
        if (isComposite(originalGlyph)) composites += 1;
      }
      // The test means something only if some glyphs are composite.
      expect(composites).toBeGreaterThan(0);
    }
  });
});
