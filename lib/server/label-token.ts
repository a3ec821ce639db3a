import 'server-only';

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The evidence check decodes each box and receipt photo whole and reads its barcodes while the
 * user fills in the form; the bundle needs the same answers: the IMEIs for its "matches box label
 * barcode" facts, and proof that a photo's data is whole before it is embedded as it is. Rather
 * than doing that work a second time, the check hands the browser a token: the IMEIs it found,
 * signed with the photo's SHA-256. The bundle route verifies it statelessly (no cache, any
 * instance with the same key): a box photo with a valid token is not read again, and a prepared
 * photo with one is not decoded again. A token proves nothing about other bytes, so a swapped
 * photo or an edited IMEI list is simply read and decoded again.
 *
 * The key comes from APPEAL_LABEL_KEY (the same on every instance behind a load balancer); without
 * it each process makes its own at start, and tokens from another instance or an earlier run only
 * cost a fresh reading.
 */
const VERSION = 'v1';
const IMEI = /^\d{15}$/;
/** A box label carries two IMEIs; a few more would be odd, more than that is not a token of ours. */
const MAX_IMEIS = 4;

let key: Buffer | undefined;
function signingKey(): Buffer {
  const configured = process.env.APPEAL_LABEL_KEY;
  key ??= configured ? createHash('sha256').update(configured).digest() : randomBytes(32);
  return key;
}

function mac(photoSha256: string, imeis: string): Buffer {
  return createHmac('sha256', signingKey()).update(`box-label ${VERSION}\n${photoSha256}\n${imeis}`).digest();
}

/** `v1.<IMEIs, comma-separated>.<HMAC, base64url>`: about 80 characters for two IMEIs. */
export function signLabelToken(photoSha256: string, imeis: readonly string[]): string {
  const list = imeis.join(',');
  return `${VERSION}.${list}.${mac(photoSha256, list).toString('base64url')}`;
}

/** The IMEIs a token vouches for on the photo with this SHA-256, or null when it does not. */
export function verifyLabelToken(token: string, photoSha256: string): string[] | null {
  const [version, list, signature, ...rest] = token.split('.');
  if (version !== VERSION || list === undefined || signature === undefined || rest.length > 0) return null;
  const imeis = list === '' ? [] : list.split(',');
  if (imeis.length > MAX_IMEIS || !imeis.every((imei) => IMEI.test(imei))) return null;
  const expected = mac(photoSha256, list);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? imeis : null;
}

/**
 * What the first of the tokens that vouches for the photo with this SHA-256 says: the IMEIs the
 * check read on it, which also means the check decoded it whole. Null when none vouches for it.
 */
export function vouchedReading(tokens: readonly string[], photoSha256: string): string[] | null {
  for (const token of tokens) {
    const imeis = verifyLabelToken(token, photoSha256);
    if (imeis) return imeis;
  }
  return null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
