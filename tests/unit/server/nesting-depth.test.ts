/**
 * Receipts whose objects nest deeper than MAX_NESTING_DEPTH wherever pdf-lib's embedPages copies
 * them from (resources, a content stream's dictionary, an inherited box), directly or through a
 * chain of references, are refused as damaged: nested 1,000 deep they made bundles that failed
 * `qpdf --check`, and deeper still they overflowed the stack of pdf-lib's copier.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { decodeFieldMessage } from '@/lib/i18n/field-message';
import { AppError } from '@/lib/server/app-error';
import { MAX_NESTING_DEPTH } from '@/lib/server/pdf-receipt-structure';
import { readPdfReceipt } from '@/lib/server/read-pdf-receipt';
import { handPdf, oneReceiptPage, pdfStream } from '../../support/hand-pdf';

const arrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** Under a key stripActiveContent keeps (it drops /A, an action, with all it holds). */
const dictionaries = (depth: number) => `${'<< /K '.repeat(depth)}1${' >>'.repeat(depth)}`;
/** Levels above the nested value in `withProperty`: the page, its /Resources and /Properties. */
const PROPERTY_LEVELS = 3;
const withProperty = (value: string) => oneReceiptPage({ page: `/MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /Properties << /P1 ${value} >> >>` });

/** What readPdfReceipt answers: the page count, or the message key it refuses with. */
const outcome = (bytes: Uint8Array) =>
  readPdfReceipt(bytes, 'receipt.pdf').then(
    ({ pageCount }) => pageCount,
    (error: unknown) => (error instanceof AppError ? `${error.code} ${decodeFieldMessage(error.messageKey).key}` : String(error)),
  );
const REFUSED = 'unreadable-file file.pdfMalformed';
/** 20,000 dictionaries, each pointing to the next, numbered from `first`. */
const chainFrom = (first: number) => [...Array.from({ length: 20_000 }, (_, index) => `<< /Next ${first + index + 1} 0 R >>`), '<< >>'];

describe('receipts nested deeper than the limit are refused as damaged', () => {
  it('arrays or dictionaries 500 deep in the page resources', async () => {
    expect(await outcome(withProperty(arrays(500)))).toBe(REFUSED);
    expect(await outcome(withProperty(dictionaries(500)))).toBe(REFUSED);
  });

  it('one level past the limit, and not at it', async () => {
    expect(await outcome(withProperty(arrays(MAX_NESTING_DEPTH - PROPERTY_LEVELS + 1)))).toBe(REFUSED);
    expect(await outcome(withProperty(arrays(MAX_NESTING_DEPTH - PROPERTY_LEVELS)))).toBe(1);
  });

  it('in a content stream’s dictionary, which pdf-lib copies though it only reads the data', async () => {
    const content = (value: string) => pdfStream('0 0 m 200 300 l S', `/X ${value} `);
    const page = '/MediaBox [0 0 300 400] /Contents 5 0 R /Resources << >>';
    expect(await outcome(oneReceiptPage({ page, extra: [content(arrays(500))] }))).toBe(REFUSED);
    expect(await outcome(oneReceiptPage({ page, extra: [content(dictionaries(500))] }))).toBe(REFUSED);
  });

  it('in a crop box the page inherits from the page tree', async () => {
    const inherited = (value: string) =>
      handPdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        `<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 300 400] /CropBox [0 0 300 400 ${value}] >>`,
        '<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << >> >>',
        pdfStream('0 0 m 200 300 l S'),
      ]);
    expect(await outcome(inherited(arrays(500)))).toBe(REFUSED);
    expect(await outcome(inherited(dictionaries(500)))).toBe(REFUSED);
    expect(await outcome(inherited(''))).toBe(1);
  });

  it('through a chain of 20,000 references, which overflowed the stack of pdf-lib’s copier', async () => {
    // From a content stream's dictionary, which nothing walked before pdf-lib's copier did.
    const content = pdfStream('0 0 m 200 300 l S', '/Next 6 0 R ');
    const chain = oneReceiptPage({ page: '/MediaBox [0 0 300 400] /Contents 5 0 R /Resources << >>', extra: [content, ...chainFrom(6)] });
    expect(await outcome(chain)).toBe(REFUSED);
  });

  it('one object 20,000 deep, which overflows pdf-lib’s parser: it kept the raw bytes for the bundle', async () => {
    const page = '/MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /Properties << /P1 5 0 R >> >>';
    expect(await outcome(oneReceiptPage({ page, extra: [arrays(20_000)] }))).toBe(REFUSED);
  });

  it('through the resources, refused by the depth check rather than a stack overflow in the stripping walk', async () => {
    const chain = oneReceiptPage({ page: '/MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /Properties << /P1 5 0 R >> >>', extra: chainFrom(5) });
    await expect(readPdfReceipt(chain, 'receipt.pdf')).rejects.toMatchObject({ cause: { message: `objects nested more than ${MAX_NESTING_DEPTH} levels deep` } });
  });
});

describe('receipts as real producers nest them still go through', () => {
  it('a form whose resources list the form itself, as some producers share one resources dictionary', async () => {
    const bytes = oneReceiptPage({
      page: '/MediaBox [0 0 300 400] /Contents 4 0 R /Resources 5 0 R',
      content: '/Fm0 Do',
      extra: ['<< /XObject << /Fm0 6 0 R >> >>', pdfStream('0 0 m 100 100 l S', '/Type /XObject /Subtype /Form /BBox [0 0 300 400] /Resources 5 0 R ')],
    });
    expect(await outcome(bytes)).toBe(1);
  });

  it('text pages saved by pdf-lib, with and without object streams', async () => {
    const document = await PDFDocument.create();
    const font = await document.embedFont(StandardFonts.Helvetica);
    for (let page = 0; page < 3; page += 1) document.addPage([300, 400]).drawText(`Receipt line ${page}`, { font });
    for (const useObjectStreams of [true, false]) expect(await outcome(await document.save({ useObjectStreams }))).toBe(3);
  });
});
