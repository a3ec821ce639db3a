/**
 * Unusual and hostile uploads, generated at test time (sharp, pdf-lib, qpdf, a hand-written PNG)
 * so every test states exactly what it sends. Only HEIC comes from a committed file
 * (tests/fixtures/README.md says how it was made): nothing on every machine can write it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts, drawObject, popGraphicsState, pushGraphicsState, setGraphicsState } from 'pdf-lib';
import sharp, { type Sharp } from 'sharp';

const run = promisify(execFile);

/** Deterministic noise, so a failing test fails the same way twice. */
function seededBytes(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Something that compresses like a phone photo (smooth colour fields, not flat colour and not pure
 * noise) with a white label in the middle, so a rendered page shows which file it came from.
 */
export function photoLike(width: number, height: number, label = 'IMEI 868907041234565'): Sharp {
  const small = { width: Math.max(2, Math.round(width / 64)), height: Math.max(2, Math.round(height / 64)) };
  const labelWidth = Math.round(width * 0.6);
  const labelHeight = Math.round(height * 0.15);
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth}" height="${labelHeight}">` +
      `<rect width="100%" height="100%" fill="#fff"/>` +
      `<text x="50%" y="62%" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(labelHeight * 0.4)}" ` +
      `text-anchor="middle" fill="#000">${escapeXml(label)}</text></svg>`,
  );
  return sharp(seededBytes(small.width * small.height * 3), { raw: { ...small, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .composite([{ input: svg, gravity: 'centre' }]);
}

export async function jpeg(
  width: number,
  height: number,
  options: { progressive?: boolean; cmyk?: boolean; quality?: number; label?: string } = {},
): Promise<Buffer> {
  let image = photoLike(width, height, options.label);
  // Flatten the composite first: toColourspace applies to the pipeline's output.
  if (options.cmyk) image = sharp(await image.png({ compressionLevel: 1 }).toBuffer()).toColourspace('cmyk');
  return image.jpeg({ quality: options.quality ?? 85, progressive: options.progressive ?? false }).toBuffer();
}

/** 16 bits per channel with a real alpha gradient (left opaque, right nearly transparent). */
export async function png16WithAlpha(width = 1200, height = 900): Promise<Buffer> {
  const rgb = await photoLike(width, height, '16-bit PNG').removeAlpha().raw().toBuffer();
  // A Uint16Array is read by sharp as 16-bit samples: scale 0–255 to 0–65535 (× 257).
  const pixels = new Uint16Array(width * height * 4);
  for (let i = 0, p = 0; p < width * height; p += 1) {
    pixels[i++] = (rgb[p * 3] ?? 0) * 257;
    pixels[i++] = (rgb[p * 3 + 1] ?? 0) * 257;
    pixels[i++] = (rgb[p * 3 + 2] ?? 0) * 257;
    pixels[i++] = 65535 - Math.round(((p % width) / width) * 60000);
  }
  return sharp(pixels, { raw: { width, height, channels: 4 } }).toColourspace('rgb16').png().toBuffer();
}

export const gif = () => photoLike(640, 480, 'GIF').gif().toBuffer();
export const tiff = () => photoLike(640, 480, 'TIFF').tiff().toBuffer();
export const webp = () => photoLike(1600, 1200, 'WebP').webp({ quality: 80 }).toBuffer();
export const avif = () => photoLike(1600, 1200, 'AVIF').avif({ quality: 50, effort: 2 }).toBuffer();
export const pngScreenshot = (width = 1080, height = 2400) => photoLike(width, height, 'Order 5123-778-0042').png().toBuffer();

/**
 * A decompression bomb: a valid 1-bit greyscale PNG whose header promises width × height pixels
 * (30,000 × 30,000 is 900 MP, 3.6 GB as RGBA) in about a hundred KB. Written by hand, row by row,
 * so making it never holds the pixels.
 */
export async function pngBomb(width = 30_000, height = 30_000): Promise<Buffer> {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, standard filters, no interlace
  const row = Buffer.alloc(1 + Math.ceil(width / 8)); // filter byte 0, then all-black pixels
  const rowsPerBlock = 500;
  const block = Buffer.concat(Array.from({ length: rowsPerBlock }, () => row));
  async function* rows() {
    for (let done = 0; done < height; done += rowsPerBlock) {
      yield block.subarray(0, Math.min(rowsPerBlock, height - done) * row.length);
    }
  }
  const compressed: Buffer[] = [];
  await pipeline(rows(), zlib.createDeflate({ level: 9 }), async (deflated: AsyncIterable<Buffer>) => {
    for await (const piece of deflated) compressed.push(piece);
  });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.concat(compressed)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Images libvips must decode whole before it can shrink them, a few KB for many megapixels: AVIF,
 * and an interlaced (Adam7) 16-bit RGBA PNG. Flat colour, as the decode's cost does not depend on
 * the content.
 */
export const flatAvif = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#c87828' } }).avif({ effort: 0, chromaSubsampling: '4:2:0' }).toBuffer();
export const interlacedPng16 = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 200, g: 120, b: 40, alpha: 0.7 } } })
    .toColourspace('rgb16')
    .png({ progressive: true, compressionLevel: 1 })
    .toBuffer();

/**
 * A progressive JPEG, flat colour: libjpeg keeps all its DCT coefficients until the last scan,
 * 2 bytes a sample (6 bytes a pixel at 4:4:4), however small the file and whatever the shrink.
 */
export const flatProgressiveJpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#c87828' } }).jpeg({ progressive: true, chromaSubsampling: '4:4:4', quality: 70 }).toBuffer();

/**
 * A 200 MP phone photo (Redmi Note 13 Pro's 200 MP mode: 16320 × 12240) taken sideways, as the
 * sensor stores it with EXIF orientation 6: the left half red, the right half blue, so upright
 * (turned a quarter clockwise) red is on top. Baseline, as every phone camera writes it; flat
 * colour keeps the test's file small (the decode's cost follows the file's bytes).
 */
export const sideways200MpJpeg = () =>
  sharp({ create: { width: 8160, height: 12240, channels: 3, background: '#d02020' } })
    .extend({ right: 8160, background: '#2020d0' })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 80 })
    .toBuffer();

/** A JPEG marker segment: marker, length, payload. */
function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

const xmpSegment = (description: string) =>
  segment(
    0xe1,
    Buffer.from(
      'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        `${description}</rdf:RDF></x:xmpmeta>`,
      'latin1',
    ),
  );

/** `segments` put right after a JPEG's SOI, where cameras write their APPn blocks. */
const afterSoi = (jpeg: Buffer, segments: Buffer[]) => Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);

/**
 * An Ultra HDR photo as Android 14+ cameras (Xiaomi 14 among them) write it: the SDR primary
 * image with an XMP container directory (hdrgm) and an MPF index (APP2), and the gain map, a
 * second JPEG with its own hdrgm XMP, appended after the primary's EOI. libvips reads it as a
 * JPEG with a gain map (sharp's metadata().gainMap).
 */
export async function ultraHdrJpeg(width = 4080, height = 3072): Promise<Buffer> {
  const primary = await photoLike(width, height, 'Ultra HDR').jpeg({ quality: 90 }).toBuffer();
  const gainMap = afterSoi(
    await sharp({ create: { width: width / 4, height: height / 4, channels: 3, background: '#808080' } }).greyscale().jpeg().toBuffer(),
    [xmpSegment('<rdf:Description xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/" hdrgm:Version="1.0" hdrgm:GainMapMax="2.0" hdrgm:HDRCapacityMax="2.0"/>')],
  );
  const directory = xmpSegment(
    '<rdf:Description xmlns:Container="http://ns.google.com/photos/1.0/container/" xmlns:Item="http://ns.google.com/photos/1.0/container/item/" ' +
      'xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/" hdrgm:Version="1.0"><Container:Directory><rdf:Seq>' +
      '<rdf:li rdf:parseType="Resource"><Container:Item Item:Semantic="Primary" Item:Mime="image/jpeg"/></rdf:li>' +
      `<rdf:li rdf:parseType="Resource"><Container:Item Item:Semantic="GainMap" Item:Mime="image/jpeg" Item:Length="${gainMap.length}"/></rdf:li>` +
      '</rdf:Seq></Container:Directory></rdf:Description>',
  );
  // MPF: a big-endian TIFF header, an IFD of version, count and entries, then two 16-byte entries.
  const mpf = (primaryLength: number, tiffAt: number) => {
    const tiff = Buffer.alloc(8 + 2 + 3 * 12 + 4 + 32);
    tiff.write('MM\0\x2a\0\0\0\x08', 0, 'latin1');
    tiff.writeUInt16BE(3, 8);
    [
      [0xb000, 7, 4, Buffer.from('0100').readUInt32BE(0)],
      [0xb001, 4, 1, 2],
      [0xb002, 7, 32, 50],
    ].forEach(([tag, type, count, value], i) => {
      tiff.writeUInt16BE(tag!, 10 + i * 12);
      tiff.writeUInt16BE(type!, 12 + i * 12);
      tiff.writeUInt32BE(count!, 14 + i * 12);
      tiff.writeUInt32BE(value!, 18 + i * 12);
    });
    tiff.writeUInt32BE(0x030000, 50);
    tiff.writeUInt32BE(primaryLength, 54);
    tiff.writeUInt32BE(gainMap.length, 66);
    tiff.writeUInt32BE(primaryLength - tiffAt, 70);
    return segment(0xe2, Buffer.concat([Buffer.from('MPF\0', 'latin1'), tiff]));
  };
  const primaryLength = primary.length + directory.length + mpf(0, 0).length;
  const tiffAt = 2 + directory.length + 4 + 4;
  return Buffer.concat([afterSoi(primary, [directory, mpf(primaryLength, tiffAt)]), gainMap]);
}

/**
 * A Motion Photo as Google and Xiaomi cameras write it: the photo with GCamera XMP (MicroVideo
 * and MotionPhoto, the offset of the video from the end) and a short MP4 appended after its EOI.
 */
export async function motionPhotoJpeg(width = 4080, height = 3072): Promise<Buffer> {
  const video = Buffer.concat([Buffer.from('\0\0\0\x18ftypmp42\0\0\0\0isommp42', 'latin1'), seededBytes(512 * 1024)]);
  const xmp = xmpSegment(
    '<rdf:Description xmlns:GCamera="http://ns.google.com/photos/1.0/camera/" GCamera:MicroVideo="1" GCamera:MicroVideoVersion="1" ' +
      `GCamera:MicroVideoOffset="${video.length}" GCamera:MotionPhoto="1" GCamera:MotionPhotoVersion="1"/>`,
  );
  return Buffer.concat([afterSoi(await photoLike(width, height, 'Motion photo').jpeg({ quality: 90 }).toBuffer(), [xmp]), video]);
}

export const HEIC_FIXTURE = path.resolve(__dirname, '../fixtures/box-label-gps.heic');
export const heic = () => readFileSync(HEIC_FIXTURE);

/**
 * The HEIC fixture with its image size box (`ispe`) claiming width × height: the size the decoder
 * reads before decoding anything, in 45 KB.
 */
export function heicClaiming(width: number, height: number): Buffer {
  const bytes = Buffer.from(heic());
  const box = bytes.indexOf('ispe', 0, 'latin1');
  if (box < 0) throw new Error('no ispe box in the HEIC fixture');
  // After the box type: version and flags (4 bytes), then width and height (32-bit each).
  bytes.writeUInt32BE(width, box + 8);
  bytes.writeUInt32BE(height, box + 12);
  return bytes;
}

// ---- Not images at all --------------------------------------------------------------------------

export const htmlPage = () =>
  Buffer.from('<!doctype html><html><head><title>x</title></head><body><script>fetch("/steal")</script></body></html>\n');

/** The first bytes of a Linux executable (ELF) and of a Windows one (PE), then padding. */
export const elfExecutable = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4088)]);
export const windowsExecutable = () => {
  const bytes = Buffer.alloc(4096);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
};

/** A JPEG start (SOI + JFIF APP0) so naive sniffing says "JPEG", then a script instead of pixels. */
export const jpegHeaderThenScript = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.from('<script>alert(document.cookie)</script>\n'.repeat(50)),
  ]);

export const svgWithScript = () =>
  Buffer.from(
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="300">' +
      '<script>alert(1)</script><image xlink:href="http://203.0.113.9/track.png" width="400" height="300"/>' +
      '<foreignObject><iframe src="file:///etc/passwd"/></foreignObject><text x="10" y="20">box</text></svg>\n',
  );

export async function truncatedJpeg(fraction = 0.6): Promise<Buffer> {
  const whole = await jpeg(3000, 4000, { label: 'truncated' });
  return whole.subarray(0, Math.floor(whole.length * fraction));
}

// ---- PDFs ---------------------------------------------------------------------------------------

export async function pdfWithPages(pages: number, title = 'Receipt'): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i += 1) {
    const page = document.addPage([595, 842]);
    page.drawText(`${title}: page ${i} of ${pages}`, { x: 72, y: 760, size: 18, font });
    page.drawText('IMEI 868907041234565  Redmi Note 12 Pro 5G  19 990 RUB', { x: 72, y: 720, size: 12, font });
  }
  return Buffer.from(await document.save());
}

/** What activeContentPdf() hides, to look for in a bundle made from it. */
export const ACTIVE_CONTENT_MARKERS = {
  script: "app.alert('receipt script ran')",
  launched: 'C:\\Windows\\System32\\calc.exe',
  embeddedBytes: 'EMBEDDED-PAYLOAD-5d41402abc4b2a76',
  xmpCreator: 'Hostile Creator 7f3a',
  pageText: 'Receipt with active content',
};

/**
 * A one-page receipt that carries every kind of active content a mail gateway quarantines: an
 * OpenAction and a document-level JavaScript, a Launch action (page /AA and a link annotation), an
 * embedded file and XMP metadata (dc:creator). Besides the catalog, the page's own resources lead
 * to all of it (an ExtGState with a stray reference to the catalog, a form XObject with /Metadata
 * and an /AA), as in files seen in the wild.
 */
export async function activeContentPdf(): Promise<Buffer> {
  const m = ACTIVE_CONTENT_MARKERS;
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595, 842]);
  page.drawText(m.pageText, { x: 72, y: 760, size: 18, font });
  const { context, catalog } = document;

  const script = context.register(context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(m.script) }));
  const launch = context.register(context.obj({ Type: 'Action', S: 'Launch', F: PDFString.of(m.launched), NewWindow: true }));
  const embedded = context.register(context.stream(m.embeddedBytes, { Type: 'EmbeddedFile', Subtype: PDFName.of('text/plain') }));
  const fileSpec = context.register(context.obj({ Type: 'Filespec', F: PDFString.of('payload.txt'), UF: PDFHexString.fromText('payload.txt'), EF: { F: embedded } }));
  const xmp = context.register(
    context.stream(
      `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${m.xmpCreator}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`,
      { Type: 'Metadata', Subtype: 'XML' },
    ),
  );

  catalog.set(PDFName.of('OpenAction'), script);
  catalog.set(PDFName.of('Metadata'), xmp);
  catalog.set(PDFName.of('Names'), context.obj({ EmbeddedFiles: { Names: [PDFString.of('payload.txt'), fileSpec] }, JavaScript: { Names: [PDFString.of('init'), script] } }));
  catalog.set(PDFName.of('AA'), context.obj({ WC: script }));

  page.node.set(PDFName.of('AA'), context.obj({ O: launch }));
  page.node.set(PDFName.of('Metadata'), xmp);
  page.node.set(PDFName.of('Annots'), context.obj([context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 700, 300, 730], A: launch })]));

  // The resources the page draws with lead back to all of it.
  const form = context.register(
    context.stream('0 0 1 rg 0 0 50 50 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 50, 50], Metadata: xmp, AA: { O: script } }),
  );
  const resources = page.node.Resources();
  resources?.set(PDFName.of('XObject'), context.obj({ Fm0: form }));
  resources?.set(PDFName.of('ExtGState'), context.obj({ GS0: { Type: 'ExtGState', CA: 1, Catalog: catalog, A: launch } }));
  page.pushOperators(pushGraphicsState(), setGraphicsState('GS0'), drawObject('Fm0'), popGraphicsState());
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** Encrypted by qpdf with a user password (AES-256): nobody can open it without the password. */
export async function encryptedPdf(): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hostile-pdf-'));
  try {
    const plain = path.join(dir, 'plain.pdf');
    const locked = path.join(dir, 'locked.pdf');
    await writeFile(plain, await pdfWithPages(1, 'Encrypted receipt'));
    await run('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', plain, locked]);
    return await readFile(locked);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Three ways a PDF is broken in the wild: garbage after the header, cut in half, objects mangled. */
export async function malformedPdfs(): Promise<Record<string, Buffer>> {
  const good = await pdfWithPages(2);
  const mangled = Buffer.from(good.toString('latin1').replace(/ obj/g, ' jbo').replace(/endobj/g, 'xxxxxx'), 'latin1');
  return {
    'garbage.pdf': Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), seededBytes(20_000, 3)]),
    'half.pdf': good.subarray(0, Math.floor(good.length / 2)),
    'mangled.pdf': mangled,
  };
}

// ---- Request bodies ---------------------------------------------------------------------------

/** `type` sends a Content-Type header with the text part (a charset busboy may not know). */
export type TextPart = { name: string; value: string; type?: string };
/**
 * `filename: null` sends no filename parameter: busboy takes such a part for a file when it is
 * application/octet-stream. `filenameStar` sends an RFC 5987 `filename*=` instead, as written
 * (e.g. "koi8-r''%F0%C8%CF%D4%CF.png").
 */
export type FilePart = { name: string; filename: string | null; filenameStar?: string; type: string; bytes: Buffer };

function fileNameParam(part: FilePart): string {
  if (part.filenameStar !== undefined) return `; filename*=${part.filenameStar}`;
  return part.filename === null ? '' : `; filename="${part.filename}"`;
}

/** A multipart/form-data body built by hand, for bodies a FormData cannot make (cut off, trickled). */
export function multipartBody(parts: (TextPart | FilePart)[], boundary = '----hostile-boundary-7f3a'): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('bytes' in part) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${fileNameParam(part)}\r\n` +
            `Content-Type: ${part.type}\r\n\r\n`,
        ),
        part.bytes,
        Buffer.from('\r\n'),
      );
    } else {
      const type = part.type === undefined ? '' : `Content-Type: ${part.type}\r\n`;
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n${type}\r\n${part.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
