/** Looks inside a bundle with poppler, the way a reader's PDF viewer sees it. */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type PdfImage = { page: number; width: number; height: number; colour: string; encoding: string; bytes: Buffer };

/** Every image embedded in the PDF, extracted as stored (JPEGs stay JPEG bytes, EXIF included if any). */
export async function extractPdfImages(pdf: Uint8Array): Promise<PdfImage[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bundle-images-'));
  try {
    const file = path.join(dir, 'bundle.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdfimages', ['-list', file]);
    const rows = stdout
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols.length > 10);
    await run('pdfimages', ['-all', file, path.join(dir, 'img')]);
    const extracted = (await readdir(dir)).filter((name) => name.startsWith('img-')).sort();
    return Promise.all(
      rows.map(async (cols, index) => ({
        page: Number(cols[0]),
        width: Number(cols[3]),
        height: Number(cols[4]),
        colour: cols[5] ?? '',
        encoding: cols[8] ?? '',
        bytes: await readFile(path.join(dir, extracted[index] ?? 'missing')),
      })),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bundle-text-'));
  try {
    const file = path.join(dir, 'bundle.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 20 * 1024 * 1024 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The whole file as qpdf's QDF form: every object uncompressed and out of object streams, so a
 * name or string anywhere in the file (even in an unreferenced object) can be searched as text.
 */
export async function qdfText(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bundle-qdf-'));
  try {
    const file = path.join(dir, 'bundle.pdf');
    const out = path.join(dir, 'qdf.pdf');
    await writeFile(file, pdf);
    await run('qpdf', ['--qdf', '--object-streams=disable', file, out]);
    return (await readFile(out)).toString('latin1');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
