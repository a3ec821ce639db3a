import { describe, expect, it } from 'vitest';

import { isRightToLeft, undrawable, visualRuns, type CoverageFont, type FallbackName, type FontFaces } from '@/lib/server/evidence-pdf/text-font';

/** Fonts that cover what a regular expression matches, standing in for fontkit fonts. */
const covering = (pattern: RegExp): CoverageFont => ({ hasGlyphForCodePoint: (point) => pattern.test(String.fromCodePoint(point)) });
const FACES: FontFaces<CoverageFont> = {
  main: covering(/[\u0020-\u007e\u00a0-\u04ff\u0900-\u097f]/u), // like Noto Sans: it has Devanagari, unshaped
  fallbacks: new Map<FallbackName, CoverageFont>([
    ['arabic', covering(/[\u0600-\u06ff\u0020-\u0040]/u)],
    ['hebrew', covering(/[\u0590-\u05ff\u0020-\u0040]/u)],
    ['devanagari', covering(/[\u0900-\u097f\u0020\u200c\u200d]/u)],
  ]),
};
const runs = (text: string) => visualRuns(text, FACES).map(({ text: t, face }) => `${face}:${t}`);

describe('visualRuns', () => {
  it('keeps Latin and Cyrillic in one run of the main font', () => {
    expect(runs('My name is Иван.')).toEqual(['main:My name is Иван.']);
  });

  it('gives each script its own font, Devanagari the shaping one although the main font has it', () => {
    expect(runs('Name: राहुल शर्मा!')).toEqual(['main:Name: ', 'devanagari:राहुल शर्मा', 'main:!']);
  });

  it('puts right-to-left words in visual order, numbers left to right, brackets mirrored', () => {
    // Logical: שלום (דוד) 123 → seen from the left: 123 (דוד) שלום
    expect(runs('שלום (דוד) 123')).toEqual(['hebrew:123', 'hebrew: (', 'hebrew:דוד', 'hebrew:) ', 'hebrew:שלום']);
    // Neutral characters stay with the font before them; the letters stay in logical order for fontkit to shape.
    expect(runs('My name is محمد علي.')).toEqual(['main:My name is ', 'arabic:علي', 'arabic: ', 'arabic:محمد', 'arabic:.']);
  });

  it('draws a character no font has as U+FFFD rather than leaving a hole', () => {
    expect(runs('a ሰ b')).toEqual(['main:a \ufffd b']);
  });
});

describe('undrawable', () => {
  it('names each grapheme no font can draw, once', () => {
    expect(undrawable('ሰላም ሰ Abebe राहुल', FACES)).toEqual(['ሰ', 'ላ', 'ም']);
    expect(undrawable('Иван Petrov 123', FACES)).toEqual([]);
  });
});

describe('isRightToLeft', () => {
  it('follows the first strong character', () => {
    expect(isRightToLeft('الهاتف ملكي (2024)')).toBe(true);
    expect(isRightToLeft('Store: שלום')).toBe(false);
  });
});
