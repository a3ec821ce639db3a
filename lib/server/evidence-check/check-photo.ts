import 'server-only';

import sharp from 'sharp';

import type { PhotoWarning } from '@/lib/appeal/evidence-check';
import { readRawPixels, type OpenedImage } from '@/lib/server/process-image';

/**
 * Photo checks that warn and never block. Thresholds were calibrated on the fixtures and on
 * blurred / darkened copies made with sharp (tests/unit/server/check-photo.test.ts):
 *   sharpness: originals 700–880; Gaussian blur σ 4 (still legible) ≥ 76; σ 6 (mushy) ≤ 30
 *   (12 MP photos, σ in full-size pixels).
 *   mean luminance: originals ~180; ×0.3 exposure 52 (dim but legible); ×0.2 35 (too dark).
 */
export const PHOTO_THRESHOLDS = {
  /** Below this long edge a label's digits or a receipt's small print cannot be read. */
  minLongEdge: 1000,
  /** Mean luminance (0–255) below which the photo is too dark. */
  minMeanLuminance: 40,
  /** Sharpness (see `measureSharpness`) below which the photo is very blurred. */
  minSharpness: 40,
} as const;

export type PhotoCheck = {
  width: number;
  height: number;
  warnings: PhotoWarning[];
  meanLuminance: number;
  sharpness: number;
};

/** Blur is judged on the photo as the PDF will show it, not on sensor pixels. */
const ANALYSIS_LONG_EDGE = 1200;
/** The photo is split into a grid; its sharpest cell decides, so a blurred background is forgiven. */
const GRID = 8;
/** Laplacian variance grows with contrast squared; it is brought to this mean so dim photos compare. */
const REFERENCE_MEAN = 128;
/** Darker than the "dark" threshold, noise would be amplified as if it were detail. */
const MIN_MEAN_FOR_NORMALISING = PHOTO_THRESHOLDS.minMeanLuminance;
const LAPLACIAN = { width: 3, height: 3, kernel: [0, 1, 0, 1, -4, 1, 0, 1, 0], offset: 128 };

function mean(data: Uint8Array): number {
  let sum = 0;
  for (const v of data) sum += v;
  return data.length ? sum / data.length : 0;
}

/** Variance of the Laplacian in each grid cell (borders skipped: the kernel is undefined there). */
function cellVariances(lap: Uint8Array, width: number, height: number): number[] {
  const cellW = Math.floor(width / GRID);
  const cellH = Math.floor(height / GRID);
  const out: number[] = [];
  if (cellW < 3 || cellH < 3) return out;
  for (let cy = 0; cy < GRID; cy++) {
    for (let cx = 0; cx < GRID; cx++) {
      let sum = 0;
      let sumSq = 0;
      let n = 0;
      for (let y = cy * cellH + 1; y < (cy + 1) * cellH - 1; y++) {
        for (let x = cx * cellW + 1; x < (cx + 1) * cellW - 1; x++) {
          const v = (lap[y * width + x] ?? LAPLACIAN.offset) - LAPLACIAN.offset;
          sum += v;
          sumSq += v * v;
          n++;
        }
      }
      out.push(sumSq / n - (sum / n) ** 2);
    }
  }
  return out;
}

/** The sharpest cell's Laplacian variance, normalised to a mid-grey exposure. */
async function measureSharpness(grey: Buffer, width: number, height: number, meanLuminance: number): Promise<number> {
  const lap = await sharp(grey, { raw: { width, height, channels: 1 } }).convolve(LAPLACIAN).raw().toBuffer();
  const best = Math.max(0, ...cellVariances(lap, width, height));
  const exposure = REFERENCE_MEAN / Math.max(meanLuminance, MIN_MEAN_FOR_NORMALISING);
  return best * exposure * exposure;
}

export async function checkPhoto(image: OpenedImage): Promise<PhotoCheck> {
  const size = ANALYSIS_LONG_EDGE;
  const raw = await readRawPixels(image.pipeline().resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true }).greyscale(), image);
  const meanLuminance = mean(raw.data);
  const sharpness = await measureSharpness(raw.data, raw.width, raw.height, meanLuminance);
  const warnings: PhotoWarning[] = [];
  if (Math.max(image.width, image.height) < PHOTO_THRESHOLDS.minLongEdge) warnings.push('tooSmall');
  if (sharpness < PHOTO_THRESHOLDS.minSharpness) warnings.push('blurred');
  if (meanLuminance < PHOTO_THRESHOLDS.minMeanLuminance) warnings.push('dark');
  return { width: image.width, height: image.height, warnings, meanLuminance, sharpness };
}
