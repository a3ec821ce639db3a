import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { degrees, PDFDocument, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { appealRequest, STANDARD_FIELDS } from './support/appeal-request';
import { pdfPageCount, pdftotext } from './support/pdf-tools';

const RED = rgb(1, 0, 0);
const BLUE = rgb(0, 0, 1);
const MARK = 60;
const TURNS = [90, 180, 270] as const;
type Point = { x: number; y: number };
/** For each turn, the stored 400 × 600 page's corners (marks' lower-left points) shown top left and bottom right. */
const SHOWN_CORNERS: Record<(typeof TURNS)[number], [Point, Point]> = {
  90: [{ x: 0, y: 0 }, { x: 400 - MARK, y: 600 - MARK }],
  180: [{ x: 400 - MARK, y: 0 }, { x: 0, y: 600 - MARK }],
  270: [{ x: 400 - MARK, y: 600 - MARK }, { x: 0, y: 0 }],
};

/**
 * A receipt as scanner and shop apps save them: pages stored portrait and shown turned
 * (/Rotate 90, 180, 270), a page cropped to its top half (CropBox), and a page whose media box does not
 * start at (0, 0). Red marks the top left of what a reader shows; blue, its bottom right, or (on
 * the cropped page) what the crop hides.
 */
async function awkwardReceipt(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();

  // Turned clockwise when shown, which brings another stored corner to the shown top left.
  for (const rotation of TURNS) {
    const turned = doc.addPage([400, 600]);
    const [topLeft, bottomRight] = SHOWN_CORNERS[rotation];
    turned.drawRectangle({ ...topLeft, width: MARK, height: MARK, color: RED });
    turned.drawRectangle({ ...bottomRight, width: MARK, height: MARK, color: BLUE });
    turned.drawText(`TURNED ${rotation}`, { x: 100, y: 300, size: 20 });
    turned.setRotation(degrees(rotation));
  }

  const cropped = doc.addPage([400, 600]);
  cropped.drawRectangle({ x: 0, y: 600 - MARK, width: MARK, height: MARK, color: RED });
  cropped.drawRectangle({ x: 400 - MARK, y: 0, width: MARK, height: MARK, color: BLUE });
  cropped.drawText('KEPT ABOVE THE CROP', { x: 100, y: 450, size: 20 });
  cropped.setCropBox(0, 300, 400, 300);

  const shifted = doc.addPage([400, 600]);
  shifted.setMediaBox(100, 100, 400, 600);
  shifted.drawRectangle({ x: 100, y: 700 - MARK, width: MARK, height: MARK, color: RED });
  shifted.drawRectangle({ x: 500 - MARK, y: 100, width: MARK, height: MARK, color: BLUE });
  return doc.save();
}

type Centre = { x: number; y: number; count: number };
type PageMarks = { red: Centre; blue: Centre };

/** Where the red and the blue pixels of a rendered page sit (image pixels, y downwards). */
async function marksOnPage(file: string, dir: string, page: number): Promise<PageMarks> {
  const out = path.join(dir, `page-${page}`);
  execFileSync('pdftoppm', ['-r', '24', '-f', String(page), '-l', String(page), '-singlefile', '-png', file, out]);
  const { data, info } = await sharp(readFileSync(`${out}.png`)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const sums = { red: { x: 0, y: 0, count: 0 }, blue: { x: 0, y: 0, count: 0 } };
  for (let i = 0; i < info.width * info.height; i += 1) {
    const [r, g, b] = [data[i * 3]!, data[i * 3 + 1]!, data[i * 3 + 2]!];
    const colour = r > 200 && g < 80 && b < 80 ? sums.red : b > 200 && r < 80 && g < 80 ? sums.blue : null;
    if (!colour) continue;
    colour.x += i % info.width;
    colour.y += Math.floor(i / info.width);
    colour.count += 1;
  }
  const centre = (c: Centre): Centre => ({ x: c.x / c.count, y: c.y / c.count, count: c.count });
  return { red: centre(sums.red), blue: centre(sums.blue) };
}

describe('a PDF receipt page is drawn as readers show it', () => {
  let pages: PageMarks[];
  let text: string;
  let sheets: ('portrait' | 'landscape')[];

  beforeAll(async () => {
    const receipt = { field: 'receipt', name: 'scanned-receipt.pdf', bytes: await awkwardReceipt(), type: 'application/pdf' };
    // A box label photographed landscape, drawn before the receipt.
    const label = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#d0d0d0' } }).jpeg().toBuffer();
    const box = { field: 'boxPhoto', name: 'label.jpg', bytes: label, type: 'image/jpeg' };
    const response = await POST(appealRequest({ ...STANDARD_FIELDS }, [box, receipt]));
    expect(response.status).toBe(200);
    const pdf = new Uint8Array(await response.arrayBuffer());
    const dir = mkdtempSync(path.join(tmpdir(), 'receipt-pages-'));
    try {
      const file = path.join(dir, 'bundle.pdf');
      writeFileSync(file, pdf);
      const count = pdfPageCount(file);
      // The receipt's five pages are the bundle's last five.
      pages = [];
      for (let page = count - 4; page <= count; page += 1) pages.push(await marksOnPage(file, dir, page));
      text = pdftotext(file);
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), file], { encoding: 'utf8' });
      sheets = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  TURNS.forEach((rotation, index) => {
    it(`turns a page by its /Rotate ${rotation}: its shown top left at the top left`, () => {
      const { red, blue } = pages[index]!;
      expect(red.count).toBeGreaterThan(0);
      expect(blue.count).toBeGreaterThan(0);
      expect(red.x).toBeLessThan(blue.x);
      expect(red.y).toBeLessThan(blue.y);
      // Shown 600 wide and 400 high after a quarter turn, 400 × 600 after a half turn.
      const across = blue.x - red.x;
      const down = blue.y - red.y;
      if (rotation === 180) expect(across).toBeLessThan(down);
      else expect(across).toBeGreaterThan(down);
      expect(text).toContain(`TURNED ${rotation}`);
    });
  });

  it('turns the sheet to suit what it shows: landscape for a landscape photo or page', () => {
    // The box label photo, then the receipt's pages as shown: 600 × 400, 400 × 600, 600 × 400, 400 × 300, 400 × 600.
    expect(sheets.slice(-6)).toEqual(['landscape', 'landscape', 'portrait', 'landscape', 'landscape', 'portrait']);
    // The letter and the fact table stay portrait.
    expect(sheets[0]).toBe('portrait');
  });

  it('shows only the crop box of a cropped page', () => {
    const { red, blue } = pages[3]!;
    expect(red.count).toBeGreaterThan(0);
    expect(blue.count).toBe(0);
    expect(text).toContain('KEPT ABOVE THE CROP');
  });

  it('shows the whole media box of a page whose box does not start at the origin', () => {
    const { red, blue } = pages[4]!;
    expect(red.count).toBeGreaterThan(0);
    expect(blue.count).toBeGreaterThan(0);
    expect(red.x).toBeLessThan(blue.x);
    expect(red.y).toBeLessThan(blue.y);
  });
});
