import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

import { exifOrientation, readBaselineJpeg, type BaselineJpeg } from '@/lib/server/baseline-jpeg';
import { isSrgbProfile } from '@/lib/server/srgb-profile';

import { exiftoolGroups } from '../../support/exiftool';

/** A small photo-like image: gradients and noise, so the entropy data is not trivial. */
async function photo(width = 320, height = 240): Promise<Sharp> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * 7 + ((i / 3) % width) * 3 + Math.floor(i / 3 / width) * 5) & 0xff;
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

const baseline = async (image: Sharp, quality = 80) =>
  image.jpeg({ quality, progressive: false, mozjpeg: false, chromaSubsampling: '4:2:0' }).toBuffer();

/** A marker segment: FF, marker, big-endian length (itself included), payload. */
function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** The same JPEG with segments inserted right after SOI. */
const withSegments = (jpeg: Buffer, ...segments: Buffer[]) => Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);

function passes(result: ReturnType<typeof readBaselineJpeg>): BaselineJpeg {
  if (!('jpeg' in result)) throw new Error(`refused: ${result.reason}`);
  return result;
}

describe('readBaselineJpeg', () => {
  let plain: Buffer;
  let plainPixels: Buffer;
  beforeAll(async () => {
    plain = await baseline(await photo());
    plainPixels = await sharp(plain).raw().toBuffer();
  });

  it('passes a plain baseline JPEG with its size, components and quality, pixels untouched', async () => {
    const result = passes(readBaselineJpeg(plain));
    expect(result).toMatchObject({ width: 320, height: 240, components: 3, quality: 80 });
    expect(result.jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(result.jpeg.subarray(6, 11).toString('latin1')).toBe('JFIF\0');
    expect(result.jpeg.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(await sharp(result.jpeg).raw().toBuffer()).toEqual(plainPixels);
    // pdf-lib reads the JPEG from `.buffer` at offset 0: a tiny file must not sit in Node's pool.
    const tiny = passes(readBaselineJpeg(await baseline(await photo(16, 16))));
    expect([tiny.jpeg.byteOffset, tiny.jpeg.buffer.byteLength]).toEqual([0, tiny.jpeg.length]);
  });

  it('reads the quality the encoder was asked for from the luminance table', async () => {
    const image = await photo(64, 48);
    for (const quality of [50, 75, 80, 85, 95]) expect(passes(readBaselineJpeg(await baseline(image.clone(), quality))).quality).toBe(quality);
  });

  it('drops EXIF with GPS, XMP, a comment, a JFIF thumbnail extension and bytes after the end', async () => {
    const tagged = await (await photo())
      .withExif({
        IFD0: { Make: 'Xiaomi', Model: 'Redmi Note 12', Orientation: '1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 0/1' },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ivan</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')
      .jpeg({ quality: 80 })
      .toBuffer();
    expect(exiftoolGroups(tagged)).toEqual(expect.arrayContaining(['IFD0', 'GPS', 'XMP-dc']));
    const hostile = Buffer.concat([
      withSegments(
        tagged,
        segment(0xfe, Buffer.from('secret comment <script>')),
        segment(0xe0, Buffer.concat([Buffer.from('JFXX\0\x13'), Buffer.alloc(40, 7)])),
      ),
      Buffer.from('PK\x03\x04 a zip archive hidden after the image'),
    ]);
    const result = passes(readBaselineJpeg(hostile));
    expect(exiftoolGroups(result.jpeg)).toEqual([]);
    const text = result.jpeg.toString('latin1');
    for (const leak of ['Exif', 'Xiaomi', 'http://ns.adobe.com', 'Ivan', 'secret', 'JFXX', 'PK\x03\x04']) expect(text).not.toContain(leak);
    expect(await sharp(result.jpeg).raw().toBuffer()).toEqual(await sharp(tagged).raw().toBuffer());
  });

  it('stops at the frame header of a photo whose size is not allowed, before its entropy data', () => {
    expect(readBaselineJpeg(plain, { fits: (width) => width <= 319 })).toEqual({ reason: 'too-large' });
    expect(passes(readBaselineJpeg(plain, { fits: (width) => width <= 320 })).width).toBe(320);
  });

  it('refuses to vouch for a photo that is not upright or whose EXIF it cannot read', async () => {
    const rotated = await (await photo()).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(readBaselineJpeg(rotated)).toEqual({ reason: 'rotated' });
    const exif = (tiff: Buffer) => segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0'), tiff]));
    expect(readBaselineJpeg(withSegments(plain, exif(Buffer.from('garbage!'))))).toEqual({ reason: 'exif' });
    const upright = await (await photo()).withMetadata({ orientation: 1 }).jpeg().toBuffer();
    const twice = withSegments(upright, exif(Buffer.from('II*\0\x08\0\0\0\0\0', 'latin1')));
    expect(readBaselineJpeg(twice)).toEqual({ reason: 'exif' });
  });

  it('leaves progressive, 12-bit-free but CMYK, profiled and RGB-numbered files to the decoder', async () => {
    const image = await photo(64, 48);
    expect(readBaselineJpeg(await image.clone().jpeg({ progressive: true }).toBuffer())).toEqual({ reason: 'not-baseline' });
    expect(readBaselineJpeg(await image.clone().toColourspace('cmyk').jpeg().toBuffer())).toEqual({ reason: 'colour' });
    expect(readBaselineJpeg(await image.clone().withIccProfile('p3').jpeg().toBuffer())).toEqual({ reason: 'colour' });
    const rgbNumbered = Buffer.from(await baseline(image.clone()));
    const sof = rgbNumbered.indexOf(Buffer.from([0xff, 0xc0]));
    rgbNumbered.set([0x52], sof + 10);
    rgbNumbered.set([0x47], sof + 13);
    rgbNumbered.set([0x42], sof + 16);
    expect(readBaselineJpeg(rgbNumbered)).toEqual({ reason: 'colour' });
    // Arithmetic coding (SOF9) and anything else unknown.
    const arithmetic = Buffer.from(await baseline(image.clone()));
    arithmetic.set([0xc9], sof + 1);
    expect(readBaselineJpeg(arithmetic)).toEqual({ reason: 'not-baseline' });
  });

  it('passes greyscale, and stays inside a scan across restart markers and stuffed bytes', async () => {
    const grey = passes(readBaselineJpeg(await (await photo()).toColourspace('b-w').jpeg().toBuffer()));
    expect(grey.components).toBe(1);
    // The walker does not decode: a restart marker (FF D0–D7) or a stuffed FF 00 inside the
    // entropy data must not end the scan, or the rest of the image would be lost.
    const sos = plain.indexOf(Buffer.from([0xff, 0xda]));
    const dataStart = sos + 2 + plain.readUInt16BE(sos + 2);
    const scan = plain.subarray(dataStart, plain.length - 2);
    const withRestarts = Buffer.concat([plain.subarray(0, dataStart), scan.subarray(0, 100), Buffer.from([0xff, 0xd3, 0xff, 0x00]), scan.subarray(100), Buffer.from([0xff, 0xd9])]);
    const result = passes(readBaselineJpeg(withRestarts));
    expect(result.jpeg.length).toBe(withRestarts.length - plain.indexOf(Buffer.from([0xff, 0xdb])) + 20);
  });

  it('says malformed for truncated data or a cut segment, not-jpeg for other files', () => {
    expect(readBaselineJpeg(plain.subarray(0, Math.floor(plain.length / 2)))).toEqual({ reason: 'malformed' });
    expect(readBaselineJpeg(plain.subarray(0, 30))).toEqual({ reason: 'malformed' });
    expect(readBaselineJpeg(Buffer.from('<html>not a photo</html>'))).toEqual({ reason: 'not-jpeg' });
    expect(readBaselineJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toEqual({ reason: 'malformed' });
  });
});

/** A matrix/TRC ICC profile like the one Chrome writes into canvas JPEGs, with the given primaries and curve. */
function matrixProfile(primaries: number[][], curve: number[]): Buffer {
  const tags = ['rXYZ', 'gXYZ', 'bXYZ', 'rTRC', 'gTRC', 'bTRC'];
  const size = 132 + tags.length * 12 + 3 * 20 + 3 * 32;
  const icc = Buffer.alloc(size);
  const fixed = (value: number, at: number) => icc.writeInt32BE(Math.round(value * 65536), at);
  icc.writeUInt32BE(size, 0);
  icc.write('mntrRGB XYZ ', 12, 'latin1');
  icc.write('acsp', 36, 'latin1');
  icc.writeUInt32BE(tags.length, 128);
  let data = 132 + tags.length * 12;
  tags.forEach((tag, index) => {
    const entry = 132 + index * 12;
    const isCurve = tag.endsWith('TRC');
    icc.write(tag, entry, 'latin1');
    icc.writeUInt32BE(data, entry + 4);
    icc.writeUInt32BE(isCurve ? 32 : 20, entry + 8);
    if (isCurve) {
      icc.write('para', data, 'latin1');
      icc.writeUInt16BE(3, data + 8);
      curve.forEach((value, i) => fixed(value, data + 12 + i * 4));
    } else {
      icc.write('XYZ ', data, 'latin1');
      primaries[index]!.forEach((value, i) => fixed(value, data + 8 + i * 4));
    }
    data += isCurve ? 32 : 20;
  });
  return icc;
}

const SRGB = [
  [0.43607, 0.22249, 0.01392],
  [0.38515, 0.71687, 0.09708],
  [0.14307, 0.06061, 0.7141],
];
const DISPLAY_P3 = [
  [0.51512, 0.2412, -0.00105],
  [0.29198, 0.69225, 0.04189],
  [0.1571, 0.06657, 0.78407],
];
const SRGB_CURVE = [2.4, 0.94786, 0.05214, 0.07739, 0.04045];

describe('isSrgbProfile', () => {
  it('accepts the sRGB profile browsers embed in canvas JPEGs, and such a JPEG passes without it', async () => {
    const srgb = matrixProfile(SRGB, SRGB_CURVE);
    expect(isSrgbProfile(srgb)).toBe(true);
    const chunk = segment(0xe2, Buffer.concat([Buffer.from('ICC_PROFILE\0\x01\x01', 'latin1'), srgb]));
    const result = passes(readBaselineJpeg(withSegments(await baseline(await photo(64, 48)), chunk)));
    expect(result.jpeg.includes(Buffer.from('ICC_PROFILE'))).toBe(false);
  });

  it('refuses Display P3, a gamma-2.2 curve, lookup tables and garbage', () => {
    expect(isSrgbProfile(matrixProfile(DISPLAY_P3, SRGB_CURVE))).toBe(false);
    expect(isSrgbProfile(matrixProfile(SRGB, [2.2, 1, 0, 0, 0]))).toBe(false);
    const withLut = matrixProfile(SRGB, SRGB_CURVE);
    withLut.write('A2B0', 132, 'latin1');
    expect(isSrgbProfile(withLut)).toBe(false);
    expect(isSrgbProfile(Buffer.alloc(200))).toBe(false);
  });
});

describe('exifOrientation', () => {
  const tiff = (little: boolean, orientation?: number) => {
    const b = Buffer.alloc(26);
    b.write(little ? 'II' : 'MM', 0, 'latin1');
    const u16 = (v: number, at: number) => (little ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at));
    const u32 = (v: number, at: number) => (little ? b.writeUInt32LE(v, at) : b.writeUInt32BE(v, at));
    u16(42, 2);
    u32(8, 4);
    u16(1, 8);
    u16(orientation === undefined ? 0x010f : 0x0112, 10);
    u16(3, 12);
    u32(1, 14);
    u16(orientation ?? 0, 18);
    return b;
  };
  it('reads tag 0x0112 in both byte orders', () => {
    expect(exifOrientation(tiff(true, 6))).toBe(6);
    expect(exifOrientation(tiff(false, 8))).toBe(8);
    expect(exifOrientation(tiff(true))).toBeUndefined();
    expect(exifOrientation(Buffer.from('XX*\0'))).toBeNull();
  });
});
