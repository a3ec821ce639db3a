import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

import { LARGE_PHOTO_GRACE_MS, RECYCLE_AFTER_PIXELS, decodeHeic, heicDecoderThreads } from '@/lib/server/decode-heic';

function makeHeic(size: string, source = 'plasma:fractal'): Buffer | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'heic-'));
  try {
    const out = path.join(dir, 'photo.heic');
    execFileSync('convert', ['-size', size, source, '-quality', '50', out], { stdio: 'ignore' });
    return readFileSync(out);
  } catch {
    return undefined; // ImageMagick without a HEIC encoder (Debian's has one): the tests fail
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const heic = makeHeic('1600x1200');

describe('decodeHeic (WASM decoder in a worker thread)', () => {
  // A missing sample fails rather than skips: a silent skip would leave HEIC, the iPhone's default, untested.
  it('has a HEIC sample to decode', () => {
    expect(heic, 'a HEIC sample from ImageMagick (Debian imagemagick, with libheif)').toBeDefined();
  });

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

  it('a decode past its deadline fails only its own photo, not the photos decoding beside it', async () => {
    // Another user's photo first, then one that runs out of time while the first is in progress…
    const [innocent, late] = await Promise.allSettled([decodeHeic(heic!), decodeHeic(heic!, 1)]);
    expect(late.status).toBe('rejected');
    expect(innocent.status === 'fulfilled' && innocent.value.width).toBe(1600);
    // … and one queued behind a photo that runs out of time.
    const [late2, queued] = await Promise.allSettled([decodeHeic(heic!, 1), decodeHeic(heic!), decodeHeic(heic!)]);
    expect(late2.status).toBe('rejected');
    expect(queued.status === 'fulfilled' && queued.value.height).toBe(1200);
  });

  it('ends a thread once a large photo leaves it idle: WebAssembly memory never shrinks', async () => {
    // Found by the hostile-input review: each thread kept ~120 MB after a 12 MP photo, for good.
    // Flat colour: quick to encode, and the decode's memory does not depend on the content.
    const large = makeHeic('2400x1800', 'xc:#c87828');
    expect(2400 * 1800).toBeGreaterThan(RECYCLE_AFTER_PIXELS);
    await decodeHeic(heic!);
    const warm = heicDecoderThreads();
    expect(warm, 'a small photo keeps its thread').toBeGreaterThan(0);
    // An idle thread takes the large photo; the appeal's next photo, soon after, still finds it.
    expect((await decodeHeic(large!)).width).toBe(2400);
    expect(heicDecoderThreads()).toBe(warm);
    expect((await decodeHeic(heic!)).width).toBe(1600);
    expect(heicDecoderThreads(), 'no fresh thread for the next photo').toBe(warm);
    // Idle past the grace, the thread that held the large photo is ended, even after a small one.
    await vi.waitFor(() => expect(heicDecoderThreads()).toBe(warm - 1), { timeout: LARGE_PHOTO_GRACE_MS + 3000, interval: 100 });
    // The next photo gets a fresh thread.
    expect((await decodeHeic(heic!)).width).toBe(1600);
  }, 30_000);

  it('refuses bytes that are not HEIC', async () => {
    await expect(decodeHeic(new Uint8Array(1000))).rejects.toThrow();
  });
});
