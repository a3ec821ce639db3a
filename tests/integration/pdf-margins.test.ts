import { execFileSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { LOCALES } from '@/lib/i18n/locales';
import { MARGIN } from '@/lib/server/evidence-pdf/geometry';
import { readFixture } from '../support/fixtures';
import { appealRequest, STANDARD_FIELDS, type UploadSpec } from './support/appeal-request';
import { withPdfFile } from './support/pdf-tools';

const LOCK_SCREEN: UploadSpec = { field: 'extra', name: 'lock-screen.png', bytes: readFixture('order-screenshot.png'), type: 'image/png' };

type Word = { page: number; pageWidth: number; text: string; xMin: number; xMax: number };

/** Every word poppler finds, with its box (`pdftotext -bbox`: points from the page's top left). */
function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const found: Word[] = [];
  for (const [index, page] of html.split('<page ').slice(1).entries()) {
    // Evidence pages may be landscape: each page's own width.
    const pageWidth = Number(/^width="([\d.]+)"/.exec(page)?.[1]);
    for (const match of page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      found.push({ page: index + 1, pageWidth, xMin: Number(match[1]), xMax: Number(match[2]), text: match[3]! });
    }
  }
  return found;
}

/**
 * Text that runs past the right margin is cut off by the paper (or the reader's page edge): a
 * Bulgarian letter heading once lost the end of the lock code, the one identifier of that appeal.
 * The widest identifiers the form allows, in every language, must stay inside the margins.
 */
describe('the evidence PDF keeps every word inside the margins', () => {
  const lockCode = 'A7K2-99XQ-31MZ-'.repeat(4).slice(0, 60) + 'Q7ZZ';
  for (const locale of LOCALES) {
    it(`${locale}: the lock code alone, at its longest`, async () => {
      const rest = Object.fromEntries(Object.entries(STANDARD_FIELDS).filter(([field]) => field !== 'imei' && field !== 'imei2'));
      const response = await POST(appealRequest({ ...rest, lockCode, purchaseChannel: 'second-hand', firstBuyerReceipt: 'no', locale }, [LOCK_SCREEN]));
      expect(response.status).toBe(200);
      const found = withPdfFile(new Uint8Array(await response.arrayBuffer()), words);
      expect(found.length).toBeGreaterThan(100);
      const outside = found.filter((word) => word.xMin < MARGIN.left - 1 || word.xMax > word.pageWidth - MARGIN.right + 1);
      expect(outside, JSON.stringify(outside.slice(0, 5))).toEqual([]);
      // The code is whole somewhere on every page that names it: never cut at the edge.
      expect(found.some((word) => word.text.includes('Q7ZZ'))).toBe(true);
    });
  }
});
