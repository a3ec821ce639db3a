/**
 * PDF receipts of a few kilobytes built to take the server down through pdf-lib, which parses,
 * counts and embeds synchronously (found in a hostile-input review): each is refused as
 * malformed, naming the file, before it can; odd but harmless pages still join the bundle.
 */
import { execFileSync } from 'node:child_process';

import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { compressedStructureProblem, MAX_DECODED_CONTENT_BYTES, MAX_DECODED_STRUCTURE_BYTES, MAX_NESTING_DEPTH } from '@/lib/server/pdf-receipt-structure';
import { doublingPageTree, flateStream, handPdf, oneReceiptPage, pdfStream } from '../../support/hand-pdf';
import { metadataGroups } from '../../support/exiftool';
import { embeddedImageTags, withPdfFile } from '../support/pdf-tools';
import { expectBundle, expectRefusal, postForm, standardUploads, validFields, type Upload } from './appeal-client';

const withReceipt = (bytes: Buffer, name = 'receipt.pdf'): Upload[] => [
  ...standardUploads().filter((upload) => upload.role === 'boxPhoto'),
  { role: 'receipt', name, bytes, type: 'application/pdf' },
];
/** A receipt with arrays nested `depth` deep in its page resources, 3 levels below the page. */
const nestedResources = (depth: number) =>
  oneReceiptPage({ page: `/MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /Properties << /P1 ${'['.repeat(depth)}${']'.repeat(depth)} >> >>` });
const refused = async (bytes: Buffer, name: string) =>
  expectRefusal(await postForm(validFields({ locale: 'en' }), withReceipt(bytes, name)), { status: 422, code: 'unreadable-file', names: name, field: 'receipt' });

describe('PDF structures that would stop the server are refused', () => {
  it('a page tree that lists each node twice, 28 levels deep (2^28 pages in 3 KB)', async () => {
    const bytes = doublingPageTree(28);
    expect(bytes.length).toBeLessThan(4096);
    await refused(bytes, 'tree.pdf');
  });

  it('a cross-reference stream declaring a field a billion bytes wide', async () => {
    const bytes = handPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R /Resources << >> >>',
      pdfStream('0 0 m 1 1 l S'),
      pdfStream(Buffer.alloc(100), '/Type /XRef /W [1 1000000000 1] /Size 5 '),
    ]);
    await refused(bytes, 'xref.pdf');
  });

  it('page content that inflates past the limit: one 10 MB stream listed ten times', async () => {
    const bomb = flateStream(Buffer.alloc(10 * 1024 * 1024, 0x0a));
    expect(bomb.length).toBeLessThan(20 * 1024);
    const bytes = oneReceiptPage({ page: `/MediaBox [0 0 300 400] /Contents [${Array(10).fill('5 0 R').join(' ')}]`, extra: [bomb] });
    await refused(bytes, 'bomb.pdf');
  });

  it('a Form XObject whose content inflates past the limit (forms are decoded to find inline images)', async () => {
    const bomb = flateStream(Buffer.alloc(MAX_DECODED_CONTENT_BYTES + 1024, 0x20), '/Type /XObject /Subtype /Form /BBox [0 0 100 100] ');
    expect(bomb.length).toBeLessThan(64 * 1024);
    const bytes = oneReceiptPage({ page: '/MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /XObject << /X1 5 0 R >> >>', content: '/X1 Do', extra: [bomb] });
    await refused(bytes, 'form-bomb.pdf');
  });

  it('an object stream that inflates past the limit, which pdf-lib would inflate while parsing', async () => {
    const objects = flateStream(`5 0 ${' '.repeat(MAX_DECODED_STRUCTURE_BYTES * 2)}<< >>`, '/Type /ObjStm /N 1 /First 4 ');
    expect(objects.length).toBeLessThan(64 * 1024);
    const started = performance.now();
    await refused(oneReceiptPage({ extra: [objects] }), 'objstm-bomb.pdf');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('arrays nested 500 deep in the resources, which pdf-lib copied into a bundle qpdf --check refuses', async () => {
    await refused(nestedResources(500), 'deep.pdf');
  });

  it('pages of no size, or whose content is not a stream', async () => {
    await refused(oneReceiptPage({ page: '/MediaBox [0 0 0 0] /Contents 4 0 R /Resources << >>' }), 'flat.pdf');
    await refused(oneReceiptPage({ page: '/MediaBox [0 0 300 400] /Contents 42' }), 'number.pdf');
    await refused(oneReceiptPage({ page: '/MediaBox [0 0 300 400] /Contents << /Length 0 >>' }), 'dict.pdf');
  });
});

describe('odd but harmless receipts still join the bundle', () => {
  it('a blank page without any content', async () => {
    const blank = oneReceiptPage({ page: '/MediaBox [0 0 300 400]' });
    const document = await expectBundle(await postForm(validFields(), withReceipt(blank, 'blank.pdf')));
    expect(document.getPageCount()).toBeGreaterThan(2);
  });

  it('a receipt saved with object streams and a cross-reference stream', async () => {
    const receipt = await PDFDocument.create();
    for (let page = 0; page < 3; page += 1) receipt.addPage([300, 400]).drawText(`Receipt page ${page + 1}`);
    const bytes = Buffer.from(await receipt.save({ useObjectStreams: true }));
    expect(bytes.toString('latin1')).toMatch(/\/Type \/ObjStm[\s\S]*\/Type \/XRef/);
    const document = await expectBundle(await postForm(validFields(), withReceipt(bytes, 'objects.pdf')));
    expect(document.getPageCount()).toBeGreaterThan(3);
  });

  it('arrays nested as deep as the limit allows, and the bundle passes qpdf --check', async () => {
    const answer = await postForm(validFields(), withReceipt(nestedResources(MAX_NESTING_DEPTH - 3), 'nested.pdf'));
    await expectBundle(answer);
    const pdf = new Uint8Array(await answer.response.arrayBuffer());
    // Exit status 0 means no errors and no warnings (qpdf gives up on nesting past 499 levels).
    withPdfFile(pdf, (file) => expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found'));
  });

  it('page content just under the limit, in two streams', async () => {
    const half = flateStream(Buffer.alloc(MAX_DECODED_CONTENT_BYTES / 2 - 1024, 0x0a));
    const bytes = oneReceiptPage({ page: '/MediaBox [0 0 300 400] /Contents [5 0 R 5 0 R]', extra: [half] });
    await expectBundle(await postForm(validFields(), withReceipt(bytes, 'long.pdf')));
  });
});

describe('a photo made into a PDF receipt', () => {
  it('joins the bundle without its EXIF, GPS or XMP', async () => {
    const jpeg = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#f4f1ea' } })
      .withExif({ IFD0: { Artist: 'Hidden Photographer 7731' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 41/1 0/1' } })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>hidden.creator@example.com</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')
      .jpeg()
      .toBuffer();
    // As img2pdf and phone "print to PDF" write it: the JPEG file itself as the image stream.
    const receipt = oneReceiptPage({
      page: '/MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >>',
      content: 'q 300 0 0 400 0 0 cm /Im0 Do Q',
      extra: [pdfStream(jpeg, '/Type /XObject /Subtype /Image /Width 600 /Height 800 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode ')],
    });
    const answer = await postForm(validFields(), withReceipt(receipt, 'photo-receipt.pdf'));
    await expectBundle(answer);
    const pdf = new Uint8Array(await answer.response.arrayBuffer());
    expect(Buffer.from(pdf).toString('latin1')).not.toMatch(/Hidden Photographer|hidden\.creator/);
    withPdfFile(pdf, (file, dir) => {
      const receiptImage = embeddedImageTags(file, dir).at(-1)!;
      expect(receiptImage['File:ImageWidth']).toBe(600);
      expect(metadataGroups(receiptImage)).toEqual([]);
    });
  });
});

describe('cross-reference field widths', () => {
  it('reads field widths only in cross-reference streams, not a font’s /W of three numbers', () => {
    const font = Buffer.from('4 0 obj\n<< /Type /Font /Subtype /CIDFontType2 /W [1 1000 500] >>\nendobj\n');
    expect(compressedStructureProblem(font)).toBeNull();
    expect(compressedStructureProblem(Buffer.from('9 0 obj\n<< /Type /XRef /W [1 4 2] /Size 9 /Length 10 >>\nstream\n'))).toBeNull();
    expect(compressedStructureProblem(Buffer.from('9 0 obj\n<< /Type /XRef /W [1 9 2] /Size 9 >>\nstream\n'))).toMatch(/1 9 2/);
    expect(compressedStructureProblem(Buffer.from('9 0 obj\n<< /Type /XRef /W 12 0 R /Size 9 >>\nstream\n'))).not.toBeNull();
  });
});
