import 'server-only';

import bidiFactory from 'bidi-js';
import type { Font } from '@pdf-lib/fontkit';
import type { Color, PDFFont, PDFPage } from 'pdf-lib';

/** Fallback text is drawn glyph by glyph; glyph n is the character GLYPH_TOKEN_BASE + n (see fonts.ts). */
export const GLYPH_TOKEN_BASE = 0x100000;

/** The part of a fontkit font that says which characters it can draw. */
export type CoverageFont = { hasGlyphForCodePoint(codePoint: number): boolean };

/** The scripts Noto Sans lacks or cannot shape with layout off, each drawn by its own Noto font (fonts.ts). */
export const FALLBACK_SCRIPTS = {
  arabic: /\p{Script=Arabic}/u,
  hebrew: /\p{Script=Hebrew}/u,
  devanagari: /\p{Script=Devanagari}/u,
  thai: /\p{Script=Thai}/u,
  cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u,
} as const;
export type FallbackName = keyof typeof FALLBACK_SCRIPTS;

/** The fonts that may draw a text: the main one, then one per script it lacks. */
export type FontFaces<F> = { main: F; fallbacks: ReadonlyMap<FallbackName, F> };
type FaceName = 'main' | FallbackName;

const bidi = bidiFactory();
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Scripts that need shaping or another font: Noto Sans has some of them, but only with layout off. */
const COMPLEX = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Thai}]/u;
/** Characters the bidi algorithm may place right-to-left. */
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** Characters of no script of their own (spaces, punctuation, digits): they stay in the run they are in. */
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]/u;
/** Joiners and selectors: they only shape their neighbours and are dropped where a font lacks them. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const IS_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const ASCII = /^[\u0000-\u007f]*$/;

const codePoint = (text: string) => text.codePointAt(0) ?? 0;

/**
 * Which face draws a grapheme: its script's fallback when it has one, else the main font, else
 * any fallback that has it. Neutral characters stay with the face before them when it has them,
 * so a space or a comma does not split an Arabic phrase into separately shaped pieces.
 */
function pickFace<F extends CoverageFont>(grapheme: string, previous: FaceName | undefined, faces: FontFaces<F>): FaceName | undefined {
  const base = grapheme.replace(IGNORABLE, '') || grapheme;
  const point = codePoint(base);
  const has = (name: FaceName) => (name === 'main' ? faces.main : faces.fallbacks.get(name))?.hasGlyphForCodePoint(point) ?? false;
  if (NEUTRAL.test(base) && previous && has(previous)) return previous;
  for (const [name] of faces.fallbacks) {
    if (matchesScript(name, base) && has(name)) return name;
  }
  if (!COMPLEX.test(base) && has('main')) return 'main';
  for (const [name] of faces.fallbacks) if (has(name)) return name;
  return undefined;
}

const matchesScript = (name: FallbackName, text: string) => FALLBACK_SCRIPTS[name].test(text);

/** The graphemes of `text` that no font can draw, each once. */
export function undrawable<F extends CoverageFont>(text: string, faces: FontFaces<F>): string[] {
  if (ASCII.test(text)) return [];
  const missing = new Set<string>();
  let previous: FaceName | undefined;
  for (const { segment } of graphemes.segment(text)) {
    if (/^\s+$/u.test(segment)) continue;
    const face = pickFace(segment, previous, faces);
    if (face === undefined) missing.add(segment);
    previous = face;
  }
  return [...missing];
}

/**
 * A file's name as the PDF can draw it: the characters no font has (the emoji a phone's gallery
 * or a messenger leaves in a name, "коробка 📦✅.jpg") are left out rather than drawn as "�",
 * and the spaces they leave are closed up ("коробка.jpg"). A name of nothing else stays as it is.
 */
export function drawableFileName<F extends CoverageFont>(name: string, faces: FontFaces<F>): string {
  const missing = new Set(undrawable(name, faces));
  if (missing.size === 0) return name;
  const kept = [...graphemes.segment(name)].map(({ segment }) => (missing.has(segment) ? '' : segment)).join('');
  const tidy = kept.replace(/\s+/gu, ' ').replace(/\s+(\.[^.\s]*)$/u, '$1').trim();
  return /[\p{L}\p{N}]/u.test(tidy.replace(/\.[^.]*$/u, '')) ? tidy : name;
}

export type Run = { text: string; face: FaceName; level: number };

/**
 * A line as runs of one face and one bidi level, in visual (left-to-right) order. Right-to-left
 * runs of Arabic or Hebrew letters stay in logical order: fontkit shapes them that way and
 * reverses the glyphs itself. Other runs at a right-to-left level (spaces, brackets between
 * Arabic words) are reversed here, brackets mirrored (UAX #9 rule L4).
 */
export function visualRuns<F extends CoverageFont>(text: string, faces: FontFaces<F>, replacement = '\ufffd'): Run[] {
  const levels = RIGHT_TO_LEFT.test(text) ? bidi.getEmbeddingLevels(text).levels : undefined;
  const runs: (Run & { strongRtl: boolean })[] = [];
  let previous: FaceName | undefined;
  for (const { segment, index } of graphemes.segment(text)) {
    let face = pickFace(segment, previous, faces);
    let drawn = segment;
    if (face === undefined) {
      face = 'main';
      drawn = replacement;
    }
    const font = face === 'main' ? faces.main : faces.fallbacks.get(face);
    drawn = drawn.replace(IGNORABLE, (char) => (font?.hasGlyphForCodePoint(codePoint(char)) ? char : ''));
    const level = levels?.[index] ?? 0;
    const strongRtl = RIGHT_TO_LEFT.test(segment) && !NEUTRAL.test(segment);
    const last = runs.at(-1);
    if (last && last.face === face && last.level === level && last.strongRtl === strongRtl) last.text += drawn;
    else runs.push({ text: drawn, face, level, strongRtl });
    previous = face;
  }
  // UAX #9 rule L2: from the highest level down to the lowest odd one, reverse every stretch of
  // runs at that level or higher.
  const highest = Math.max(0, ...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd && level > 0; level -= 1) {
    for (let start = 0; start < runs.length; start += 1) {
      if ((runs[start]?.level ?? 0) < level) continue;
      let end = start;
      while (end + 1 < runs.length && (runs[end + 1]?.level ?? 0) >= level) end += 1;
      runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return runs.map(({ text: runText, face, level, strongRtl }) => ({
    text: level % 2 === 1 && !strongRtl ? mirrored(runText) : runText,
    face,
    level,
  }));
}

function mirrored(text: string): string {
  return [...graphemes.segment(text)]
    .map(({ segment }) => bidi.getMirroredCharacter(segment) ?? segment)
    .reverse()
    .join('');
}

/** Whether a paragraph reads right to left (its first strong character is Arabic or Hebrew). */
export function isRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text) && bidi.getEmbeddingLevels(text).paragraphs[0]?.level === 1;
}

export type DrawOptions = { x: number; y: number; size: number; color: Color };

/**
 * One weight of the evidence PDF's text: Noto Sans for Latin, Greek and Cyrillic, drawn and
 * measured exactly as before (per-character widths, no shaping), and per run of text the
 * fallback font of any other script, shaped, in bidi visual order.
 */
export class TextFont {
  private readonly widths = new Map<string, number>();
  /** Per character: does the main font draw it as is (has it, no shaping, left to right)? */
  private readonly plain = new Map<string, boolean>();
  private readonly faces: FontFaces<CoverageFont>;

  constructor(
    readonly main: PDFFont,
    mainCoverage: CoverageFont,
    private readonly fallbacks: ReadonlyMap<FallbackName, { shaper: Font; font: PDFFont }>,
  ) {
    this.faces = { main: mainCoverage, fallbacks: new Map([...fallbacks].map(([name, face]) => [name, face.shaper])) };
  }

  /**
   * The characters each drawn glyph stands for, per font (by PostScript name: pdf-lib parses its
   * own copy of the font), for the PDF's ToUnicode map, so the text copies out as typed.
   */
  private static readonly glyphText = new Map<string, Map<number, number[]>>();

  static codePointsOf(font: Font, glyphId: number): number[] {
    return TextFont.glyphText.get(font.postscriptName ?? '')?.get(glyphId) ?? [];
  }

  private fallback(face: FallbackName): { shaper: Font; font: PDFFont } {
    const fallback = this.fallbacks.get(face);
    if (!fallback) throw new Error(`font ${face} was not embedded: its text was not passed to embedEvidenceFonts`);
    return fallback;
  }

  /** Shapes a fallback run with the font's own features (joining, conjuncts, mark positions). */
  private shape(face: FallbackName, text: string, size: number) {
    const { shaper, font } = this.fallback(face);
    const run = shaper.layout(text);
    const scale = size / shaper.unitsPerEm;
    let known = TextFont.glyphText.get(shaper.postscriptName ?? '');
    if (!known) TextFont.glyphText.set(shaper.postscriptName ?? '', (known = new Map()));
    for (const glyph of run.glyphs) if (!known.has(glyph.id)) known.set(glyph.id, glyph.codePoints);
    return { run, scale, font };
  }

  /** Text the main font draws alone, as before fallbacks existed: the fast path for Latin and Cyrillic. */
  private isSimple(text: string): boolean {
    if (ASCII.test(text)) return true;
    for (const char of text) {
      let plain = this.plain.get(char);
      if (plain === undefined) {
        plain = !COMPLEX.test(char) && !RIGHT_TO_LEFT.test(char) && !IS_IGNORABLE.test(char) && this.faces.main.hasGlyphForCodePoint(codePoint(char));
        this.plain.set(char, plain);
      }
      if (!plain) return false;
    }
    return true;
  }

  /** Width of the main font's text from cached per-character widths (pdf-lib would shape each call). */
  private mainWidth(text: string): number {
    let total = 0;
    for (const char of text) {
      let width = this.widths.get(char);
      if (width === undefined) {
        width = this.main.widthOfTextAtSize(char, 1);
        this.widths.set(char, width);
      }
      total += width;
    }
    return total;
  }

  width(text: string, size: number): number {
    if (this.isSimple(text)) return this.mainWidth(text) * size;
    return visualRuns(text, this.faces).reduce((sum, run) => sum + this.runWidth(run, size), 0);
  }

  private runWidth(run: Run, size: number): number {
    if (run.face === 'main') return this.mainWidth(run.text) * size;
    const { run: shaped, scale } = this.shape(run.face, run.text, size);
    return shaped.positions.reduce((sum, position) => sum + position.xAdvance, 0) * scale;
  }

  /** Draws one line (no line breaks) with its left end at x and its baseline at y. */
  draw(page: PDFPage, text: string, { x, y, size, color }: DrawOptions): void {
    if (this.isSimple(text)) {
      page.drawText(text, { x, y, size, font: this.main, color });
      return;
    }
    let left = x;
    for (const run of visualRuns(text, this.faces)) {
      if (run.face === 'main') {
        if (run.text !== '') page.drawText(run.text, { x: left, y, size, font: this.main, color });
        left += this.runWidth(run, size);
        continue;
      }
      const { run: shaped, scale, font } = this.shape(run.face, run.text, size);
      shaped.glyphs.forEach((glyph, index) => {
        const position = shaped.positions[index];
        if (!position) return;
        const token = String.fromCodePoint(GLYPH_TOKEN_BASE + glyph.id);
        page.drawText(token, { x: left + position.xOffset * scale, y: y + position.yOffset * scale, size, font, color });
        left += position.xAdvance * scale;
      });
    }
  }
}
