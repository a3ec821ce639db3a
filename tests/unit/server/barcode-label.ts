import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import sharp from 'sharp';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';

let ready = false;

/** Test helper: a white label with Code 128 barcodes stacked top to bottom, as a PNG. */
export async function barcodeLabel(texts: string[], moduleSize = 4): Promise<Buffer> {
  if (!ready) {
    const bytes = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm'));
    prepareZXingModule({ overrides: { wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } });
    ready = true;
  }
  const rows: Buffer[] = [];
  for (const text of texts) {
    const { svg, error } = await writeBarcode(text, { format: 'Code128', scale: moduleSize, withQuietZones: true });
    if (error) throw new Error(error);
    // The SVG is one module tall: stretch it so the bars are tall, like a printed label.
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const { width } = await sharp(png).metadata();
    rows.push(await sharp(png).resize({ width, height: 40 * moduleSize, fit: 'fill' }).extend({ top: 30, bottom: 30, background: '#ffffff' }).png().toBuffer());
  }
  const metas = await Promise.all(rows.map((r) => sharp(r).metadata()));
  const width = Math.max(...metas.map((m) => m.width)) + 80;
  const height = metas.reduce((s, m) => s + m.height, 0) + 80;
  let top = 40;
  const composites = rows.map((input, i) => {
    const placed = { input, top, left: 40 };
    top += metas[i]!.height;
    return placed;
  });
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite(composites).png().toBuffer();
}
