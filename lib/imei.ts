/**
 * IMEI checks. An IMEI is 15 digits: an 8-digit TAC, a 6-digit serial and a Luhn check digit
 * computed over the first 14. People copy it from box labels and receipts with spaces, hyphens,
 * slashes or dots, and sometimes copy the 16-digit IMEISV or drop the check digit; both of those
 * deserve a suggestion rather than a bare "invalid".
 */

export type ImeiCheck =
  | { kind: 'empty' }
  | { kind: 'valid'; imei: string }
  /** 14 digits: the check digit is missing. */
  | { kind: 'missing-check-digit'; suggestion: string }
  /** 16 digits: an IMEISV (TAC + serial + software version), whose IMEI is derived. */
  | { kind: 'imeisv'; suggestion: string }
  /** 15 digits whose last digit is not the Luhn digit of the first 14. */
  | { kind: 'wrong-check-digit'; expectedCheckDigit: string }
  /** Letters, or a digit count no IMEI form has. */
  | { kind: 'not-an-imei'; digitCount: number };

/** Separators people type between digit groups; anything else is a real character. */
const SEPARATORS = /[\s\-/.\u2010-\u2015\u2212\u00a0\u3000\uff0d\uff0e\uff0f]/gu;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;

/**
 * Digits of any script become ASCII digits. Deliberate: an IMEI is only ever digits, and people
 * paste it from Arabic-Indic or Persian keyboards (٨٦٨…) or from fullwidth Chinese pages (８６８…);
 * refusing what is unambiguous would only stall a stressed user. Unicode stores each script's
 * decimal digits as one run of ten in order, 0 first, so a digit's value is its distance from the
 * start of its run, modulo ten (some runs, like the mathematical digits, sit back to back).
 */
function toAsciiDigits(input: string): string {
  return input.replace(NON_ASCII_DIGIT, (digit) => {
    const codePoint = digit.codePointAt(0) ?? 0;
    let runStart = codePoint;
    while (/\p{Nd}/u.test(String.fromCodePoint(runStart - 1))) runStart--;
    return String((codePoint - runStart) % 10);
  });
}

/** What the user typed, reduced to the characters that matter: ASCII digits (and any stray letters). */
export function normalizeImeiInput(input: string): string {
  return toAsciiDigits(input).replace(SEPARATORS, '');
}

/**
 * What, besides digits, an input holds, so the advice fits it: a letter O (Latin or Cyrillic, the
 * usual slip for a zero on a label) is told apart from other letters ("IMEI" typed into the box
 * has no O, and "the letter O is not a zero" would puzzle), and letters from other signs.
 */
export type ImeiStray = 'letterO' | 'letters' | 'signs';
export function strayInImei(input: string): ImeiStray | null {
  const stray = normalizeImeiInput(input).replace(/\d/g, '');
  if (stray === '') return null;
  if (/[OoОо]/.test(stray)) return 'letterO';
  if (/\p{L}/u.test(stray)) return 'letters';
  return 'signs';
}

/** Luhn check digit for a string of digits (the digit that would be appended). */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  // Walk from the right: the digit next to the (future) check digit is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function checkImei(input: string): ImeiCheck {
  const digits = normalizeImeiInput(input);
  if (digits === '') return { kind: 'empty' };
  if (!/^\d+$/.test(digits)) return { kind: 'not-an-imei', digitCount: digits.replace(/\D/g, '').length };
  switch (digits.length) {
    case 14:
      return { kind: 'missing-check-digit', suggestion: digits + luhnCheckDigit(digits) };
    case 15: {
      const body = digits.slice(0, 14);
      const expected = luhnCheckDigit(body);
      return digits[14] === expected
        ? { kind: 'valid', imei: digits }
        : { kind: 'wrong-check-digit', expectedCheckDigit: expected };
    }
    case 16: {
      const body = digits.slice(0, 14);
      return { kind: 'imeisv', suggestion: body + luhnCheckDigit(body) };
    }
    default:
      return { kind: 'not-an-imei', digitCount: digits.length };
  }
}

/** For logs: keeps the TAC (model, not personal) and hides the serial and check digit. */
export function maskImei(imei: string): string {
  const d = normalizeImeiInput(imei);
  return d.length <= 8 ? '*'.repeat(d.length) : d.slice(0, 8) + '*'.repeat(d.length - 8);
}
