import 'server-only';

import type { PDFFont } from 'pdf-lib';

/** Advance width of each character at size 1, per font (fonts are embedded without layout features, so widths add up). */
const charWidths = new Map<string, Map<string, number>>();

/**
 * Width of a line, summed from cached per-character widths: pdf-lib would shape the whole string
 * through fontkit on every call, and wrapping measures a lot of strings.
 */
export function textWidth(text: string, font: PDFFont, size: number): number {
  let widths = charWidths.get(font.name);
  if (!widths) {
    widths = new Map();
    charWidths.set(font.name, widths);
  }
  let total = 0;
  for (const char of text) {
    let width = widths.get(char);
    if (width === undefined) {
      width = font.widthOfTextAtSize(char, 1);
      widths.set(char, width);
    }
    total += width;
  }
  return total * size;
}

/** What the PDF draws: precomposed (NFC) letters, so no combining-mark layout is ever needed. */
export function normalizeForPdf(text: string): string {
  return text.normalize('NFC');
}

/**
 * Splits text into lines no wider than maxWidth: on the user's own line breaks first, then between
 * words; a word wider than the line (a long e-mail or order number) is broken between characters.
 * Word widths are measured once each, so 2,000 characters of notes stay cheap.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
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

function breakLongWord(word: string, font: PDFFont, size: number, maxWidth: number): string[] {
  if (textWidth(word, font, size) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && textWidth(piece + char, font, size) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
