import 'server-only';
// @pdf-lib/fontkit's syllable matcher (used to shape Devanagari and other Indic or South-East
// Asian scripts) was compiled with Babel's regenerator transform and calls a global
// `regeneratorRuntime`: without it any such text threw "regeneratorRuntime is not defined".
import 'regenerator-runtime/runtime';

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

import { FALLBACK_SCRIPTS, GLYPH_TOKEN_BASE, TextFont, type CoverageFont, type FallbackName, type FontFaces } from '@/lib/server/evidence-pdf/text-font';

export type EvidenceFonts = { regular: TextFont; bold: TextFont };

/** fontkit's bundled Buffer, as much of it as the patch below touches. */
type GlyphRecord = {
  length: number;
  copy(target: GlyphRecord): number;
  writeUInt16BE(value: number, offset: number): number;
  constructor: { alloc(size: number): GlyphRecord; from(source: GlyphRecord): GlyphRecord };
};
/** The parts of fontkit's TrueType font and subset that the patch below reads and writes. */
type TrueTypeFontInternals = {
  getGlyph(gid: number): {
    _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
    advanceWidth: number;
    _getMetrics(): { leftBearing: number };
  };
  loca: { offsets: number[] };
  _getTableStream(table: 'glyf'): { pos: number; readBuffer(length: number): GlyphRecord };
  _variationProcessor?: unknown;
};
type TrueTypeSubsetInternals = {
  font: TrueTypeFontInternals;
  glyf: GlyphRecord[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
};
/** A glyph as a subset copies it: its record padded to an even length, the components to renumber. */
type SubsetGlyph = { record: GlyphRecord; components: { glyphID: number; pos: number }[]; advance: number; bearing: number };

/**
 * Replaces fontkit's TrueType subset `_addGlyph` (@pdf-lib/fontkit 1.1.1), for two reasons:
 * - It writes a subset's `loca` table in the short format (offsets halved) without padding glyph
 *   records to an even length, so after the first odd-length glyph every later glyph is read from
 *   the wrong place and renders blank (pdf-lib issues 1232, 494; fixed upstream in fontkit 1.8 by
 *   foliojs/fontkit#191). Each record is padded to an even length, as upstream does.
 * - It decoded every glyph's whole outline, for every document, only to learn whether the glyph
 *   is composite: two thirds of the subsetting time (measured). The parsed fonts live as long as
 *   the process (see evidenceFontkit), so what a glyph contributes is read once and kept.
 * A composite glyph's components are renumbered per subset, as fontkit does. Variable fonts (none
 * are embedded) keep fontkit's own path.
 */
function copyGlyphsOnce(sampleFont: Uint8Array): void {
  const prototype = Object.getPrototypeOf(fontkit.create(sampleFont).createSubset()) as TrueTypeSubsetInternals & { glyphsKept?: true };
  if (prototype.glyphsKept) return;
  const fontkitAddGlyph = prototype._addGlyph;
  const kept = new WeakMap<TrueTypeFontInternals, Map<number, SubsetGlyph>>();
  const read = (font: TrueTypeFontInternals, gid: number): SubsetGlyph => {
    const glyph = font.getGlyph(gid);
    const outline = glyph._decode();
    const start = font.loca.offsets[gid] ?? 0;
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    let record = stream.readBuffer((font.loca.offsets[gid + 1] ?? start) - start);
    if (record.length % 2 === 1) {
      // Same Buffer class as fontkit's own (it bundles a Buffer polyfill).
      const padded = record.constructor.alloc(record.length + 1);
      record.copy(padded);
      record = padded;
    }
    const components = outline && outline.numberOfContours < 0 ? (outline.components ?? []) : [];
    return { record, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
  };
  prototype._addGlyph = function addKeptGlyph(this: TrueTypeSubsetInternals, gid: number) {
    if (this.font._variationProcessor) return fontkitAddGlyph.call(this, gid);
    let glyphs = kept.get(this.font);
    if (!glyphs) kept.set(this.font, (glyphs = new Map()));
    let glyph = glyphs.get(gid);
    if (!glyph) glyphs.set(gid, (glyph = read(this.font, gid)));
    let record = glyph.record;
    if (glyph.components.length > 0) {
      record = record.constructor.from(record);
      for (const component of glyph.components) record.writeUInt16BE(this.includeGlyph(component.glyphID), component.pos);
    }
    this.glyf.push(record);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
    this.offset += record.length;
    return this.glyf.length - 1;
  };
  prototype.glyphsKept = true;
}

/**
 * OpenType layout features, all off, for the main font. Latin and Cyrillic need none of them once
 * text is NFC (precomposed letters), every character then keeps its own glyph (so it copies out
 * of the PDF as itself), and fontkit's shaping, which pdf-lib runs on every measured or drawn
 * string, gets about 7× faster.
 */
export const NO_LAYOUT_FEATURES = {
  liga: false, clig: false, rlig: false, calt: false, ccmp: false, locl: false, kern: false, mark: false, mkmk: false,
};

/**
 * The scripts Noto Sans lacks or cannot shape with layout off, each with the Noto family made for
 * it. Their text is shaped by fontkit with the font's own features (Arabic joining forms and
 * lam-alef, Devanagari conjuncts and vowel reordering). pdf-lib draws glyph advances only, so
 * GPOS mark offsets are lost: marks sit where the font designer put them by default, which Noto
 * fonts make readable. One weight each (regular), also where the main text is bold: the CJK font
 * alone is 10 MB per weight. Paths stay literal so the build's file tracing copies the files.
 */
const FALLBACK_FACES: readonly { name: FallbackName; load: () => Promise<Buffer> }[] = [
  { name: 'arabic', load: () => readFile(path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf')) },
  { name: 'hebrew', load: () => readFile(path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-hebrew/400Regular/NotoSansHebrew_400Regular.ttf')) },
  { name: 'devanagari', load: () => readFile(path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf')) },
  { name: 'thai', load: () => readFile(path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf')) },
  { name: 'cjk', load: () => readFile(path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')) },
];

type LoadedFace = { bytes: Uint8Array; coverage: Font };
type MainBytes = { regular: Uint8Array; bold: Uint8Array; coverage: CoverageFont };

let mainBytes: Promise<MainBytes> | undefined;
const fallbackBytes = new Map<FallbackName, Promise<LoadedFace>>();

function retryOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

/** Noto Sans (Latin, Greek, Cyrillic for ru, bg, uk…), read once per process. */
function loadMainFont(): Promise<MainBytes> {
  mainBytes ??= retryOnFailure(
    (async () => {
      const [regular, bold] = await Promise.all([
        readFile(path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')),
        readFile(path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')),
      ]).then((files) => files.map((file) => new Uint8Array(file)));
      if (!regular || !bold) throw new Error('Noto Sans not found');
      copyGlyphsOnce(regular);
      return { regular, bold, coverage: fontkit.create(regular) };
    })(),
    () => (mainBytes = undefined),
  );
  return mainBytes;
}

/** A fallback font, read and parsed once per process, only when some text needs it. */
function loadFallback(name: FallbackName): Promise<LoadedFace> {
  let loaded = fallbackBytes.get(name);
  if (!loaded) {
    const face = FALLBACK_FACES.find((candidate) => candidate.name === name);
    if (!face) throw new Error(`no fallback font ${name}`);
    loaded = retryOnFailure(
      face.load().then((file) => {
        const bytes = new Uint8Array(file);
        return { bytes, coverage: fontkit.create(bytes) };
      }),
      () => fallbackBytes.delete(name),
    );
    fallbackBytes.set(name, loaded);
  }
  return loaded;
}

/** The fallback faces whose script occurs in the text (the CJK font is only read for CJK text). */
function fallbacksFor(text: string): FallbackName[] {
  return FALLBACK_FACES.filter((face) => FALLBACK_SCRIPTS[face.name].test(text)).map((face) => face.name);
}

/** Every font that may draw `text`, main first, loaded for coverage checks. */
export async function coverageFor(text: string): Promise<FontFaces<CoverageFont>> {
  const main = await loadMainFont();
  const fallbacks = new Map<FallbackName, CoverageFont>();
  await Promise.all(fallbacksFor(text).map(async (name) => fallbacks.set(name, (await loadFallback(name)).coverage)));
  return { main: main.coverage, fallbacks };
}

const fallbackFontBytes = new WeakSet<Uint8Array>();

type Layout = (text: string, features?: Parameters<Font['layout']>[1]) => ReturnType<Font['layout']>;

/** The font as pdf-lib sees it, with its `layout` replaced (the replacement gets the real font). */
function withLayout(font: Font, layout: (target: Font, ...args: Parameters<Layout>) => ReturnType<Layout>): Font {
  return new Proxy(font, {
    get(target, property) {
      if (property === 'layout') return (...args: Parameters<Layout>) => layout(target, ...args);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * pdf-lib shapes a string and draws the glyph advances only, so GPOS offsets (the dots of Arabic
 * letters, which Noto Sans Arabic places as marks; Thai tone marks) land in the wrong place.
 * TextFont therefore shapes fallback text itself and draws it glyph by glyph at fontkit's
 * positions, naming each glyph by a token (GLYPH_TOKEN_BASE + glyph id, Unicode plane 16, which
 * the fonts never map): this layout turns such tokens back into those glyphs, carrying the text's
 * own characters so the PDF still copies out as the text.
 */
function glyphAddressable(font: Font): Font {
  return withLayout(font, (target, text, features) => {
    const first = text.codePointAt(0) ?? 0;
    if (first < GLYPH_TOKEN_BASE) return target.layout(text, features);
    const glyphs = [...text].map((token) => {
      const id = (token.codePointAt(0) ?? GLYPH_TOKEN_BASE) - GLYPH_TOKEN_BASE;
      return target.getGlyph(id, TextFont.codePointsOf(target, id));
    });
    return { glyphs, positions: [] } as unknown as ReturnType<Layout>;
  });
}

/** Default-ignorable characters: fontkit's layout turns them into zero-width spaces. */
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * The glyphs of a text in the main font as fontkit's layout gives them with NO_LAYOUT_FEATURES:
 * each character's own glyph from the font's character map. pdf-lib lays out every string it
 * draws or measures and reads only the glyphs; with every feature off, fontkit's OpenType engine
 * still ran its script and feature set-up for each line, about a quarter of the PDF's drawing
 * time (profiled), to change nothing. A unit test holds this equal to fontkit's layout for every
 * string of every catalogue.
 */
export function cmapLayout(font: Font, text: string): ReturnType<Font['layout']> {
  const glyphs = font.glyphsForString(text);
  const positions = glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
  return { glyphs, positions } as unknown as ReturnType<Font['layout']>;
}

/** The main font for pdf-lib: text without default-ignorable characters laid out by cmapLayout. */
function unshaped(font: Font): Font {
  return withLayout(font, (target, text, features) =>
    features === NO_LAYOUT_FEATURES && !DEFAULT_IGNORABLE.test(text) ? cmapLayout(target, text) : target.layout(text, features),
  );
}

/**
 * fontkit for pdf-lib, with fallback fonts addressable glyph by glyph, and each font file parsed
 * once per process: pdf-lib asks fontkit to parse the file again for every document (copying it
 * into fontkit's own Buffer, then decoding its tables), which took about a third of a bundle's PDF
 * time, measured. The parsed font is only read from; each document still builds its own subset.
 */
const parsedFonts = new Map<Uint8Array, Font>();
const evidenceFontkit: Parameters<PDFDocument['registerFontkit']>[0] = {
  create(bytes: Uint8Array, postscriptName?: string) {
    let font = parsedFonts.get(bytes);
    if (!font) {
      const parsed = fontkit.create(bytes, postscriptName);
      font = fallbackFontBytes.has(bytes) ? glyphAddressable(parsed) : unshaped(parsed);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

/** The PostScript names of the two Noto Sans files loadMainFont reads. */
const MAIN_FONT_NAMES = { regular: 'NotoSans-Regular', bold: 'NotoSans-Bold' } as const;

/**
 * A subset's name as the PDF spec has it (ISO 32000-1, 9.6.4): six capital letters, a plus sign,
 * the font's PostScript name. pdf-lib appends a random number instead, and preflight and PDF/A
 * checkers then take each subset for a whole font that is missing glyphs. The tag is drawn from
 * the document's text, so it differs between documents (as the spec asks of different subsets) and
 * the same appeal is named alike every time.
 */
export function subsetName(postscriptName: string, text: string): string {
  const digest = createHash('sha256').update(postscriptName).update('\0').update(text).digest();
  const tag = Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
  return `${tag}+${postscriptName}`;
}

/**
 * Embeds Noto Sans in two weights, and the fallback fonts the given text needs, as subsets (a few
 * KB each instead of 630 KB or 10 MB): the whole fonts would blow the size budget many times
 * over. `text` must hold every string the document will draw (fallbacks cannot be embedded while
 * drawing, which is synchronous).
 */
export async function embedEvidenceFonts(document: PDFDocument, text: string): Promise<EvidenceFonts> {
  const main = await loadMainFont();
  document.registerFontkit(evidenceFontkit);
  const options = { subset: true, features: NO_LAYOUT_FEATURES };
  const names = fallbacksFor(text);
  const [regular, bold, ...fallbackFonts] = await Promise.all([
    document.embedFont(main.regular, { ...options, customName: subsetName(MAIN_FONT_NAMES.regular, text) }),
    document.embedFont(main.bold, { ...options, customName: subsetName(MAIN_FONT_NAMES.bold, text) }),
    ...names.map(async (name) => {
      const face = await loadFallback(name);
      fallbackFontBytes.add(face.bytes);
      const customName = subsetName(face.coverage.postscriptName ?? name, text);
      return { name, shaper: face.coverage, font: await document.embedFont(face.bytes, { subset: true, customName }) };
    }),
  ]);
  const fallbacks = new Map<FallbackName, { shaper: Font; font: PDFFont }>(fallbackFonts.map((face) => [face.name, face]));
  return {
    regular: new TextFont(regular, main.coverage, fallbacks),
    bold: new TextFont(bold, main.coverage, fallbacks),
  };
}
