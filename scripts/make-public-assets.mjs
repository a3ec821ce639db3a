#!/usr/bin/env node
/**
 * Makes the committed files of public/ that are drawn from something else, so they can be made
 * again and reviewed:
 *   - the app icons, from public/logo.svg: 192 and 512 px PNGs, a maskable 512 px PNG (the mark
 *     inside the central 80 % a launcher may crop to a circle), the 180 px apple-touch-icon
 *     (opaque: iOS draws its own corners) and favicon.ico (16, 32 and 48 px PNGs in an ICO);
 *   - the example photos of the Proof step's photo guidance, drawn like the test fixtures
 *     (scripts/lib/evidence-fixtures.mjs): a label support can read, then the same label too far
 *     away, blurred and under glare; small WebP files (each under 60 KB).
 *
 *   node scripts/make-public-assets.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import sharp from 'sharp';

import { boxLabel, photographPaper } from './lib/evidence-fixtures.mjs';
import { ROOT } from './lib/start-server.mjs';

const PUBLIC = path.join(ROOT, 'public');
const BRAND = '#1f5fbf';
const logo = readFileSync(path.join(PUBLIC, 'logo.svg'), 'utf8');

/** The logo's drawing without its rounded tile, for icons that bring their own background. */
const glyph = logo.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '').replace(/<path d="M7 0H25[^>]*\/>/, '');

function png(svg, size) {
  return sharp(Buffer.from(svg), { density: 72 * (size / 32) }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}

/** Square, opaque, the mark at `scale` of the tile: for launchers that shape the icon themselves. */
function fullBleed(scale) {
  const pad = (32 / scale - 32) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-pad} ${-pad} ${32 + 2 * pad} ${32 + 2 * pad}"><rect x="${-pad}" y="${-pad}" width="${32 + 2 * pad}" height="${32 + 2 * pad}" fill="${BRAND}"/>${glyph}</svg>`;
}

/** An ICO holding PNG images (allowed since Windows Vista; every browser reads it). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, bytes }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(bytes.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += bytes.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.bytes)]);
}

async function icons() {
  writeFileSync(path.join(PUBLIC, 'icons/icon-192.png'), await png(logo, 192));
  writeFileSync(path.join(PUBLIC, 'icons/icon-512.png'), await png(logo, 512));
  writeFileSync(path.join(PUBLIC, 'icons/maskable-512.png'), await png(fullBleed(0.72), 512));
  writeFileSync(path.join(PUBLIC, 'apple-touch-icon.png'), await png(fullBleed(0.86), 180));
  const sizes = [16, 32, 48];
  writeFileSync(path.join(PUBLIC, 'favicon.ico'), ico(await Promise.all(sizes.map(async (size) => ({ size, bytes: await png(logo, size) })))));
}

/** 4:3 photos drawn at 1200×900, shown at most 240 px wide (480 px on a dense screen). */
const GUIDANCE = {
  good: { paperWidth: 860, left: 170, top: 170, tilt: -2 },
  far: { paperWidth: 260, left: 560, top: 420, tilt: -2 },
  blurred: { paperWidth: 860, left: 170, top: 170, tilt: -2, blur: 9 },
  glare: { paperWidth: 860, left: 170, top: 170, tilt: -2, glare: { x: 560, y: 420, rx: 330, ry: 200 } },
};

async function guidancePhotos() {
  const label = await boxLabel();
  for (const [name, scene] of Object.entries(GUIDANCE)) {
    const photo = await photographPaper(label, { width: 1200, height: 900, base: [176, 150, 118], seed: 303, grain: 8, ...scene });
    const bytes = await photo.resize(480, 360).webp({ quality: 72, effort: 6 }).toBuffer();
    if (bytes.length > 60 * 1024) throw new Error(`guidance/${name}.webp is ${bytes.length} bytes, over 60 KB`);
    writeFileSync(path.join(PUBLIC, `guidance/${name}.webp`), bytes);
    console.log(`public/guidance/${name}.webp ${(bytes.length / 1024).toFixed(0)} KB`);
  }
}

await icons();
await guidancePhotos();
