import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { decodeHeic } from '@/lib/server/decode-heic';

function makeHeic(size: string): Buffer | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'heic-'));
  try {
    const out = path.join(dir, 'photo.heic');
    execFileSync('convert', ['-size', size, 'plasma:fractal', '-quality', '50', out], { stdio: 'ignore' });
    return readFileSync(out);
  } catch {
    return undefined; // ImageMagick without a HEIC encoder
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const heic = makeHeic('1600x1200');

describe.skipIf(!heic)('decodeHeic (WASM decoder in a worker thread)', () => {
  it('decodes to RGBA pixels without holding the event loop', async () => {
    let longestStall = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 5);
    try {
      const image = await decodeHeic(heic!);
      expect([image.width, image.height]).toEqual([1600, 1200]);
      expect(image.data.length).toBe(1600 * 1200 * 4);
    } finally {
      clearInterval(ticker);
    }
    // The decode itself takes far longer than this on the main thread; here only messages pass.
    expect(longestStall).toBeLessThan(250);
  });

  it('gives up at its deadline, and the next photo is decoded by a fresh thread', async () => {
    await expect(decodeHeic(heic!, 1)).rejects.toThrow(/exceeded/);
    const image = await decodeHeic(heic!);
    expect(image.width).toBe(1600);
  });

  it('refuses bytes that are not HEIC', async () => {
    await expect(decodeHeic(new Uint8Array(1000))).rejects.toThrow();
  });
});
