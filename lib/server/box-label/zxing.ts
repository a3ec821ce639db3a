import 'server-only';

import { readFile } from 'node:fs/promises';

import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';

/**
 * zxing-wasm fetches its .wasm from the jsDelivr CDN unless told otherwise. Evidence never leaves the
 * server and the machine may have no internet, so the binary is read from node_modules and handed
 * to the Emscripten module as `wasmBinary`: no URL is ever resolved.
 */
let ready: Promise<unknown> | null = null;

function loadReader(): Promise<unknown> {
  ready ??= (async () => {
    // Node's own resolver, out of the bundler's sight: Turbopack compiles a literal '….wasm'
    // request into a WebAssembly module import, which fails the production build.
    const { createRequire } = process.getBuiltinModule('node:module');
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bytes = await readFile(wasmPath);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })().catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
}

/** Linear symbologies only: phone box labels carry 1-D barcodes, and matrix codes would slow every pass. */
const LINEAR_READER_OPTIONS = {
  formats: ['AllLinear'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 16,
} as const;

/** Decodes the linear barcodes in a greyscale bitmap (one byte per pixel). */
export async function readLinearBarcodes(grey: Uint8Array, width: number, height: number): Promise<ReadResult[]> {
  await loadReader();
  // zxing-wasm takes RGBA ImageData and converts it back to luminance; with R = G = B its
  // weights (306 + 601 + 117) / 1024 give back exactly the grey value.
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += 4) {
    const v = grey[i] ?? 0;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
  const results = await readBarcodes({ data: rgba, width, height, colorSpace: 'srgb' }, { ...LINEAR_READER_OPTIONS, formats: [...LINEAR_READER_OPTIONS.formats] });
  return results.filter((r) => r.isValid);
}
