/**
 * Files the bundle cannot or must not use. Each gets a 4xx in the contract's shape, in the
 * request's language, naming the file, within 5 s; never a 5xx.
 */
import { describe, expect, it } from 'vitest';

import * as hostile from '../../support/hostile-files';
import { readFixture } from '../../support/fixtures';
import { expectRefusal, postForm, standardUploads, validFields, type Upload } from './appeal-client';

const receipt = () => standardUploads().filter((upload) => upload.role === 'receipt');
const boxPhoto = () => standardUploads().filter((upload) => upload.role === 'boxPhoto');

/** The hostile file as the box photo (the first file read), beside a valid receipt. */
const asBoxPhoto = (name: string, bytes: Buffer, type = 'image/jpeg'): Upload[] => [{ role: 'boxPhoto', name, bytes, type }, ...receipt()];
/** The hostile file as the receipt, beside a valid box photo. */
const asReceipt = (name: string, bytes: Buffer, type = 'application/pdf'): Upload[] => [...boxPhoto(), { role: 'receipt', name, bytes, type }];

describe('files that are not usable images are refused, naming the file', () => {
  it('a zero-byte file', async () => {
    await expectRefusal(await postForm(validFields(), asBoxPhoto('пустой.jpg', Buffer.alloc(0))), {
      status: 422,
      names: 'пустой.jpg',
      locale: 'ru',
    });
  });

  it('a zero-byte file as the last part of the body (the parser has already ended)', async () => {
    await expectRefusal(await postForm(validFields(), asReceipt('пустой.pdf', Buffer.alloc(0))), {
      status: 422,
      names: 'пустой.pdf',
      field: 'receipt',
      locale: 'ru',
    });
  });

  it('a truncated JPEG (the shared fixture, and one cut at 60 %)', async () => {
    await expectRefusal(await postForm(validFields(), asBoxPhoto('truncated.jpg', readFixture('truncated.jpg'))), {
      status: 422,
      names: 'truncated.jpg',
      locale: 'ru',
    });
    await expectRefusal(await postForm(validFields(), asBoxPhoto('cut.jpg', await hostile.truncatedJpeg())), {
      status: 422,
      names: 'cut.jpg',
      locale: 'ru',
    });
  });

  it('an HTML page renamed .jpg', async () => {
    await expectRefusal(await postForm(validFields(), asBoxPhoto('not-an-image.jpg', readFixture('not-an-image.jpg'))), {
      status: 415,
      names: 'not-an-image.jpg',
      locale: 'ru',
    });
    await expectRefusal(await postForm(validFields(), asBoxPhoto('page.jpg', hostile.htmlPage())), { status: 415, names: 'page.jpg' });
  });

  it('executables renamed .jpg (Linux ELF, Windows PE)', async () => {
    await expectRefusal(await postForm(validFields(), asBoxPhoto('photo.jpg', hostile.elfExecutable())), { status: 415, names: 'photo.jpg' });
    await expectRefusal(await postForm(validFields(), asBoxPhoto('setup.jpg', hostile.windowsExecutable())), {
      status: 415,
      names: 'setup.jpg',
    });
  });

  it('a JPEG header followed by a script', async () => {
    await expectRefusal(await postForm(validFields(), asBoxPhoto('xss.jpg', hostile.jpegHeaderThenScript())), {
      status: [415, 422],
      names: 'xss.jpg',
      locale: 'ru',
    });
  });

  it('an SVG with a script and external references', async () => {
    await expectRefusal(await postForm(validFields(), asBoxPhoto('label.svg', hostile.svgWithScript(), 'image/svg+xml')), {
      status: 415,
      names: 'label.svg',
      locale: 'ru',
    });
  });

  it('a GIF', async () => {
    await expectRefusal(await postForm(validFields(), asBoxPhoto('box.gif', await hostile.gif(), 'image/gif')), {
      status: 415,
      names: 'box.gif',
      locale: 'ru',
    });
  });

  it('a TIFF', async () => {
    await expectRefusal(await postForm(validFields(), asBoxPhoto('scan.tiff', await hostile.tiff(), 'image/tiff')), {
      status: 415,
      names: 'scan.tiff',
      locale: 'ru',
    });
  });

  it('a 30,000 × 30,000 PNG of about 100 KB (decompression bomb), refused before decoding as too many pixels', async () => {
    const bomb = await hostile.pngBomb();
    const before = process.memoryUsage().rss;
    const body = await expectRefusal(await postForm(validFields(), asBoxPhoto('bomb.png', bomb, 'image/png')), {
      status: 413,
      code: 'file-too-large',
      names: 'bomb.png',
      locale: 'ru',
    });
    // The contract's words for images over 100 MP, not "damaged": the file is fine, just absurd.
    expect(body.error.message).toMatch(/пикс/i);
    // 900 MP decoded would be gigabytes; refusing from the header keeps memory where it was.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('small files that libvips must decode whole into far more memory are refused from the header', () => {
  // A 20 MP AVIF decodes into ~300 MB, a 30 MP 16-bit interlaced PNG into ~250 MB (process-image.ts).
  const cases: [string, () => Promise<Buffer>, string][] = [
    ['a 20 MP AVIF', () => hostile.flatAvif(5000, 4000), 'image/avif'],
    ['a 30 MP interlaced 16-bit RGBA PNG', () => hostile.interlacedPng16(6000, 5000), 'image/png'],
    // libjpeg keeps a progressive JPEG's coefficients whole: 48 MP at 4:4:4 takes ~290 MB, and a
    // 2.4 MB 100 MP one took the server to 2 GB in one evidence check.
    ['a 48 MP progressive 4:4:4 JPEG', () => hostile.flatProgressiveJpeg(8000, 6000), 'image/jpeg'],
    // libheif decodes whole too: 30 MP would take ~370 MB (decode-heic.ts).
    ['a HEIC declaring 30 MP', async () => hostile.heicClaiming(6000, 5000), 'image/heic'],
  ];
  for (const [label, make, type] of cases) {
    it(`${label}: refused as too many pixels, before it is decoded`, async () => {
      const bytes = await make();
      const name = `big.${type.slice(6)}`;
      const answer = await postForm(validFields(), asBoxPhoto(name, bytes, type));
      const body = await expectRefusal(answer, { status: 413, code: 'file-too-large', names: name, locale: 'ru' });
      expect(body.error.message).toMatch(/пикс/i);
      // Decoding takes seconds; reading the header milliseconds (a HEIC worker starting, a few hundred).
      expect(answer.ms).toBeLessThan(3_000);
    });
  }
});

describe('PDFs that cannot join the bundle are refused, naming the file', () => {
  it('an encrypted PDF (qpdf, AES-256 user password)', async () => {
    await expectRefusal(await postForm(validFields(), asReceipt('locked.pdf', await hostile.encryptedPdf())), {
      status: 422,
      names: 'locked.pdf',
      locale: 'ru',
    });
  });

  it('a 40-page PDF', async () => {
    await expectRefusal(await postForm(validFields(), asReceipt('statement.pdf', await hostile.pdfWithPages(40))), {
      status: 413,
      names: 'statement.pdf',
      locale: 'ru',
    });
  });

  it('malformed PDFs: garbage after the header, cut in half, mangled objects', async () => {
    for (const [name, bytes] of Object.entries(await hostile.malformedPdfs())) {
      await expectRefusal(await postForm(validFields(), asReceipt(name, bytes)), { status: 422, names: name, locale: 'ru' });
    }
  });
});

describe('English when the request says so', () => {
  it('names the file in an English message', async () => {
    await expectRefusal(await postForm(validFields({ locale: 'en' }), asBoxPhoto('box.gif', await hostile.gif(), 'image/gif')), {
      status: 415,
      names: 'box.gif',
      locale: 'en',
    });
  });
});
