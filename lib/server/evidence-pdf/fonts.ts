import 'server-only';

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import type { Fontkit } from 'pdf-lib/cjs/types/fontkit';

export type EvidenceFonts = { regular: PDFFont; bold: PDFFont };
type FontBytes = { regular: Uint8Array; bold: Uint8Array };

/** fontkit's bundled Buffer, as much of it as the patch below touches. */
type GlyphRecord = { length: number; copy(target: GlyphRecord): number; constructor: { alloc(size: number): GlyphRecord } };
type TrueTypeSubsetInternals = {
  glyf: GlyphRecord[];
  offset: number;
  _addGlyph(gid: number): number;
};

/**
 * @pdf-lib/fontkit 1.1.1 writes a subset's `loca` table in the short format (offsets halved)
 * without padding glyph records to an even length, so after the first odd-length glyph every
 * later glyph is read from the wrong place and renders blank (pdf-lib issues 1232, 494; fixed
 * upstream in fontkit 1.8 by foliojs/fontkit#191). Padding each copied glyph record to an even
 * length, as upstream does, makes the halved offsets exact. Applied once, to the subset class.
 */
function padSubsetGlyphRecords(sampleFont: Uint8Array): void {
  const prototype = Object.getPrototypeOf(fontkit.create(sampleFont).createSubset()) as TrueTypeSubsetInternals & {
    evenGlyphRecords?: true;
  };
  if (prototype.evenGlyphRecords) return;
  const addGlyph = prototype._addGlyph;
  prototype._addGlyph = function addEvenLengthGlyph(this: TrueTypeSubsetInternals, gid: number) {
    const index = addGlyph.call(this, gid);
    const record = this.glyf[index];
    if (record && record.length % 2 === 1) {
      // Same Buffer class as fontkit's own (it bundles a Buffer polyfill).
      const padded = record.constructor.alloc(record.length + 1);
      record.copy(padded);
      this.glyf[index] = padded;
      this.offset += 1;
    }
    return index;
  };
  prototype.evenGlyphRecords = true;
}

let fontBytes: Promise<FontBytes> | undefined;

/**
 * Noto Sans from npm (Latin, accented Latin and Cyrillic for ru, bg, uk), read from disk once per
 * process. The paths stay literal so the build's file tracing copies the two files into the
 * standalone server.
 */
function loadFontBytes(): Promise<FontBytes> {
  fontBytes ??= (async () => {
    const [regular, bold] = await Promise.all([
      readFile(path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')),
      readFile(path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')),
    ]).then((files) => files.map((file) => new Uint8Array(file)));
    if (!regular || !bold) throw new Error('Noto Sans not found');
    padSubsetGlyphRecords(regular);
    return { regular, bold };
  })();
  fontBytes.catch(() => {
    fontBytes = undefined;
  });
  return fontBytes;
}

/**
 * fontkit as pdf-lib sees it, except that each font file is parsed once per process: pdf-lib asks
 * fontkit to parse the 600 KB file again for every document (copying it into fontkit's own
 * Buffer, then decoding its tables), which took about a third of a bundle's PDF time, measured.
 * The parsed font is only read from; each document still builds its own subset from it.
 */
const parsedFonts = new Map<Uint8Array, ReturnType<Fontkit['create']>>();
const parseOnceFontkit: Fontkit = {
  create(bytes, postscriptName) {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes, postscriptName);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

/**
 * OpenType layout features, all off. Latin and Cyrillic need none of them once text is NFC
 * (precomposed letters), every character then keeps its own glyph (so it copies out of the PDF as
 * itself), and fontkit's shaping, which pdf-lib runs on every measured or drawn string, gets about
 * 7× faster.
 */
const NO_LAYOUT_FEATURES = {
  liga: false, clig: false, rlig: false, calt: false, ccmp: false, locl: false, kern: false, mark: false, mkmk: false,
};

/**
 * Embeds the two weights as subsets (a few KB each instead of 630 KB): the whole font would blow
 * the 150 KB budget many times over.
 */
export async function embedEvidenceFonts(document: PDFDocument): Promise<EvidenceFonts> {
  const bytes = await loadFontBytes();
  document.registerFontkit(parseOnceFontkit);
  const options = { subset: true, features: NO_LAYOUT_FEATURES };
  const [regular, bold] = await Promise.all([document.embedFont(bytes.regular, options), document.embedFont(bytes.bold, options)]);
  return { regular, bold };
}
