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
// Invisible characters that come along when text is copied from web pages and would make an IMEI
// or e-mail address look right and fail. Zero-width joiners stay: emoji and some scripts need them.
const INVISIBLE = /[\u200b\u200e\u200f\u2060]/g;

function wellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\ufffd').replace(INVISIBLE, '');
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
