import { execFileSync } from 'node:child_process';

import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { metadataGroups } from '../support/exiftool';
import { appealRequest, STANDARD_FIELDS, standardFiles } from './support/appeal-request';
import { embeddedImageTags, listImages, pdfPageCount, pdftotext, withPdfFile } from './support/pdf-tools';

/** The standard set end to end: the real route, a real multipart body, the PDF judged by poppler. */
describe('POST /api/appeal with the standard evidence set', () => {
  let response: Response;
  let pdf: Uint8Array;

  beforeAll(async () => {
    response = await POST(appealRequest(STANDARD_FIELDS, standardFiles()));
    pdf = new Uint8Array(await response.arrayBuffer());
  });

  it('answers 200 with a PDF attachment under the 1.5 MB budget', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''[^\s"]+\.pdf$/);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });

  it('passes qpdf\'s structural check: every object, cross-reference and compressed stream reads back', () => {
    withPdfFile(pdf, (file) => {
      // Exit status 0 means no errors and no warnings; every stream is decompressed to check it.
      const report = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
      expect(report).toContain('No syntax or stream encoding errors found');
    });
  });

  it('has the summary pages, one page per photo and the receipt PDF page', () => {
    withPdfFile(pdf, (file) => {
      const text = pdftotext(file);
      const pages = pdfPageCount(file);
      // 3 photos + 1 PDF page follow the summary (letter, facts, index), which takes 1–3 pages.
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(pages).toBeLessThanOrEqual(7);
      const pageTexts = text.split('\f');
      const evidencePages = pageTexts.slice(pages - 4, pages);
      expect(evidencePages[0]).toContain('Box label');
      expect(evidencePages[1]).toContain('Receipt 1 of 3');
      expect(evidencePages[2]).toContain('Receipt 2 of 3');
      expect(evidencePages[3]).toContain('Receipt 3 of 3');
      expect(evidencePages[3]).toContain('e-receipt.pdf · page 1 of 1');
    });
  });

  it('states every fact, Cyrillic included, and extracts as real text', () => {
    withPdfFile(pdf, (file) => {
      const text = pdftotext(file);
      for (const fact of [
        '868907041234565',
        '867443033012349',
        'check digit valid',
        'контрольная цифра верна',
        '44871/F2ZX01234',
        'Redmi Note 12 Pro 5G',
        // A Russian appeal: the fact table in English and Russian, as the letter.
        'Bought from',
        'Где куплен',
        'Россия (RU)',
        'an authorised retailer',
        'у официального продавца',
        'Электроника Плюс',
        '2025-03-14',
        '5123-778-0042',
        '27 990,00 ₽',
        'Иван Петров',
        'ivan.petrov@example.com',
        '+7 900 123-45-67',
        'old.ivan@example.com',
        'пароль от аккаунта утерян',
        'AK-7Q2M-X9FD',
        'shows the seller’s name',
        'указаны: название продавца',
      ]) {
        expect(text, fact).toContain(fact);
      }
      // What the owner left unticked is not claimed to be missing from the receipt support can see.
      expect(text).not.toContain('does not show');
      expect(text).not.toContain('не указаны');
      // A support agent pastes the IMEI into a search: the text layer carries it ungrouped.
      expect(text).not.toMatch(/86 890704|86 744303/);
    });
  });

  it('indexes every original with its type, size and SHA-256', () => {
    withPdfFile(pdf, (file) => {
      const text = pdftotext(file);
      expect(text).toMatch(/Box label: box-label-12mp\.jpg/);
      expect(text).toMatch(/JPEG · 4000 × 3000 px/);
      expect(text).toMatch(/PNG · 1080 × 2400 px/);
      expect(text).toMatch(/PDF · 1 page/);
      expect(text.match(/SHA-256 [0-9a-f]{64}/g)).toHaveLength(4);
    });
  });

  it('embeds the photos upright, at most 2000 px, as sRGB JPEGs without EXIF or GPS', () => {
    withPdfFile(pdf, (file, dir) => {
      // The three photos, then the e-receipt's own scan (copied as the shop made it).
      const all = listImages(file);
      expect(all).toHaveLength(4);
      const photos = all.slice(0, 3);
      expect(photos.map(({ width, height }) => [width, height])).toEqual([
        [2000, 1500], // the box label is stored 3000×4000 with Orientation 6: shown landscape
        [1500, 2000],
        [900, 2000],
      ]);
      for (const image of photos) {
        expect(image.type).toBe('image');
        expect(image.color).toBe('rgb');
      }
      const tags = embeddedImageTags(file, dir).slice(0, 3);
      expect(tags).toHaveLength(3);
      for (const imageTags of tags) {
        // Only exiftool's own, file-system and bare JPEG/JFIF structure groups may appear: no IFD0,
        // ExifIFD, GPS, XMP, IPTC, ICC_Profile or MakerNotes (the originals carry EXIF and GPS).
        expect(metadataGroups(imageTags)).toEqual([]);
        expect(Object.keys(imageTags).filter((key) => /GPS/i.test(key))).toEqual([]);
      }
    });
  });

  it('embeds Noto Sans once per weight, as subsets well under 150 KB', async () => {
    withPdfFile(pdf, (file) => {
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts).toHaveLength(2);
      // Embedded (emb), named as subsets with a six-letter tag (sub), with a Unicode map (uni).
      for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
    });
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    let fontBytes = 0;
    for (const [, object] of document.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || String(object.get(PDFName.of('Type'))) !== '/FontDescriptor') continue;
      const program = document.context.lookup(object.get(PDFName.of('FontFile2')));
      if (program instanceof PDFRawStream) fontBytes += program.contents.length;
    }
    expect(fontBytes).toBeGreaterThan(2_000);
    expect(fontBytes).toBeLessThan(150 * 1024);
  });

  it('carries title, subject, language and producer', async () => {
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(document.getTitle()).toContain('AK-7Q2M-X9FD');
    expect(document.getSubject()).toBe('Proof of ownership of a locked Xiaomi phone: appeal letter, facts and 4 files enclosed');
    expect(document.getProducer()).toBe('Appeal Kit');
    const lang = document.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString ? lang.decodeText() : String(lang)).toMatch(/en/);
  });
});

/** The PDF follows the roles, whatever order the parts arrive in (a client's shrinking finishes in any order). */
describe('POST /api/appeal evidence order', () => {
  it('puts the box label first, then receipts, then other evidence, each role in the order sent', async () => {
    const photo = (colour: string) => sharp({ create: { width: 64, height: 48, channels: 3, background: colour } }).jpeg().toBuffer();
    const files = [
      { field: 'extra', name: 'lock-screen.jpg', bytes: await photo('#303030'), type: 'image/jpeg' },
      { field: 'receipt', name: 'screenshot.jpg', bytes: await photo('#f0f0f0'), type: 'image/jpeg' },
      { field: 'boxPhoto', name: 'box-2.jpg', bytes: await photo('#a0a0a0'), type: 'image/jpeg' },
      { field: 'receipt', name: 'till.jpg', bytes: await photo('#e0e0e0'), type: 'image/jpeg' },
      { field: 'boxPhoto', name: 'box-1.jpg', bytes: await photo('#909090'), type: 'image/jpeg' },
    ];
    const response = await POST(appealRequest(STANDARD_FIELDS, files));
    expect(response.status).toBe(200);
    withPdfFile(new Uint8Array(await response.arrayBuffer()), (file) => {
      const pages = pdftotext(file).split('\f').filter((page) => page.trim() !== '');
      const evidence = pages.slice(-5).map((page) => /(\S+\.jpg)/.exec(page)?.[1]);
      expect(evidence).toEqual(['box-2.jpg', 'box-1.jpg', 'screenshot.jpg', 'till.jpg', 'lock-screen.jpg']);
      expect(pages.at(-5)).toContain('Box label 1 of 2');
      expect(pages.at(-1)).toContain('Other evidence');
    });
  });
});
