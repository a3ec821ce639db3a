/**
 * The byte scan that keeps pdf-lib from inflating object and cross-reference streams without a
 * limit while it parses (a 523 KB receipt inflated to 512 MB): bombs and filters pdf-lib would
 * expand freely are refused, the object streams real producers write pass.
 */
import { deflateSync } from 'node:zlib';

import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { compressedStructureProblem } from '@/lib/server/pdf-receipt-structure';
import { readPdfReceipt } from '@/lib/server/read-pdf-receipt';
import { flateStream, oneReceiptPage, pdfStream } from '../../support/hand-pdf';

const BUDGET = 64 * 1024;
/** An object stream of one object followed by `padding` spaces, as the audit's bomb. */
const objectStream = (padding: number, dictionary = '/Type /ObjStm /N 1 /First 4 ') => flateStream(`5 0 ${' '.repeat(padding)}<< >>`, dictionary);
const withExtra = (...extra: Buffer[]) => oneReceiptPage({ extra });

describe('compressedStructureProblem', () => {
  it('refuses an object stream that inflates past the budget, reading no further than the budget', () => {
    const bomb = withExtra(objectStream(2 * BUDGET));
    expect(bomb.length).toBeLessThan(2048);
    expect(compressedStructureProblem(bomb, BUDGET)).toMatch(/inflate past/);
    expect(compressedStructureProblem(withExtra(objectStream(BUDGET / 4)), BUDGET)).toBeNull();
  });

  it('counts all such streams together, cross-reference streams too', () => {
    const quarter = objectStream(BUDGET / 3);
    expect(compressedStructureProblem(withExtra(quarter, quarter), BUDGET)).toBeNull();
    expect(compressedStructureProblem(withExtra(quarter, quarter, flateStream(Buffer.alloc(BUDGET / 2), '/Type /XRef /W [1 2 1] /Size 9 ')), BUDGET)).toMatch(/inflate past/);
  });

  it('finds the type however it is spelled: escaped names, comments, an indirect reference', () => {
    for (const type of ['/Type /Obj#53tm', '/#54ype/ObjStm', '/Type %c\n/XRef', '/Type 9 0 R']) {
      expect(compressedStructureProblem(withExtra(objectStream(2 * BUDGET, `${type} /N 1 /First 4 `)), BUDGET), type).not.toBeNull();
    }
  });

  it('refuses filters pdf-lib would decode without a limit, and dictionaries it cannot read plainly', () => {
    const lzw = withExtra(pdfStream('5 0 << >>', '/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode '));
    expect(compressedStructureProblem(lzw)).toMatch(/LZWDecode/);
    const twice = withExtra(pdfStream(deflateSync(deflateSync('5 0 << >>')), '/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode] '));
    expect(compressedStructureProblem(twice)).toMatch(/FlateDecode \/FlateDecode/);
    // A string that says "endstream" would otherwise cut the dictionary in two for the scan.
    const hidden = withExtra(objectStream(2 * BUDGET, '/Type /ObjStm /S (endstream) /N 1 /First 4 '));
    expect(compressedStructureProblem(hidden, BUDGET)).not.toBeNull();
    const quoted = withExtra(objectStream(2 * BUDGET, '/Type /ObjStm /S (stream) /N 1 /First 4 '));
    expect(compressedStructureProblem(quoted, BUDGET)).toMatch(/cannot be read plainly/);
  });

  it('passes object and cross-reference streams as pdf-lib saves them, and streams of other types', async () => {
    const document = await PDFDocument.create();
    for (let page = 0; page < 20; page += 1) document.addPage().drawText(`Receipt line ${page}`);
    const bytes = await document.save({ useObjectStreams: true });
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Type \/ObjStm/);
    expect(compressedStructureProblem(bytes)).toBeNull();
    const image = flateStream(Buffer.alloc(4 * BUDGET), '/Type /XObject /Subtype /Image /Width 512 /Height 512 /ColorSpace /DeviceGray /BitsPerComponent 8 ');
    expect(compressedStructureProblem(withExtra(image), BUDGET)).toBeNull();
  });

  it('takes linear time on 25 MB of /Type keys and stream keywords', () => {
    for (const unit of ['/Type/ObjStm ', '/Type/ObjStm stream\n', '/Type/XRef/Filter/FlateDecode>>stream\nx\x9c\x03\x00endstream ', '/Type%%%%%%%%%%%%%%%%%%']) {
      const hostile = Buffer.from(unit.repeat(Math.ceil((25 * 1024 * 1024) / unit.length)), 'latin1');
      const started = performance.now();
      compressedStructureProblem(hostile);
      expect(performance.now() - started, JSON.stringify(unit)).toBeLessThan(3000);
    }
  });

  it('refuses, in linear time, a 3 MB receipt full of cross-reference /Type and /W keys', async () => {
    // Each /Type /XRef used to be followed by a search to the end of the file: 17 s for 1 MB.
    const keys = pdfStream('/Type/XRef/W[1 2 1] '.repeat((3 * 1024 * 1024) / 20));
    const started = performance.now();
    await expect(readPdfReceipt(withExtra(keys), 'keys.pdf')).rejects.toMatchObject({ code: 'unreadable-file' });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('reads the field widths of cross-reference streams however they are spelled', () => {
    const xref = (dictionary: string) => withExtra(pdfStream(Buffer.alloc(8), `/Type /XRef /Size 9 ${dictionary}`));
    expect(compressedStructureProblem(xref('/W [1 4 2] '))).toBeNull();
    expect(compressedStructureProblem(xref('/#57 [1 9 2] '))).toMatch(/1 9 2/);
    expect(compressedStructureProblem(xref('/W [1 2 1] /W [1 9 2] '))).toMatch(/1 9 2/);
    expect(compressedStructureProblem(xref('/W [1 2] '))).toMatch(/plain field widths/);
    expect(compressedStructureProblem(xref(''))).toMatch(/without field widths/);
  });
});
