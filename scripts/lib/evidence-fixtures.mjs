/**
 * The evidence the tests, `npm run bench` and `npm run load` send, made by code so anyone with a
 * clone can rebuild it and a reviewer can read what it is:
 *
 *   box-label-12mp.jpg      a phone photo of the box label (model, both IMEIs as text and Code 128
 *                           barcodes, serial), taken sideways: 3000×4000 stored, EXIF Orientation 6,
 *                           camera make/model, date and a GPS position
 *   receipt-photo-12mp.jpg  a 12 MP photo of a Russian till receipt (Cyrillic), EXIF with GPS
 *   order-screenshot.png    a 1080×2400 screenshot of an online order
 *   e-receipt.pdf           a one-page PDF receipt as a shop's system sends it (a scanned page)
 *   truncated.jpg           the first 300 KB of the box-label photo
 *   not-an-image.jpg        HTML named .jpg
 *
 * Photos get what makes real ones weigh a few MB: sensor grain, uneven light, a slightly soft lens,
 * so compression and size budgets are measured on realistic input. Everything is seeded: the same
 * code gives the same bytes. Written once into tests/fixtures/generated/ (ignored by git) and
 * rebuilt only when this file or the libraries drawing it change.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import bwipjs from 'bwip-js';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const GENERATED_DIR = path.join(ROOT, 'tests/fixtures/generated');

/** The phone every fixture is about; tests/fixtures/standard-appeal.json states the same facts. */
export const PHONE = Object.freeze({
  name: 'Redmi Note 12 Pro 5G',
  modelCode: '22101316G',
  imei1: '868907041234565',
  imei2: '867443033012349',
  serial: '44871/F2ZX01234',
});

/**
 * The standard evidence set: what one appeal usually carries, and what the size budget, the
 * benchmark and the load test are set for. Field, file name and declared type, in form order.
 */
export const STANDARD_EVIDENCE = Object.freeze([
  { field: 'boxPhoto', name: 'box-label-12mp.jpg', type: 'image/jpeg' },
  { field: 'receipt', name: 'receipt-photo-12mp.jpg', type: 'image/jpeg' },
  { field: 'receipt', name: 'order-screenshot.png', type: 'image/png' },
  { field: 'receipt', name: 'e-receipt.pdf', type: 'application/pdf' },
]);

/** Noto Sans ships with the app (its PDF font): the same glyphs on every machine, Cyrillic included. */
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');

// ---- building blocks ---------------------------------------------------------------------------

/** mulberry32: a tiny seeded generator, so every run draws the same "random" texture. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeMarkup(text) {
  return text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]);
}

/** One line of text as a transparent PNG, in Noto Sans, `size` px high em. */
function textImage(text, size, colour = '#111111') {
  return sharp({
    text: {
      text: `<span foreground="${colour}">${escapeMarkup(text)}</span>`,
      font: `Noto Sans ${size}`,
      fontfile: FONT_FILE,
      dpi: 72,
      rgba: true,
    },
  })
    .png()
    .toBuffer();
}

/** A Code 128 barcode with its digits printed under it, as on a box label (bwip-js). */
function barcodeImage(text, moduleWidth) {
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: moduleWidth, height: 12, includetext: true, textxalign: 'center', textsize: 11 });
}

/**
 * Lays out blocks top to bottom on a sheet: each block is [image, left, gapAbove]. Returns a PNG.
 */
async function sheet(width, height, background, blocks, top) {
  const composites = [];
  let y = top;
  for (const [input, left, gap] of blocks) {
    y += gap;
    composites.push({ input, left, top: y });
    y += (await sharp(input).metadata()).height;
  }
  return sharp({ create: { width, height, channels: 3, background } }).composite(composites).png().toBuffer();
}

/** The printed box label, 2000×1320 px (about 5 × 3.6 cm at 1000 dpi), upright. */
async function boxLabel() {
  const [title, model, imei1, code1, imei2, code2, serial] = await Promise.all([
    textImage(PHONE.name, 72),
    textImage(`Model: ${PHONE.modelCode}   8GB+256GB   Midnight Black`, 40),
    textImage(`IMEI1: ${PHONE.imei1}`, 46),
    barcodeImage(PHONE.imei1, 8),
    textImage(`IMEI2: ${PHONE.imei2}`, 46),
    barcodeImage(PHONE.imei2, 8),
    textImage(`S/N: ${PHONE.serial}      Made in China`, 40),
  ]);
  const label = await sheet(
    2000,
    1320,
    '#fbfbf7',
    [
      [title, 110, 0],
      [model, 110, 40],
      [imei1, 110, 50],
      [code1, 110, 20],
      [imei2, 110, 45],
      [code2, 110, 20],
      [serial, 110, 50],
    ],
    80,
  );
  // A thin printed frame, as the sticker's edge.
  const frame = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1320"><rect x="30" y="30" width="1940" height="1260" rx="24" fill="none" stroke="#222" stroke-width="6"/></svg>',
  );
  return sharp(label).composite([{ input: frame }]).png().toBuffer();
}

/** The till receipt on thermal paper, 1800×2900 px, upright. */
async function receiptPaper(width = 1800, height = 2900) {
  const k = width / 1800;
  const ink = '#262626';
  const lines = [
    ['ООО «Электроника Плюс»', 84, 0],
    ['ИНН 7701234567  г. Москва, ул. Тверская, 7', 50, 30],
    ['Кассовый чек № 004512', 62, 90],
    ['Дата: 14.03.2025 12:47', 62, 20],
    ['Смартфон Xiaomi Redmi Note 12 Pro 5G', 62, 110],
    ['8/256 ГБ, Midnight Black', 62, 20],
    [`IMEI: ${PHONE.imei1}`, 62, 20],
    [`IMEI2: ${PHONE.imei2}`, 62, 20],
    [`S/N: ${PHONE.serial}`, 62, 20],
    ['1 шт. × 27 990,00 ₽', 62, 60],
    ['Цена ........................ 27 990,00 ₽', 62, 60],
    ['ИТОГО ....................... 27 990,00 ₽', 72, 20],
    ['Оплата картой ............... 27 990,00 ₽', 62, 20],
    ['Гарантия 12 месяцев', 62, 90],
    ['Спасибо за покупку!', 68, 90],
  ];
  const images = await Promise.all(lines.map(([text, size]) => textImage(text, Math.round(size * k), ink)));
  return sheet(
    width,
    height,
    '#f4f2ec',
    images.map((image, i) => [image, Math.round(150 * k), Math.round(lines[i][2] * k)]),
    Math.round(180 * k),
  );
}

/**
 * A surface under the paper: smooth patches of colour around `base`, as a table or a sofa looks
 * in a phone photo. Returns raw RGB pixels.
 */
async function surface(width, height, base, seed) {
  const next = random(seed);
  const cells = { width: Math.max(2, Math.round(width / 80)), height: Math.max(2, Math.round(height / 80)) };
  const coarse = Buffer.alloc(cells.width * cells.height * 3);
  for (let i = 0; i < coarse.length; i += 3) {
    const shade = (next() - 0.5) * 50;
    for (let c = 0; c < 3; c += 1) coarse[i + c] = clamp(base[c] + shade + (next() - 0.5) * 16);
  }
  // Enlarged in two steps with a blur between, so the patches melt into each other instead of
  // showing as squares.
  const mid = await sharp(coarse, { raw: { ...cells, channels: 3 } })
    .resize(Math.round(width / 8), Math.round(height / 8), { kernel: 'cubic' })
    .blur(4)
    .raw()
    .toBuffer();
  return sharp(mid, { raw: { width: Math.round(width / 8), height: Math.round(height / 8), channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
}

function clamp(value) {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}

/**
 * What the camera adds: light falling off from one corner, and sensor grain (stronger in the
 * shadows, mostly in luminance). In place, on raw RGB pixels.
 */
function camera(pixels, width, height, seed, grain) {
  const next = random(seed);
  const cx = width * 0.35;
  const cy = height * 0.3;
  const reach = Math.hypot(width, height);
  for (let y = 0, i = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1, i += 3) {
      const light = 1.04 - 0.22 * (Math.hypot(x - cx, y - cy) / reach);
      // Sum of two uniforms: a cheap bell-shaped grain.
      const luma = (next() + next() - 1) * grain;
      for (let c = 0; c < 3; c += 1) {
        const value = pixels[i + c] * light;
        pixels[i + c] = clamp(value + luma * (1.4 - value / 255) + (next() - 0.5) * grain * 0.35);
      }
    }
  }
}

/**
 * A photo of `paper` (a PNG) lying on a surface: the paper is turned by `tilt` degrees, scaled to
 * `paperWidth` and placed at (left, top), with a soft shadow. Options shape the photo's faults, so
 * the same scene can show a good and a bad photo (see scripts/make-guidance-photos.mjs).
 */
export async function photographPaper(paper, { width, height, paperWidth, left, top, tilt, base, seed, blur = 0.7, grain = 14, glare = null }) {
  const turned = await sharp(paper).resize({ width: paperWidth }).rotate(tilt, { background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer();
  const { width: w, height: h } = await sharp(turned).metadata();
  const shadow = await sharp(turned).ensureAlpha().extractChannel('alpha').linear(0.45, 0).blur(Math.max(1, paperWidth / 120)).toBuffer();
  const shadowRgba = await sharp({ create: { width: w, height: h, channels: 3, background: '#000000' } }).joinChannel(shadow).png().toBuffer();
  const layers = [
    { input: shadowRgba, left: Math.round(left + paperWidth / 90), top: Math.round(top + paperWidth / 60) },
    { input: turned, left: Math.round(left), top: Math.round(top) },
  ];
  if (glare) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="1"/><stop offset="0.6" stop-color="#fff" stop-opacity="0.93"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><ellipse cx="${glare.x}" cy="${glare.y}" rx="${glare.rx}" ry="${glare.ry}" fill="url(#g)"/></svg>`;
    layers.push({ input: Buffer.from(svg) });
  }
  const background = await surface(width, height, base, seed);
  // Flattened before the lens blur: sharp applies blur before composite within one pipeline.
  const flat = await sharp(background, { raw: { width, height, channels: 3 } }).composite(layers).removeAlpha().raw().toBuffer();
  const pixels = blur > 0.3 ? await sharp(flat, { raw: { width, height, channels: 3 } }).blur(blur).raw().toBuffer() : flat;
  camera(pixels, width, height, seed + 1, grain);
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

export { boxLabel, receiptPaper };

// ---- the fixtures -------------------------------------------------------------------------------

const SHOT_AT = '2025:03:14 13:05:22';

/** What a phone writes: make, model, date and where it was. Degrees as EXIF rationals. */
function phoneExif(make, model, [lat, latRef], [lon, lonRef]) {
  const dms = (value) => {
    const d = Math.floor(value);
    const m = Math.floor((value - d) * 60);
    const s = Math.round(((value - d) * 60 - m) * 60 * 100);
    return `${d}/1 ${m}/1 ${s}/100`;
  };
  return {
    IFD0: { Make: make, Model: model, Software: 'MIUI Camera' },
    IFD2: { DateTimeOriginal: SHOT_AT, DateTimeDigitized: SHOT_AT },
    IFD3: { GPSLatitudeRef: latRef, GPSLatitude: dms(lat), GPSLongitudeRef: lonRef, GPSLongitude: dms(lon) },
  };
}

async function boxLabelPhoto() {
  // Composed upright (4000×3000), then stored as the phone held sideways stores it: pixels turned
  // a quarter to the left, EXIF Orientation 6 ("turn 90° clockwise to show").
  const scene = await photographPaper(await boxLabel(), {
    width: 4000,
    height: 3000,
    paperWidth: 2100,
    left: 950,
    top: 800,
    tilt: -1.5,
    base: [176, 150, 118],
    seed: 101,
  });
  const upright = await scene.raw().toBuffer();
  return sharp(upright, { raw: { width: 4000, height: 3000, channels: 3 } })
    .rotate(270)
    .jpeg({ quality: 90, chromaSubsampling: '4:2:0' })
    .withExif(phoneExif('Xiaomi', 'Redmi Note 9', [55.7558, 'N'], [37.6173, 'E']))
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

async function receiptPhoto() {
  const scene = await photographPaper(await receiptPaper(), {
    width: 3000,
    height: 4000,
    paperWidth: 1900,
    left: 550,
    top: 430,
    tilt: 1.2,
    base: [122, 134, 150],
    seed: 202,
  });
  return scene.jpeg({ quality: 90, chromaSubsampling: '4:2:0' }).withExif(phoneExif('Xiaomi', 'Redmi Note 9', [42.6977, 'N'], [23.3219, 'E'])).toBuffer();
}

/** A marketplace app's order page, as a 1080×2400 phone screenshot. */
async function orderScreenshot() {
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="2400">' +
      '<rect width="1080" height="2400" fill="#ffffff"/>' +
      '<rect width="1080" height="230" fill="#f6f6f6"/>' +
      '<rect x="48" y="760" width="984" height="420" rx="28" fill="#f3f4f6"/>' +
      '<rect x="88" y="800" width="200" height="340" rx="26" fill="#2b2f36"/>' +
      '<rect x="104" y="820" width="168" height="300" rx="14" fill="#4a6fa5"/>' +
      '<rect x="48" y="1260" width="984" height="2" fill="#e5e7eb"/>' +
      '<rect x="48" y="2180" width="984" height="150" rx="24" fill="#ff6900"/>' +
      '</svg>',
  );
  const t = (text, size, colour) => textImage(text, size, colour);
  const items = await Promise.all([
    t('12:47', 40, '#222222'),
    t('Мои заказы', 56, '#111111'),
    t('Заказ № 5123-778-0042', 72, '#111111'),
    t('Оформлен 14.03.2025 в 12:31', 44, '#555555'),
    t('Статус: Получен', 48, '#13803b'),
    t('Xiaomi Redmi Note 12 Pro 5G', 42, '#111111'),
    t('8/256 ГБ, Midnight Black', 38, '#555555'),
    t('27 990 ₽', 54, '#111111'),
    t('Продавец: Электроника Плюс', 44, '#111111'),
    t('Доставка: пункт выдачи, Москва', 44, '#111111'),
    t('Оплачено картой •••• 4417', 44, '#111111'),
    t('Повторить заказ', 52, '#ffffff'),
  ]);
  const at = [
    [60, 30],
    [60, 120],
    [60, 300],
    [60, 420],
    [60, 520],
    [330, 830],
    [330, 900],
    [330, 1020],
    [60, 1320],
    [60, 1420],
    [60, 1520],
    [350, 2222],
  ];
  return sharp(svg)
    .composite(items.map((input, i) => ({ input, left: at[i][0], top: at[i][1] })))
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A shop's e-receipt: one scanned page (an image, as img2pdf makes it), no text layer, no fonts. */
async function eReceiptPdf() {
  const scan = await sharp(await receiptPaper(750, 1208)).greyscale().jpeg({ quality: 80 }).toBuffer();
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const image = await pdf.embedJpg(scan);
  const page = pdf.addPage([562.5, 906]);
  page.drawImage(image, { x: 0, y: 0, width: 562.5, height: 906 });
  pdf.setProducer('Electronica Plus receipts');
  pdf.setCreationDate(new Date('2025-03-14T09:47:00Z'));
  pdf.setModificationDate(new Date('2025-03-14T09:47:00Z'));
  return Buffer.from(await pdf.save());
}

/** The key the cache is kept under: this file and the libraries that draw the pixels. */
function cacheKey() {
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(JSON.stringify(sharp.versions));
  hash.update(`bwip-js ${bwipjs.BWIPJS_VERSION} pdf-lib ${require('pdf-lib/package.json').version}`);
  hash.update(readFileSync(FONT_FILE));
  return hash.digest('hex');
}

async function generate(dir) {
  const [box, receipt, screenshot, pdf] = await Promise.all([boxLabelPhoto(), receiptPhoto(), orderScreenshot(), eReceiptPdf()]);
  const files = {
    'box-label-12mp.jpg': box,
    'receipt-photo-12mp.jpg': receipt,
    'order-screenshot.png': screenshot,
    'e-receipt.pdf': pdf,
    'truncated.jpg': box.subarray(0, 300_000),
    'not-an-image.jpg': Buffer.from('<html><body>not a photo</body></html>'),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
}

/**
 * Makes the fixtures in `dir` unless they are there and current; returns `dir`. Safe when two
 * processes ask at once: each builds in its own folder and the first rename wins.
 */
export async function ensureEvidenceFixtures(dir = GENERATED_DIR) {
  const key = cacheKey();
  const stamp = path.join(dir, '.cache-key');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return dir;
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  try {
    await generate(building);
    writeFileSync(path.join(building, '.cache-key'), key);
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return dir;
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(building, dir);
    } catch (error) {
      // Another process renamed its copy first: theirs is the same.
      if (!(existsSync(stamp) && readFileSync(stamp, 'utf8') === key)) throw error;
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

// `node scripts/lib/evidence-fixtures.mjs` rebuilds them (and says where).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const stamp = path.join(GENERATED_DIR, '.cache-key');
  rmSync(stamp, { force: true });
  // No top-level await: Playwright loads this module through require().
  ensureEvidenceFixtures().then(
    (dir) => console.log(`${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
