import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { withoutInlineImageMetadata } from '@/lib/server/inline-images';
import { jpegLength } from '@/lib/server/jpeg-metadata';
import { exiftoolGroups } from '../../support/exiftool';

const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>inline.creator@example.com</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';
const EXIF = { IFD0: { Make: 'InlineCam', Artist: 'Inline Artist 5530' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 0/1' } };
const METADATA = /InlineCam|Inline Artist|inline\.creator/;

const photo = (withMetadata = true) => {
  const image = sharp({ create: { width: 16, height: 12, channels: 3, background: '#c84' } });
  return (withMetadata ? image.withExif(EXIF).withXmp(XMP) : image).jpeg().toBuffer();
};
const content = (...parts: (string | Buffer)[]) => Buffer.concat(parts.map((part) => Buffer.from(part)));
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const pixels = (jpeg: Uint8Array) => sharp(jpeg).raw().toBuffer();

/** The JPEG drawn by the first inline image after `ID ` in a content stream. */
function inlineJpeg(stream: Uint8Array, nth = 0): Buffer {
  let at = -1;
  for (let seen = 0; seen <= nth; seen += 1) at = latin1(stream).indexOf('ID \xff\xd8', at + 1);
  const jpeg = Buffer.from(stream).subarray(at + 3);
  return jpeg.subarray(0, jpegLength(jpeg));
}

describe('withoutInlineImageMetadata', () => {
  it('drops the EXIF, GPS and XMP of an inline JPEG, keeping its pixels and the content around it', async () => {
    const jpeg = await photo();
    const before = 'q 16 0 0 12 0 0 cm\n';
    const after = '\nEI Q\nBT /F1 12 Tf (BI ID EI) Tj ET\n';
    const original = content(before, 'BI /W 16 /H 12 /CS /RGB /BPC 8 /F /DCT ID ', jpeg, after);
    expect(exiftoolGroups(jpeg)).toEqual(expect.arrayContaining(['IFD0', 'GPS', 'XMP-dc']));

    const clean = withoutInlineImageMetadata(original);
    expect(latin1(clean)).not.toMatch(METADATA);
    const cleanJpeg = inlineJpeg(clean);
    expect(exiftoolGroups(cleanJpeg)).toEqual([]);
    expect((await pixels(cleanJpeg)).equals(await pixels(jpeg))).toBe(true);
    expect(latin1(clean).startsWith(`${before}BI /W 16 /H 12 /CS /RGB /BPC 8 /F /DCT ID \xff\xd8`)).toBe(true);
    expect(latin1(clean).endsWith(after)).toBe(true);
  });

  it('reads full and abbreviated names, one-filter arrays, other images before it, and fixes a PDF 2.0 /L', async () => {
    const jpeg = await photo();
    // Raw pixels that hold " EI " and "BI" by chance (binary bytes follow, so no end), and an
    // image mask in hex: both are skipped whole.
    const raw = Buffer.from('\x00 EI \xffBI\xfe\n\x10\x20\x01\x02', 'latin1');
    const original = content(
      'BI /W 4 /H 2 /BPC 8 /CS /G ID ', raw, ' EI\n',
      'BI /IM true /W 8 /H 1 /F /AHx ID 0f> EI\n',
      `BI /Width 16 /Height 12 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter [/DCTDecode] /L ${jpeg.length} ID `, jpeg, ' EI\n',
      'BI /W 16 /H 12 /CS /RGB /BPC 8 /Filter /DCT /DP << /ColorTransform 1 >> ID\r', jpeg, '\rEI',
    );
    const clean = withoutInlineImageMetadata(original);
    expect(latin1(clean)).not.toMatch(METADATA);
    expect(latin1(clean)).toContain(content('ID ', raw, ' EI\n').toString('latin1'));
    const first = inlineJpeg(clean);
    expect(latin1(clean)).toContain(`/L ${first.length} ID `);
    expect((await pixels(first)).equals(await pixels(jpeg))).toBe(true);
    expect(latin1(clean).endsWith('\rEI')).toBe(true);
    expect(exiftoolGroups(Buffer.from(latin1(clean).split('ID\r')[1]!.slice(0, -3), 'latin1'))).toEqual([]);
  });

  it('returns content without inline JPEG metadata as it is', async () => {
    const text = Buffer.from('BT /F1 12 Tf (BIG SALE) Tj ET % BI in a comment\n');
    expect(withoutInlineImageMetadata(text)).toBe(text);
    const plain = content('BI /W 16 /H 12 /CS /RGB /BPC 8 /F /DCT ID ', await photo(false), '\nEI');
    expect(withoutInlineImageMetadata(plain)).toBe(plain);
  });

  it('refuses inline images it cannot delimit or clean', async () => {
    const jpeg = await photo();
    const refusals = {
      'no EI': content('BI /W 16 /H 12 /CS /RGB /BPC 8 /F /DCT ID ', jpeg, ' Q'),
      'JPEG cut short': content('BI /W 16 /H 12 /CS /RGB /BPC 8 /F /DCT ID ', jpeg.subarray(0, jpeg.length - 40), ' EI'),
      'no ID': content('BI /W 16 /H 12 /CS /RGB /BPC 8 /F /DCT'),
      'JPEG behind another filter': content('BI /W 16 /H 12 /CS /RGB /BPC 8 /F [/A85 /DCT] ID ', 'garbage~>', ' EI'),
      'JPEG 2000 inline': content('BI /W 16 /H 12 /F /JPXDecode ID ', jpeg, ' EI'),
      'raw data without EI': content('BI /W 4 /H 2 /BPC 8 /CS /G ID \x00\x01\x02\x03'),
    };
    for (const [what, stream] of Object.entries(refusals)) expect(() => withoutInlineImageMetadata(stream), what).toThrow();
  });
});
