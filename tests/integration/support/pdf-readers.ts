import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import sharp from 'sharp';

/**
 * The same PDF read by three engines that share no code, as its readers will meet it: poppler
 * (Evince, Okular, most Linux viewers), MuPDF (SumatraPDF and many phone readers) and pdf.js
 * (Firefox, and the viewer of many web mail clients). Each gives every page's text, every page
 * drawn in grey, and whatever the engine complained of while doing it.
 */
export type ReaderView = { pages: string[]; ink: number[]; complaints: string[] };

/** Resolution of the drawn pages: enough to tell a drawn photo from an empty frame, cheap to compare. */
const DPI = 36;

/** How dark a drawn page is on average: 0 is blank paper, 1 all black. */
async function inkOf(png: Buffer | Uint8Array): Promise<number> {
  const { data } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  for (const value of data) sum += value;
  return 1 - sum / (data.length * 255);
}

const drawnPages = (dir: string, prefix: string) =>
  readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.png'))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]))
    .map((name) => readFileSync(path.join(dir, name)));

async function readWithPoppler(file: string, dir: string): Promise<ReaderView> {
  const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const draw = spawnSync('pdftoppm', ['-r', String(DPI), '-gray', '-png', file, path.join(dir, 'poppler')], { encoding: 'utf8' });
  const complaints = [text, draw].flatMap((run) => [...lines(run.stderr), ...(run.status === 0 ? [] : [`exit ${run.status}`])]);
  return { pages: text.stdout.split('\f').slice(0, -1), ink: await Promise.all(drawnPages(dir, 'poppler').map(inkOf)), complaints };
}

/** MuPDF built without lcms says so on every file; that is about the build, not the PDF. */
const MUPDF_BUILD_NOTICE = 'warning: ICC support is not available';

async function readWithMupdf(file: string, dir: string): Promise<ReaderView> {
  const text = spawnSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file], { encoding: 'utf8' });
  const draw = spawnSync('mutool', ['draw', '-q', '-r', String(DPI), '-c', 'gray', '-o', path.join(dir, 'mupdf-%d.png'), file], { encoding: 'utf8' });
  const complaints = [text, draw].flatMap((run) => [
    ...lines(run.stderr).filter((line) => line !== MUPDF_BUILD_NOTICE),
    ...(run.status === 0 ? [] : [`exit ${run.status}`]),
  ]);
  return { pages: text.stdout.split('\f').slice(0, -1), ink: await Promise.all(drawnPages(dir, 'mupdf').map(inkOf)), complaints };
}

/** pdf.js's Node canvas factory (typed as a bare Object in its declarations), over @napi-rs/canvas. */
type PdfjsCanvasFactory = {
  create: (width: number, height: number) => { canvas: { toBuffer: (type: 'image/png') => Buffer }; context: CanvasRenderingContext2D };
};

/**
 * pdf.js 4.x: the last major that runs on Node 20 (5.x needs Promise.withResolvers). It draws on
 * @napi-rs/canvas, its own optional dependency, and reports problems through console.log.
 */
async function readWithPdfjs(pdf: Uint8Array): Promise<ReaderView> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const complaints: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => complaints.push(args.join(' '));
  try {
    // A copy: pdf.js takes over (detaches) the buffer it is given.
    const doc = await getDocument({ data: pdf.slice(), verbosity: VerbosityLevel.WARNINGS, isEvalSupported: false }).promise;
    const pages: string[] = [];
    const ink: number[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      const viewport = page.getViewport({ scale: DPI / 72 });
      const { canvas, context } = (doc.canvasFactory as PdfjsCanvasFactory).create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      // The canvas starts transparent; paper is white.
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, viewport.width, viewport.height);
      await page.render({ canvasContext: context, viewport }).promise;
      ink.push(await inkOf(canvas.toBuffer('image/png')));
    }
    await doc.destroy();
    return { pages, ink, complaints };
  } catch (error) {
    return { pages: [], ink: [], complaints: [...complaints, String(error)] };
  } finally {
    console.log = log;
  }
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

export const ENGINES = ['poppler', 'mupdf', 'pdfjs'] as const;
export type Engine = (typeof ENGINES)[number];

/** Every engine's view of one PDF, with poppler's count of pages and the pages that carry an image. */
export async function readInEveryEngine(pdf: Uint8Array): Promise<{ pageCount: number; imagePages: Set<number>; views: Record<Engine, ReaderView> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-readers-'));
  try {
    const file = path.join(dir, 'bundle.pdf');
    writeFileSync(file, pdf);
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const imagePages = new Set(images.map((row) => Number(row.trim().split(/\s+/)[0])));
    const views = { poppler: await readWithPoppler(file, dir), mupdf: await readWithMupdf(file, dir), pdfjs: await readWithPdfjs(pdf) };
    return { pageCount, imagePages, views };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
