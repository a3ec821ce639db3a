/**
 * A short reference the user quotes in every follow-up (AK-7KQ2-M9XD). Made in the browser once per
 * appeal so the server keeps nothing; 32 symbols without the look-alikes 0/O and 1/I, so it can be
 * read out over the phone, and 40 random bits, so two appeals never share one in practice.
 */
const SYMBOLS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generateCaseReference(randomBytes: (n: number) => Uint8Array = defaultRandomBytes): string {
  const bytes = randomBytes(8);
  // 32 symbols divide 256 evenly, so masking the low five bits keeps every symbol equally likely.
  const chars = Array.from(bytes, (b) => SYMBOLS.charAt(b & 31));
  return `AK-${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}`;
}

function defaultRandomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}
