/**
 * Text normalisation shared by every appeal field. Values reach e-mail headers, file names and a
 * PDF, so control characters are removed here, once, before any rule runs.
 */

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidi overrides that can
// reorder or split text in headers and file names.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

// A surrogate half without its partner: encodeURIComponent throws on it (URIError) and PDF text
// cannot show it, so it becomes U+FFFD.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * Invisible characters: every format character (Unicode category Cf: soft hyphen, Arabic letter
 * mark, LRM/RLM, word joiner, invisible math operators, interlinear annotation marks, tags…) and
 * every Default_Ignorable_Code_Point (Hangul fillers, variation selectors, unassigned ones a
 * future Unicode may fill). They come along when text is copied from web pages or are typed to
 * hide text: an IMEI or e-mail address would look right and fail, and a name could read one way
 * on screen and another in the letter. A property class, not a hand list, so none is forgotten.
 * (Bidi overrides and the BOM are format characters too, but CONTROL turns them into a space: they
 * may stand between two words.)
 */
const INVISIBLE = /(?![\u202a-\u202e\u2066-\u2069\ufeff])[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const JOINER = /^[\u200c\u200d]$/;
const VARIATION_SELECTOR = /^\p{Variation_Selector}$/u;
/** What a joiner can shape: a letter, mark or symbol outside ASCII (emoji, Devanagari, Persian…). */
const SHAPES = /^[\p{L}\p{M}\p{S}]$/u;
const isShapeable = (char: string | undefined) => char !== undefined && char > '\u007f' && SHAPES.test(char);

/**
 * Two kinds of invisible characters change what the user sees and stay where they can: ZWJ and
 * ZWNJ between two non-ASCII letters, marks or symbols (emoji sequences like 👨‍👩‍👧, a Devanagari
 * half form क्‍ष, Persian words that must not join), and a variation selector right after a
 * non-ASCII character (❤️ as emoji). Anywhere else (inside an IMEI, an e-mail address, at either
 * end) they only hide something, and go.
 */
function keepsShape(char: string, offset: number, text: string): boolean {
  const before = previousChar(text, offset);
  if (JOINER.test(char)) return isShapeable(before) && isShapeable(String.fromCodePoint(text.codePointAt(offset + 1) ?? 0));
  if (VARIATION_SELECTOR.test(char)) return before !== undefined && before > '\u007f' && !/^\s$/u.test(before);
  return false;
}

function previousChar(text: string, offset: number): string | undefined {
  if (offset === 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? offset - 2 : offset - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? 0);
}

function wellFormed(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(INVISIBLE, (char: string, offset: number, text: string) => (keepsShape(char, offset, text) ? char : ''));
}

/** A one-line value: every control character becomes a space, runs of blanks collapse, ends trimmed. */
export function singleLine(value: string): string {
  return wellFormed(value).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** A multi-line value (notes): CRLF and CR become LF, other controls become spaces, at most one blank line in a row. */
export function multiLine(value: string): string {
  return wellFormed(value)
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_EXCEPT_NEWLINE, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
