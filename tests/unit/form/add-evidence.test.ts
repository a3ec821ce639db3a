import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { MAX_FILES, MAX_PDF_EVIDENCE_BYTES } from '@/lib/appeal/evidence-rules';
import { admitEvidence, prepareEvidence, prepareOne, refusalsAfterAdding, refusalsAfterRemoving, rejectionLines, sourceOf, withinPdfShare, type FileRejection, type HeldFile } from '@/lib/form/add-evidence';
import { buildAppealFormData } from '@/lib/form/appeal-payload';
import { emptyDraft, type EvidenceFile } from '@/lib/form/draft';

const photo = (name: string, size = 1000) => new File([new Uint8Array(size)], name, { type: 'image/jpeg', lastModified: 1_700_000_000_000 });
const held = (role: HeldFile['role'], file: File): HeldFile => ({ role, source: sourceOf(file) });
const names = (files: readonly File[]) => files.map((file) => file.name);

describe('admitEvidence', () => {
  it('admits up to the role’s limit and refuses the rest, each by name, with the zone and its limit', () => {
    const already = [held('boxPhoto', photo('a.jpg')), held('boxPhoto', photo('b.jpg'))];
    const { admitted, refused } = admitEvidence([photo('c.jpg'), photo('d.jpg')], 'boxPhoto', already);
    expect(names(admitted)).toEqual(['c.jpg']);
    expect(refused).toEqual([{ name: 'd.jpg', source: sourceOf(photo('d.jpg')), key: 'files.zoneFull', values: { role: 'boxPhoto', max: 3 } }]);
  });

  it('counts what an earlier pick is still preparing: two quick picks cannot pass the limit together', () => {
    const first = admitEvidence([photo('a.jpg'), photo('b.jpg')], 'boxPhoto', []);
    expect(names(first.admitted)).toEqual(['a.jpg', 'b.jpg']);
    const preparing = first.admitted.map((file) => held('boxPhoto', file));
    const second = admitEvidence([photo('c.jpg'), photo('d.jpg')], 'boxPhoto', preparing);
    expect(names(second.admitted)).toEqual(['c.jpg']);
    expect(second.refused.map((r) => [r.name, r.key])).toEqual([['d.jpg', 'files.zoneFull']]);
  });

  it('refuses the same photo picked again in the same zone, within one pick too, and in another zone, naming it', () => {
    const receipt = photo('receipt.jpg', 2000);
    expect(admitEvidence([receipt], 'receipt', [held('receipt', receipt)]).refused.map((r) => r.key)).toEqual(['files.alreadyAdded']);
    const twice = admitEvidence([receipt, photo('receipt.jpg', 2000)], 'receipt', []);
    expect(names(twice.admitted)).toEqual(['receipt.jpg']);
    expect(twice.refused.map((r) => r.key)).toEqual(['files.alreadyAdded']);
    // In the PDF twice it would only puzzle support: the zone that has it is named.
    const elsewhere = admitEvidence([receipt], 'extra', [held('receipt', receipt)]);
    expect(elsewhere.admitted).toEqual([]);
    expect(elsewhere.refused).toEqual([{ name: 'receipt.jpg', source: sourceOf(receipt), key: 'files.alreadyAddedElsewhere', values: { role: 'receipt' } }]);
    // Another photo of the same name (iPhones call every shared photo image.jpg) is another file.
    expect(names(admitEvidence([photo('receipt.jpg', 3000)], 'extra', [held('receipt', receipt)]).admitted)).toEqual(['receipt.jpg']);
  });

  it('refuses beyond the limit on all files', () => {
    const full = Array.from({ length: MAX_FILES }, (_, i) => held(i < 3 ? 'boxPhoto' : i < 7 ? 'receipt' : 'extra', photo(`${i}.jpg`)));
    expect(admitEvidence([photo('one-more.jpg')], 'extra', full.slice(0, MAX_FILES - 1)).admitted).toHaveLength(1);
    // The extra zone holds 8; with 15 files in all the next one is refused for the total first.
    const fourteen = full.slice(0, 14);
    const { refused } = admitEvidence([photo('x.jpg')], 'extra', [...fourteen, held('receipt', photo('y.jpg'))]);
    expect(refused).toEqual([{ name: 'x.jpg', source: sourceOf(photo('x.jpg')), key: 'files.tooMany', values: { max: MAX_FILES } }]);
  });
});

describe('rejectionLines', () => {
  it('names every file a full zone left out on one line, and keeps the other refusals one per file', () => {
    const picked = ['1.jpg', '2.jpg', '3.jpg', '4.jpg', '5.jpg', 'page.html'].map((name) => photo(name));
    const { refused } = admitEvidence(picked.slice(0, 5), 'boxPhoto', [held('boxPhoto', picked[0]!)]);
    const unreadable: FileRejection = { name: 'page.html', source: sourceOf(picked[5]!), key: 'file.unsupportedType', values: { file: 'page.html' } };
    expect(rejectionLines([...refused, unreadable])).toEqual([
      { key: 'files.alreadyAdded', values: {}, names: ['1.jpg'] },
      { key: 'files.zoneFull', values: { role: 'boxPhoto', max: 3 }, names: ['4.jpg', '5.jpg'] },
      { key: 'file.unsupportedType', values: { file: 'page.html' }, names: ['page.html'] },
    ]);
  });
});

describe('refusalsAfterAdding', () => {
  // iPhones share every photo from the library as "image.jpg": two different files, one name.
  const refusedPhoto = new File([new Uint8Array(10)], 'image.jpg', { lastModified: 1 });
  const otherPhoto = new File([new Uint8Array(20)], 'image.jpg', { lastModified: 2 });
  const refusal = (file: File): FileRejection => ({ name: file.name, source: sourceOf(file), key: 'file.unreadable', values: { file: file.name } });

  it('clears a file’s refusal from every zone once that file is added, and only that file’s', () => {
    const zones = { boxPhoto: [refusal(refusedPhoto)], receipt: [], extra: [] };
    // Another file of the same name added elsewhere leaves the refusal standing…
    expect(refusalsAfterAdding(zones, new Set([sourceOf(otherPhoto)])).boxPhoto).toHaveLength(1);
    // … the refused file itself, added in another zone, takes it away.
    expect(refusalsAfterAdding(zones, new Set([sourceOf(refusedPhoto)])).boxPhoto).toEqual([]);
  });
});

describe('a PDF added to a zone', () => {
  const plainPdf = async () => {
    const document = await PDFDocument.create();
    document.addPage([300, 400]).drawText('Elektro Markt, receipt 4711', { x: 20, y: 360, size: 10 });
    return document.save();
  };
  const encrypt = (pdf: Uint8Array, userPassword: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'add-evidence-'));
    try {
      writeFileSync(path.join(dir, 'in.pdf'), pdf);
      execFileSync('qpdf', ['--encrypt', userPassword, 'owner', '256', '--', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
      return readFileSync(path.join(dir, 'out.pdf'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const added = async (bytes: Uint8Array, name: string) => prepareOne(new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }), 'receipt', 0);
  const refusal = (name: string, key: string) => ({ key, values: { file: name, maxMb: 25 }, name });

  it('is refused at once when the server would refuse it, in the server’s words, naming the file', async () => {
    const pdf = await plainPdf();
    // A password to open it, or only one against changes (as shops' e-receipts often have).
    expect(await added(encrypt(pdf, 'secret'), 'выписка.pdf')).toMatchObject(refusal('выписка.pdf', 'file.pdfEncrypted'));
    expect(await added(encrypt(pdf, ''), 'e-чек.pdf')).toMatchObject(refusal('e-чек.pdf', 'file.pdfEncrypted'));
    // Cut short by a broken download, or a PDF only by its first bytes.
    expect(await added(pdf.subarray(0, Math.floor(pdf.length / 2)), 'half.pdf')).toMatchObject(refusal('half.pdf', 'file.pdfMalformed'));
    expect(await added(new TextEncoder().encode(`%PDF-1.7\n${'A'.repeat(2000)}`), 'broken.pdf')).toMatchObject(refusal('broken.pdf', 'file.pdfMalformed'));
  });

  it('is added as it is when whole and unencrypted', async () => {
    const pdf = await plainPdf();
    expect(await added(pdf, 'receipt.pdf')).toMatchObject({ name: 'receipt.pdf', kind: 'pdf', role: 'receipt', originalSize: pdf.length });
  });
});

describe('a photo the browser sends as a JPEG', () => {
  // Node has no image decoder or canvas: a 4000 × 3000 "photo" drawn onto a canvas that gives JPEG bytes.
  const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
  class FakeCanvas {
    constructor(readonly width: number, readonly height: number) {}
    getContext() {
      return { fillRect() {}, drawImage() {}, fillStyle: '', imageSmoothingQuality: '' };
    }
    convertToBlob() {
      return Promise.resolve(new Blob([JPEG], { type: 'image/jpeg' }));
    }
  }
  afterEach(() => vi.unstubAllGlobals());
  const stubCanvas = () => {
    vi.stubGlobal('createImageBitmap', () => Promise.resolve({ width: 4000, height: 3000, close() {} }));
    vi.stubGlobal('OffscreenCanvas', FakeCanvas);
  };
  const head = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const avif = () => new File([head('\0\0\0\x1cftypavif'), new Uint8Array(5000)], 'shot.avif', { type: 'image/avif' });
  const webp = () => new File([head('RIFF\0\0\0\0WEBPVP8 '), new Uint8Array(5000)], 'shot.webp', { type: 'image/webp' });
  const png = () => new File([head('\x89PNG\r\n\x1a\n'), new Uint8Array(5000)], 'transparent.png', { type: 'image/png' });

  it('keeps the user’s own name, shown and sent: shot.avif and shot.webp do not both become shot.jpg', async () => {
    stubCanvas();
    const { added, rejected } = await prepareEvidence([avif(), webp(), png()], 'extra');
    expect(rejected).toEqual([]);
    expect(added.map((file) => [file.name, file.kind, file.blob.type])).toEqual([
      ['shot.avif', 'jpeg', 'image/jpeg'],
      ['shot.webp', 'jpeg', 'image/jpeg'],
      ['transparent.png', 'jpeg', 'image/jpeg'],
    ]);
    // The upload carries the same names with the JPEG bytes (the server reads the type from the bytes).
    const sent = buildAppealFormData(emptyDraft(), added, 'en').getAll('extra') as File[];
    expect(sent.map((file) => [file.name, file.size])).toEqual([
      ['shot.avif', JPEG.length],
      ['shot.webp', JPEG.length],
      ['transparent.png', JPEG.length],
    ]);
  });
});

describe('a HEIC photo', () => {
  afterEach(() => vi.unstubAllGlobals());
  const heic = () => new File([Uint8Array.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', (ch) => ch.charCodeAt(0)), new Uint8Array(6000)], 'IMG_0042.HEIC', { type: 'image/heic' });

  it('is shrunk to a JPEG where the browser decodes HEIC (Safari): a 48 MP "HEIF Max" photo then fits', async () => {
    // Safari decodes HEIC as it does JPEG; the server takes HEIC up to 25 MP only (decode-heic.ts).
    vi.stubGlobal('createImageBitmap', () => Promise.resolve({ width: 8064, height: 6048, close() {} }));
    vi.stubGlobal('OffscreenCanvas', class {
      constructor(readonly width: number, readonly height: number) {}
      getContext() {
        return { fillRect() {}, drawImage() {}, fillStyle: '', imageSmoothingQuality: '' };
      }
      convertToBlob() {
        return Promise.resolve(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }));
      }
    });
    expect(await prepareOne(heic(), 'boxPhoto', 0)).toMatchObject({ name: 'IMG_0042.HEIC', kind: 'jpeg' });
  });

  it('goes as it is where the browser cannot decode it, for the server to decode', async () => {
    vi.stubGlobal('createImageBitmap', () => Promise.reject(new DOMException('The source image could not be decoded.', 'InvalidStateError')));
    const file = heic();
    expect(await prepareOne(file, 'boxPhoto', 0)).toMatchObject({ kind: 'heic', blob: file });
  });
});

describe('a photo the browser cannot decode', () => {
  afterEach(() => vi.unstubAllGlobals());
  // The frame header as a camera writes it: SOI, an EXIF block (with its thumbnail, tens of KB), SOF0.
  const cameraJpeg = (width: number, height: number, size: number) => {
    const bytes = new Uint8Array(size);
    bytes.set([0xff, 0xd8, 0xff, 0xe1, 0xea, 0x60]); // APP1 of 60,000 bytes
    const sof = 4 + 0xea60;
    bytes.set([0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3], sof);
    return new File([bytes], 'IMG_20250314_184200.jpg', { type: 'image/jpeg' });
  };
  // What a phone's browser does when the bitmap does not fit its memory, and with a damaged file alike.
  const failingDecoder = () => vi.stubGlobal('createImageBitmap', () => Promise.reject(new DOMException('The source image could not be decoded.', 'InvalidStateError')));

  it('a 200 MP photo (a Redmi in its 200 MP mode) within the upload limit goes as it is, not called damaged', async () => {
    failingDecoder();
    const file = cameraJpeg(16320, 12240, 21 * 1024 * 1024);
    expect(await prepareOne(file, 'boxPhoto', 0)).toMatchObject({ name: file.name, kind: 'jpeg', blob: file });
  });

  it('one over the upload limit is refused for its size, which the user can change', async () => {
    failingDecoder();
    expect(await prepareOne(cameraJpeg(16320, 12240, 32 * 1024 * 1024), 'boxPhoto', 0)).toMatchObject({ key: 'file.tooLarge', values: { maxMb: 25 } });
  });

  it('a 12 MP photo that does not decode is damaged, and said so at once', async () => {
    failingDecoder();
    expect(await prepareOne(cameraJpeg(4000, 3000, 300_000), 'boxPhoto', 0)).toMatchObject({ key: 'file.unreadable' });
  });
});

describe('withinPdfShare', () => {
  const MB = 1024 * 1024;
  const evidence = (name: string, kind: EvidenceFile['kind'], size: number): EvidenceFile => ({
    id: name,
    role: 'receipt',
    name,
    kind,
    blob: new Blob([new Uint8Array(size)]),
    originalSize: size,
    addedAt: 0,
    notes: [],
    source: `${name}|${size}|0`,
  });

  it('keeps PDFs while together they fit the share, and refuses the one that would pass it, by name', () => {
    const held = [evidence('order.pdf', 'pdf', 3 * MB), evidence('box.jpg', 'jpeg', 5 * MB)];
    const { fitting, refused } = withinPdfShare(held, [evidence('a.pdf', 'pdf', 3 * MB), evidence('b.pdf', 'pdf', 2 * MB), evidence('shot.jpg', 'jpeg', 9 * MB)]);
    // 3 + 3 MB fit the 7 MB; 2 MB more would not; photos are made smaller and do not count.
    expect(fitting.map((file) => file.name)).toEqual(['a.pdf', 'shot.jpg']);
    expect(refused).toEqual([{ name: 'b.pdf', source: 'b.pdf|2097152|0', key: 'file.pdfShareTooLarge', values: { file: 'b.pdf', maxMb: 7 } }]);
  });

  it('lets a smaller PDF through after a refused larger one, up to the exact share', () => {
    const { fitting } = withinPdfShare([], [evidence('big.pdf', 'pdf', MAX_PDF_EVIDENCE_BYTES + 1), evidence('exact.pdf', 'pdf', MAX_PDF_EVIDENCE_BYTES)]);
    expect(fitting.map((file) => file.name)).toEqual(['exact.pdf']);
  });
});

describe('refusalsAfterRemoving', () => {
  it('drops the refusals that spoke of the files held, and keeps those about a file itself', () => {
    const refusal = (name: string, key: FileRejection['key']): FileRejection => ({ name, source: name, key, values: {} });
    const before = {
      boxPhoto: [refusal('4.jpg', 'files.zoneFull'), refusal('page.html', 'file.unsupportedType')],
      receipt: [refusal('b.pdf', 'file.pdfShareTooLarge'), refusal('cut.jpg', 'file.unreadable')],
      extra: [refusal('box.jpg', 'files.alreadyAddedElsewhere'), refusal('same.jpg', 'files.alreadyAdded')],
    };
    expect(refusalsAfterRemoving(before)).toEqual({
      boxPhoto: [refusal('page.html', 'file.unsupportedType')],
      receipt: [refusal('cut.jpg', 'file.unreadable')],
      extra: [],
    });
  });
});
