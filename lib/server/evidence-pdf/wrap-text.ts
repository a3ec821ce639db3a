import 'server-only';

import type { TextFont } from '@/lib/server/evidence-pdf/text-font';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Width of a line (TextFont caches per-character widths of Latin and Cyrillic: wrapping measures a lot of strings). */
export function textWidth(text: string, font: TextFont, size: number): number {
  return font.width(text, size);
}

/** What the PDF draws: precomposed (NFC) letters, so no combining-mark layout is ever needed. */
export function normalizeForPdf(text: string): string {
  return text.normalize('NFC');
}

/**
 * Splits text into lines no wider than maxWidth: on the user's own line breaks first, then between
 * words; a word wider than the line (a long e-mail or order number, a Chinese or Thai sentence,
 * which have no spaces) is broken between characters.
 * Word widths are measured once each, so 2,000 characters of notes stay cheap.
 */
export function wrapText(text: string, font: TextFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  const spaceWidth = textWidth(' ', font, size);
  for (const paragraph of normalizeForPdf(text).split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ').filter(Boolean)) {
      for (const piece of breakLongWord(word, font, size, maxWidth)) {
        const width = textWidth(piece, font, size);
        if (line !== '' && lineWidth + spaceWidth + width <= maxWidth) {
          line += ` ${piece}`;
          lineWidth += spaceWidth + width;
        } else {
          if (line !== '') lines.push(line);
          line = piece;
          lineWidth = width;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

function breakLongWord(word: string, font: TextFont, size: number, maxWidth: number): string[] {
  if (textWidth(word, font, size) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  // Between graphemes, never inside one: a Thai or Devanagari vowel sign stays with its letter.
  for (const { segment: char } of graphemes.segment(word)) {
    if (piece !== '' && textWidth(piece + char, font, size) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
