/**
 * Images inside a PDF receipt reach the bundle without their metadata, whatever way the receipt
 * stores them (audit B §3): a JPEG drawn inline in a content stream (the page's, a Form
 * XObject's, a tiling pattern's, a Type3 glyph's) and a JPEG 2000 image XObject. Only metadata
 * goes: every image still draws the same pixels, and an ordinary receipt is shown unchanged.
 */
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { PDFDocument, type PDFRawStream, PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { jp2Boxes } from '@/lib/server/jp2-metadata';
import { jpegLength } from '@/lib/server/jpeg-metadata';
import { readPdfReceipt } from '@/lib/server/read-pdf-receipt';
import { exiftoolGroups } from '../../support/exiftool';
import { flateStream, handPdf, oneReceiptPage, pdfStream } from '../../support/hand-pdf';
import { JP2_MARKERS, jp2WithMetadata, TINY_JP2 } from '../../support/jpeg2000';
import { withPdfFile } from '../support/pdf-tools';
import { expectBundle, postForm, standardUploads, validFields, type Upload } from './appeal-client';
import { qdfText } from './pdf-inspect';

const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>inline.creator@example.com</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';
const EXIF = { IFD0: { Make: 'InlineCam', Artist: 'Inline Artist 5530' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 0/1' } };
const INLINE_METADATA = /InlineCam|Inline Artist|inline\.creator/;
const JP2_METADATA = new RegExp(Object.values(JP2_MARKERS).join('|'));

const withReceipt = (bytes: Buffer, name: string): Upload[] => [
  ...standardUploads().filter((upload) => upload.role === 'boxPhoto'),
  { role: 'receipt', name, bytes, type: 'application/pdf' },
];

/** A phone-like JPEG, 32 × 24, with EXIF (camera, artist, GPS) and XMP, or without any metadata. */
const photo = (withMetadata: boolean) => {
  const image = sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a7' } });
  return (withMetadata ? image.withExif(EXIF).withXmp(XMP) : image).jpeg().toBuffer();
};

const inline = (jpeg: Buffer, names: 'abbreviated' | 'full' = 'abbreviated') =>
  Buffer.concat([
    Buffer.from(names === 'full' ? 'BI /Width 32 /Height 24 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode ID ' : 'BI /W 32 /H 24 /CS /RGB /BPC 8 /F /DCT ID '),
    jpeg,
    Buffer.from('\nEI'),
  ]);

/**
 * A receipt drawing the JPEG inline four times: in the page's content and in a Form XObject (both
 * Flate-compressed, as PDF generators write them; the form with full names), as the cell of a
 * tiling pattern and as a Type3 glyph (both uncompressed).
 */
function inlineImageReceipt(jpeg: Buffer): Buffer {
  const content = Buffer.concat([
    Buffer.from('q 120 0 0 90 20 290 cm\n'), inline(jpeg), Buffer.from('\nQ\n'),
    Buffer.from('q 1 0 0 1 160 290 cm /Fm0 Do Q\n'),
    Buffer.from('q /Pattern cs /P0 scn 20 150 260 100 re f Q\n'),
    Buffer.from('BT /T3 1 Tf 20 20 Td (a) Tj ET\n'),
  ]);
  return handPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /XObject << /Fm0 5 0 R >> /Pattern << /P0 6 0 R >> /Font << /T3 7 0 R >> >> >>',
    flateStream(content),
    flateStream(Buffer.concat([Buffer.from('q 120 0 0 90 0 0 cm\n'), inline(jpeg, 'full'), Buffer.from('\nQ')]), '/Type /XObject /Subtype /Form /BBox [0 0 120 90] '),
    pdfStream(Buffer.concat([Buffer.from('q 40 0 0 30 0 0 cm '), inline(jpeg), Buffer.from(' Q')]), '/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 50 50] /XStep 50 /YStep 50 /Resources << >> '),
    '<< /Type /Font /Subtype /Type3 /FontBBox [0 0 100 100] /FontMatrix [1 0 0 1 0 0] /CharProcs << /a 8 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [100] /Resources << >> >>',
    pdfStream(Buffer.concat([Buffer.from('100 0 d0 q 100 0 0 75 0 0 cm '), inline(jpeg), Buffer.from(' Q')])),
  ]);
}

/** A JPEG 2000 image XObject, 12 × 8, drawn across the page. */
const jpxReceipt = (jp2: Buffer, filter = '/JPXDecode') =>
  oneReceiptPage({
    page: '/MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >>',
    content: 'q 240 0 0 160 30 200 cm /Im0 Do Q',
    extra: [pdfStream(jp2, `/Type /XObject /Subtype /Image /Width 12 /Height 8 /Filter ${filter} `)],
  });

/** Every inline JPEG in a PDF's QDF text (streams uncompressed). */
function inlineJpegs(qdf: string): Buffer[] {
  const bytes = Buffer.from(qdf, 'latin1');
  const found: Buffer[] = [];
  for (let at = qdf.indexOf('ID \xff\xd8'); at !== -1; at = qdf.indexOf('ID \xff\xd8', at + 1)) {
    const jpeg = bytes.subarray(at + 3);
    found.push(jpeg.subarray(0, jpegLength(jpeg)));
  }
  return found;
}

/** The receipt's first page drawn by poppler, as it is embedded into the bundle. */
async function rendered(receipt: PDFDocument): Promise<Buffer> {
  const bundle = await PDFDocument.create();
  const [page] = await bundle.embedPages([receipt.getPages()[0]!]);
  bundle.addPage([300, 400]).drawPage(page!);
  return withPdfFile(await bundle.save(), (file, dir) => {
    execFileSync('pdftoppm', ['-r', '72', '-png', '-singlefile', file, path.join(dir, 'page')]);
    return readFileSync(path.join(dir, 'page.png'));
  });
}

/** The receipt drawn as pdf-lib would embed it unread, and as it is after readPdfReceipt. */
async function drawnBeforeAndAfter(receipt: Buffer): Promise<[Buffer, Buffer]> {
  const raw = await PDFDocument.load(receipt);
  const { document } = await readPdfReceipt(receipt, 'receipt.pdf');
  const [before, after] = [await sharp(await rendered(raw)).raw().toBuffer(), await sharp(await rendered(document)).raw().toBuffer()];
  // A blank page would compare equal to anything blank: the images must have been drawn.
  expect(before.some((value) => value < 128)).toBe(true);
  return [before, after];
}

describe('inline JPEGs in a receipt’s content streams', () => {
  it('reach the bundle without EXIF, GPS or XMP, from the page, a form, a pattern and a Type3 glyph', async () => {
    const jpeg = await photo(true);
    expect(exiftoolGroups(jpeg)).toEqual(expect.arrayContaining(['IFD0', 'GPS', 'XMP-dc']));
    const receipt = inlineImageReceipt(jpeg);
    // The upload really carries the metadata, four times (page content uncompressed by qpdf).
    expect(inlineJpegs(await qdfText(receipt)).filter((image) => INLINE_METADATA.test(image.toString('latin1')))).toHaveLength(4);

    const answer = await postForm(validFields(), withReceipt(receipt, 'inline-receipt.pdf'));
    await expectBundle(answer);
    const qdf = await qdfText(new Uint8Array(await answer.response.arrayBuffer()));
    expect(qdf).not.toMatch(INLINE_METADATA);
    const images = inlineJpegs(qdf);
    expect(images).toHaveLength(4);
    const pixels = await sharp(jpeg).raw().toBuffer();
    for (const image of images) {
      expect(exiftoolGroups(image)).toEqual([]);
      expect((await sharp(image).raw().toBuffer()).equals(pixels)).toBe(true);
    }
  });

  it('are drawn exactly as before', async () => {
    const [before, after] = await drawnBeforeAndAfter(inlineImageReceipt(await photo(true)));
    expect(after.equals(before)).toBe(true);
  });
});

describe('a JPEG 2000 image in a receipt', () => {
  it('reaches the bundle without its XMP, GeoJP2 or uinf boxes, its image boxes unchanged', async () => {
    const receipt = jpxReceipt(jp2WithMetadata());
    expect(receipt.toString('latin1')).toMatch(JP2_METADATA);
    const answer = await postForm(validFields(), withReceipt(receipt, 'jpx-receipt.pdf'));
    await expectBundle(answer);
    const pdf = new Uint8Array(await answer.response.arrayBuffer());
    expect(await qdfText(pdf)).not.toMatch(JP2_METADATA);
    const stored = withPdfFile(pdf, (file, dir) => {
      execFileSync('pdfimages', ['-jp2', file, path.join(dir, 'img')]);
      const jp2 = execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter((name) => name.endsWith('.jp2'));
      return jp2.map((name) => readFileSync(path.join(dir, name)));
    });
    expect(stored).toHaveLength(1);
    expect(jp2Boxes(stored[0]!).boxes.map((box) => box.type)).toEqual(['jP  ', 'ftyp', 'jp2h', 'jp2c']);
    expect(stored[0]!.equals(TINY_JP2)).toBe(true);
  });

  it('is drawn exactly as before', async () => {
    const [before, after] = await drawnBeforeAndAfter(jpxReceipt(jp2WithMetadata()));
    expect(after.equals(before)).toBe(true);
  });

  it('behind a filter other than Flate is refused as damaged rather than copied with its metadata', async () => {
    const receipt = jpxReceipt(Buffer.from(jp2WithMetadata().toString('hex') + '>'), '[/ASCIIHexDecode /JPXDecode]');
    await expect(readPdfReceipt(receipt, 'wrapped.pdf')).rejects.toMatchObject({ code: 'unreadable-file' });
  });
});

/**
 * Scanners and online PDF compressors deflate the JPEG once more: /Filter [/FlateDecode /DCTDecode].
 * Such a receipt is not damaged; the wrapper comes off, the image is cleaned like any other.
 */
describe('a JPEG or JPEG 2000 wrapped in Flate', () => {
  const wrappedReceipt = (image: Buffer, codec: 'DCTDecode' | 'JPXDecode', size: string) =>
    oneReceiptPage({
      page: '/MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >>',
      content: 'q 240 0 0 160 30 200 cm /Im0 Do Q',
      extra: [pdfStream(deflateSync(image), `/Type /XObject /Subtype /Image ${size} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter [/FlateDecode /${codec}] /DecodeParms [null null] `)],
    });

  it('a JPEG reaches the bundle unwrapped, without EXIF, GPS or XMP, and is drawn as before', async () => {
    const receipt = wrappedReceipt(await photo(true), 'DCTDecode', '/Width 32 /Height 24');
    const answer = await postForm(validFields(), withReceipt(receipt, 'scanned.pdf'));
    await expectBundle(answer);
    const pdf = new Uint8Array(await answer.response.arrayBuffer());
    const qdf = await qdfText(pdf);
    expect(qdf).not.toMatch(INLINE_METADATA);
    expect(qdf).not.toMatch(/\[\s*\/FlateDecode\s*\/DCTDecode\s*\]/);
    const [before, after] = await drawnBeforeAndAfter(wrappedReceipt(await photo(true), 'DCTDecode', '/Width 32 /Height 24'));
    expect(after.equals(before)).toBe(true);
  });

  it('a JPEG 2000 loses its XMP and GeoJP2 boxes and is drawn as before', async () => {
    const receipt = wrappedReceipt(jp2WithMetadata(), 'JPXDecode', '/Width 12 /Height 8');
    const { document } = await readPdfReceipt(receipt, 'scanned.pdf');
    expect(Buffer.from(await document.save()).toString('latin1')).not.toMatch(JP2_METADATA);
    const [before, after] = await drawnBeforeAndAfter(receipt);
    expect(after.equals(before)).toBe(true);
  });

  it('a wrapper that inflates far past any image is refused as damaged', async () => {
    const bomb = Buffer.concat([await photo(false), Buffer.alloc(40 * 1024 * 1024)]);
    const receipt = wrappedReceipt(bomb, 'DCTDecode', '/Width 32 /Height 24');
    expect(receipt.length).toBeLessThan(100 * 1024);
    await expect(readPdfReceipt(receipt, 'bomb.pdf')).rejects.toMatchObject({ code: 'unreadable-file' });
  });
});

describe('an ordinary receipt', () => {
  it('is shown unchanged and its content is not rewritten: text, a raw inline image, a metadata-free JPEG', async () => {
    const jpeg = await photo(false);
    const content = Buffer.concat([
      Buffer.from('BT /F1 14 Tf 20 360 Td (BIG SALE: BI ID EI) Tj ET\n'),
      Buffer.from('q 60 0 0 20 20 300 cm BI /W 3 /H 1 /CS /RGB /BPC 8 ID '), Buffer.from([0xff, 0, 0, 0, 0xff, 0, 0, 0, 0xff]), Buffer.from('\nEI Q\n'),
      Buffer.from('q 120 0 0 90 20 150 cm\n'), inline(jpeg), Buffer.from('\nQ\n'),
      Buffer.from('q 100 0 0 75 160 150 cm /Im0 Do Q\n'),
    ]);
    const receipt = handPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im0 6 0 R >> >> >>',
      flateStream(content),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      pdfStream(jpeg, '/Type /XObject /Subtype /Image /Width 32 /Height 24 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode '),
    ]);
    const { document } = await readPdfReceipt(receipt, 'ordinary.pdf');
    const raw = await PDFDocument.load(receipt);
    // The page content and the image are the very bytes the receipt holds.
    for (const ref of [PDFRef.of(4), PDFRef.of(6)]) {
      const stored = (doc: PDFDocument) => Buffer.from((doc.context.lookup(ref) as PDFRawStream).getContents());
      expect(stored(document).equals(stored(raw)), ref.toString()).toBe(true);
    }
    const [before, after] = await drawnBeforeAndAfter(receipt);
    expect(after.equals(before)).toBe(true);
  });
});
