import 'server-only';

/** sRGB's primaries adapted to D50, as every ICC v2/v4 sRGB profile stores them (rXYZ, gXYZ, bXYZ). */
const SRGB_PRIMARIES: Record<string, readonly number[]> = {
  rXYZ: [0.4361, 0.2225, 0.0139],
  gXYZ: [0.3851, 0.7169, 0.0971],
  bXYZ: [0.1431, 0.0606, 0.7141],
};
/**
 * IEC 61966-2-1's curve as an ICC parametric curve: function type 3 (g, a, b, c, d), or type 4
 * with e = f = 0 (Chrome's).
 */
const SRGB_CURVE = [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045];
const CURVE_PARAMETERS: Record<number, readonly number[]> = { 3: SRGB_CURVE, 4: [...SRGB_CURVE, 0, 0] };

/**
 * Whether an embedded ICC profile is plain sRGB (matrix/TRC with sRGB's primaries and curve), as
 * Chrome writes into every canvas JPEG and many phone cameras into their photos: dropping it, or
 * decoding as if it were absent, then changes no colour, since a file without a profile is read
 * as sRGB. Any other profile (Display P3 from an iPhone, Adobe RGB, a lookup table) means the
 * colours must be converted.
 */
export function isSrgbProfile(icc: Uint8Array): boolean {
  if (icc.length < 132) return false;
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  const text = (at: number) => String.fromCharCode(...icc.subarray(at, at + 4));
  const fixed = (at: number) => view.getInt32(at) / 65536;
  if (text(16) !== 'RGB ' || text(20) !== 'XYZ ' || view.getUint32(0) !== icc.length) return false;
  const tags = new Map<string, { offset: number; size: number }>();
  const count = view.getUint32(128);
  if (132 + count * 12 > icc.length) return false;
  for (let entry = 132; entry < 132 + count * 12; entry += 12) {
    const offset = view.getUint32(entry + 4);
    const size = view.getUint32(entry + 8);
    if (offset + size > icc.length) return false;
    tags.set(text(entry), { offset, size });
  }
  if (tags.has('A2B0') || tags.has('B2A0')) return false; // a lookup table decides, not the matrix
  for (const [name, expected] of Object.entries(SRGB_PRIMARIES)) {
    const tag = tags.get(name);
    if (!tag || tag.size < 20 || text(tag.offset) !== 'XYZ ') return false;
    if (expected.some((value, i) => Math.abs(fixed(tag.offset + 8 + i * 4) - value) > 0.002)) return false;
  }
  for (const name of ['rTRC', 'gTRC', 'bTRC']) {
    const tag = tags.get(name);
    if (!tag || tag.size < 12 || text(tag.offset) !== 'para') return false;
    const expected = CURVE_PARAMETERS[view.getUint16(tag.offset + 8)];
    if (!expected || tag.size < 12 + expected.length * 4) return false;
    if (expected.some((value, i) => Math.abs(fixed(tag.offset + 12 + i * 4) - value) > 0.002)) return false;
  }
  return true;
}
