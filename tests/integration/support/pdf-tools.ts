import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Poppler and exiftool judge the PDF from outside, as a reader's software would. */
export function withPdfFile<T>(pdf: Uint8Array, inspect: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'bundle-test-'));
  try {
    const file = path.join(dir, 'bundle.pdf');
    writeFileSync(file, pdf);
    return inspect(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

export type ListedImage = { page: number; width: number; height: number; type: string; color: string };

/** `pdfimages -list`: every image XObject with its page and pixel size. */
export function listImages(file: string): ListedImage[] {
  const lines = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const [page, , type, width, height, color] = line.trim().split(/\s+/);
    return { page: Number(page), type: String(type), width: Number(width), height: Number(height), color: String(color) };
  });
}

/** Extracts the embedded JPEGs as they are stored and returns exiftool's tags for each. */
export function embeddedImageTags(file: string, dir: string): Record<string, unknown>[] {
  const out = path.join(dir, 'img');
  execFileSync('pdfimages', ['-j', file, out]);
  const images = readdirSync(dir).filter((name) => name.startsWith('img')).sort().map((name) => path.join(dir, name));
  if (images.length === 0) return [];
  return JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', ...images], { encoding: 'utf8' })) as Record<string, unknown>[];
}
