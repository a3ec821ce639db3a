import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { jpegLength, withoutJpegMetadata } from '@/lib/server/jpeg-metadata';
import { exiftoolGroups } from '../../support/exiftool';

const EXIF = { IFD0: { Artist: 'Hidden Photographer 7731', Copyright: 'Ivan' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 41/1 0/1' } };
const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>ivan@example.com</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';

async function photo(options: { progressive?: boolean; cmyk?: boolean } = {}): Promise<Buffer> {
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366aa' } }).withExif(EXIF).withXmp(XMP);
  return (options.cmyk ? image.toColourspace('cmyk') : image).jpeg({ progressive: options.progressive ?? false }).toBuffer();
}

const pixels = (jpeg: Uint8Array) => sharp(jpeg).raw().toBuffer();
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('withoutJpegMetadata', () => {
  it('drops EXIF (GPS included), XMP, comments and anything after the image, and keeps every pixel', async () => {
    const original = Buffer.concat([await photo(), Buffer.from('<script>payload()</script>')]);
    expect(exiftoolGroups(original)).toEqual(expect.arrayContaining(['IFD0', 'GPS', 'XMP-dc']));
    const clean = withoutJpegMetadata(original);
    expect(exiftoolGroups(Buffer.from(clean))).toEqual([]);
    expect(latin1(clean)).not.toContain('Hidden Photographer');
    expect(latin1(clean)).not.toContain('payload');
    expect(latin1(clean.subarray(-2))).toBe('\xff\xd9');
    expect((await pixels(clean)).equals(await pixels(original))).toBe(true);
  });

  it('keeps a progressive file whole, scan after scan', async () => {
    const original = await photo({ progressive: true });
    const clean = withoutJpegMetadata(original);
    expect(exiftoolGroups(Buffer.from(clean))).toEqual([]);
    expect((await pixels(clean)).equals(await pixels(original))).toBe(true);
  });

  it('keeps what changes how a CMYK file looks (Adobe APP14)', async () => {
    const original = await photo({ cmyk: true });
    const clean = withoutJpegMetadata(original);
    expect(latin1(clean)).toContain('Adobe');
    expect(exiftoolGroups(Buffer.from(clean))).not.toContain('IFD0');
    expect((await pixels(clean)).equals(await pixels(original))).toBe(true);
  });

  it('ends a file cut after its image data as a JPEG ends, and refuses what is not a JPEG', async () => {
    const original = await photo();
    const cut = withoutJpegMetadata(original.subarray(0, original.length - 2));
    expect(latin1(cut.subarray(-2))).toBe('\xff\xd9');
    expect(() => withoutJpegMetadata(Buffer.from('%PDF-1.7'))).toThrow();
    expect(() => withoutJpegMetadata(original.subarray(0, 40))).toThrow();
  });
});

describe('jpegLength', () => {
  it('finds where a JPEG followed by other bytes ends, as inline images in a content stream are', async () => {
    for (const original of [await photo(), await photo({ progressive: true })]) {
      expect(jpegLength(Buffer.concat([original, Buffer.from('\nEI Q\n\xff\xd9', 'latin1')]))).toBe(original.length);
    }
  });

  it('refuses a JPEG that never reaches its end of image', async () => {
    const original = await photo();
    expect(() => jpegLength(original.subarray(0, original.length - 2))).toThrow(/no end of image/);
  });
});
