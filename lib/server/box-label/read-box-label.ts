import 'server-only';

import sharp, { type Sharp } from 'sharp';

import { EVIDENCE_PHOTO } from '@/lib/appeal/evidence-rules';
import { checkImei } from '@/lib/imei';
import { readRawPixels, type OpenedImage, type RawPixels } from '@/lib/server/process-image';
import { readLinearBarcodes } from '@/lib/server/box-label/zxing';

/**
 * Reading passes, cheapest and likeliest first. A box label fills a good part of a typical photo,
 * so a 1600 px copy (JPEG shrink-on-load makes it cheap) usually suffices. zxing reads a linear
 * barcode tilted up to about ±10° (measured on the fixture) and, with tryRotate, the same around
 * 90°; turning the copy by ±18° and ±36° therefore covers every tilt. A label photographed from afar
 * needs more pixels: overlapping tiles at full size, so each barcode keeps about two pixels per
 * bar module (below that, measured, zxing gives up).
 */
const BASE_LONG_EDGE = 1600;
/**
 * A photo no larger than the evidence size (the bundle's own 2000 px copy of an API client's box
 * photo) is read at its own size: shrinking it to 1600 px cost more than it saved zxing (decode and
 * green channel 16.7 against 10.5 ms, the quick look 7.6 against 5.3 ms, measured on the fixture).
 */
const READ_AS_IS_LONG_EDGE = EVIDENCE_PHOTO.maxEdge;
/** Tilted copies are made smaller: a label photographed at a slant is usually photographed close. */
const TILT_LONG_EDGE = 1200;
const FULL_LONG_EDGE = 4000;
const TILT_ANGLES = [18, -18, 36, -36] as const;
const TILE_GRID = 2;
const TILE_OVERLAP = 0.25;
/** No pass starts after this long; a 12 MP photo with a legible label takes ~0.2 s. */
export const READ_BUDGET_MS = 1000;
/** The full-size tile pass of a 12 MP photo takes ~0.6 s here; it is skipped when less remains. */
const TILE_PASS_COST_MS = 600;
/** A dual-SIM phone has two IMEIs; once both are read, further passes cannot add one. */
const MAX_IMEIS = 2;
/**
 * Two barcodes whose centres differ vertically (in the label's frame) by less than this share of
 * the shorter one's length sit side by side; stacked IMEI barcodes differ by about a third.
 */
const SAME_ROW_SHARE = 0.1;

export type BoxLabelReading = {
  /** 15-digit, Luhn-valid codes from the barcodes, de-duplicated, in the label's reading order. */
  imeis: string[];
  /** How many distinct linear barcodes were decoded (IMEIs, serial number, EAN …). */
  barcodes: number;
};

/**
 * Which brightness zxing sees (see oneBand). `green`: a colour photo's green channel, nearly free to
 * extract; `luma`: the weighted sum of all three, which reads labels the green channel loses.
 */
type Band = 'green' | 'luma';
/** `thorough: false`: a quick look first (see readLinearBarcodes); a sharp label needs no more. */
type Pass = { longEdge: number; angle: number; tiles: number; thorough: boolean; band: Band };
/**
 * The quick look reads the green channel: a sharp label reads the same in it, and extracting it
 * costs a fifth of the luma conversion (2 against 14 ms on a 2000 px photo, measured), which
 * otherwise costs more than the reading. Every later pass reads luma, so a label the green channel
 * loses (one blurred, one at 45° in the tests) is read as before; the thorough scan finds whatever
 * a quick look on luma would have.
 */
const PASSES: readonly Pass[] = [
  { longEdge: BASE_LONG_EDGE, angle: 0, tiles: 1, thorough: false, band: 'green' },
  { longEdge: BASE_LONG_EDGE, angle: 0, tiles: 1, thorough: true, band: 'luma' },
  ...TILT_ANGLES.map((angle) => ({ longEdge: TILT_LONG_EDGE, angle, tiles: 1, thorough: true, band: 'luma' as const })),
  { longEdge: FULL_LONG_EDGE, angle: 0, tiles: TILE_GRID, thorough: true, band: 'luma' },
];

type Point = { x: number; y: number };
/** A decoded barcode, placed in the label's own frame (see `labelFrame`); length in full-size pixels. */
type Found = { text: string; length: number } & Point;

function isImei(text: string): boolean {
  return /^\d{15}$/.test(text) && checkImei(text).kind === 'valid';
}

function rotate(p: Point, degrees: number): Point {
  const a = (degrees * Math.PI) / 180;
  return { x: p.x * Math.cos(a) - p.y * Math.sin(a), y: p.x * Math.sin(a) + p.y * Math.cos(a) };
}

/**
 * A point turned back by the barcode's own orientation (clockwise degrees, as zxing and sharp
 * count them): a label photographed sideways or upside down still reads top to bottom, IMEI1 first.
 */
function labelFrame(p: Point, orientation: number): Point {
  return rotate(p, -orientation);
}

/**
 * The band a pass reads from this image: the green channel exists only in a plain sRGB photo (in
 * CMYK the second band is magenta ink); a grey image has one band, whatever the pass asks.
 */
function bandFor(image: OpenedImage, band: Band): Band | 'grey' {
  if (image.channels <= 2) return 'grey';
  return band === 'green' && image.plainSrgb ? 'green' : 'luma';
}

/**
 * One band of brightness for zxing. For sRGB luma, the b-w output colourspace with a linear shrink
 * (see readBoxLabel) costs about 40 % of greyscale() with a Lanczos shrink, which took three times
 * as long as the barcode reading itself on a 2000 px photo (measured), and reads the same test
 * labels. CMYK and 16-bit images go through greyscale()'s full conversion.
 */
function oneBand(image: OpenedImage, band: Band | 'grey'): Sharp {
  if (band === 'grey') return image.pipeline().extractChannel(0);
  if (band === 'green') return image.pipeline().extractChannel(1);
  return image.plainSrgb ? image.pipeline().toColourspace('b-w') : image.pipeline().greyscale();
}

type Bitmap = { data: Uint8Array; width: number; height: number };

async function turned(source: RawPixels, angle: number): Promise<Bitmap> {
  if (angle === 0) return source;
  // White fill: a dark wedge next to the label would look like a bar.
  const { data, info } = await sharp(source.data, { raw: { width: source.width, height: source.height, channels: 1 } })
    .rotate(angle, { background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function crop(src: Bitmap, left: number, top: number, width: number, height: number): Bitmap {
  if (left === 0 && top === 0 && width === src.width && height === src.height) return src;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (top + y) * src.width + left;
    data.set(src.data.subarray(from, from + width), y * width);
  }
  return { data, width, height };
}

function tileOrigins(size: number, tile: number, count: number): number[] {
  if (count === 1) return [0];
  return Array.from({ length: count }, (_, i) => Math.round(((size - tile) * i) / (count - 1)));
}

async function readPass(source: RawPixels, pass: Pass, fullScale: number): Promise<Found[]> {
  const bitmap = await turned(source, pass.angle);
  const share = 1 / (pass.tiles - (pass.tiles - 1) * TILE_OVERLAP);
  const tileW = Math.min(bitmap.width, Math.ceil(bitmap.width * share));
  const tileH = Math.min(bitmap.height, Math.ceil(bitmap.height * share));
  const found: Found[] = [];
  for (const top of tileOrigins(bitmap.height, tileH, pass.tiles)) {
    for (const left of tileOrigins(bitmap.width, tileW, pass.tiles)) {
      const tile = crop(bitmap, left, top, tileW, tileH);
      for (const r of await readLinearBarcodes(tile.data, tile.width, tile.height, { thorough: pass.thorough })) {
        const { topLeft, topRight, bottomLeft, bottomRight } = r.position;
        const corners = [topLeft, topRight, bottomLeft, bottomRight];
        const inTurned = {
          x: left + corners.reduce((s, p) => s + p.x, 0) / 4 - bitmap.width / 2,
          y: top + corners.reduce((s, p) => s + p.y, 0) / 4 - bitmap.height / 2,
        };
        // Back into the upright photo's frame (centre-relative, full-size pixels), then the label's.
        const upright = rotate(inTurned, -pass.angle);
        const full = { x: upright.x * fullScale, y: upright.y * fullScale };
        const length = Math.hypot(topRight.x - topLeft.x, topRight.y - topLeft.y) * fullScale;
        found.push({ text: r.text, length, ...labelFrame(full, r.orientation - pass.angle) });
      }
    }
  }
  return found;
}

/** Top to bottom, and left to right for barcodes side by side. */
function inReadingOrder(found: Found[]): Found[] {
  return [...found].sort((a, b) => {
    const sameRow = Math.abs(a.y - b.y) <= SAME_ROW_SHARE * Math.min(a.length, b.length);
    return sameRow ? a.x - b.x : a.y - b.y;
  });
}

/**
 * Reads the IMEIs from a photo of a phone box label. A photo without barcodes is an empty reading,
 * not an error; undecodable pixels throw AppError `unreadable-file`.
 */
export async function readBoxLabel(image: OpenedImage, budgetMs: number = READ_BUDGET_MS): Promise<BoxLabelReading> {
  const deadline = performance.now() + budgetMs;
  const longEdge = Math.max(image.width, image.height);
  const sources = new Map<string, Promise<RawPixels>>();
  const sourceFor = (pass: Pass) => {
    const asIs = pass.longEdge === BASE_LONG_EDGE && longEdge <= READ_AS_IS_LONG_EDGE;
    const size = asIs ? longEdge : Math.min(pass.longEdge, longEdge);
    const band = bandFor(image, pass.band);
    const key = `${band}/${size}`;
    let source = sources.get(key);
    if (!source) {
      source = readRawPixels(oneBand(image, band).resize({ width: size, height: size, fit: 'inside', kernel: 'linear' }), image);
      sources.set(key, source);
    }
    return { key, source };
  };

  const byText = new Map<string, Found>();
  const done = new Set<string>();
  for (const [i, pass] of PASSES.entries()) {
    const cost = pass.tiles > 1 ? TILE_PASS_COST_MS : 0;
    // The quick look and the thorough one at the base size always run: the budget limits the rest.
    if (i > 1 && performance.now() + cost > deadline) continue;
    const source = sourceFor(pass);
    // A small photo gives the same pixels at every size, a grey one in every band: each distinct pass runs once.
    const key = `${source.key}/${pass.angle}/${pass.tiles}/${pass.thorough}`;
    if (done.has(key)) continue;
    done.add(key);
    const raw = await source.source;
    const fullScale = longEdge / Math.max(raw.width, raw.height);
    for (const f of await readPass(raw, pass, fullScale)) if (!byText.has(f.text)) byText.set(f.text, f);
    if ([...byText.keys()].filter(isImei).length >= MAX_IMEIS) break;
  }
  const ordered = inReadingOrder([...byText.values()]);
  return { imeis: ordered.map((f) => f.text).filter(isImei), barcodes: byText.size };
}
