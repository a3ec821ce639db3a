/**
 * Names and notes in any script a user may type reach the PDF as that text: Devanagari (which
 * crashed fontkit's shaper), Arabic and Hebrew (right to left), Chinese, Thai. A character no
 * font can draw is refused with a translated 400 instead of leaving a hole in the letter.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { readFixture } from '../support/fixtures';
import { STANDARD_FIELDS, appealRequest, type ErrorBody, type UploadSpec } from './support/appeal-request';
import { pdftotext, withPdfFile } from './support/pdf-tools';

const HINDI_NAME = 'राहुल शर्मा';
const ARABIC_NOTE = 'الهاتف ملكي منذ الشراء';
const CHINESE_SELLER = '小米之家北京店';
const THAI_STORE = 'ร้านมือถือสยาม';
const HEBREW_NOTE = 'שלום (דוד)';

function files(boxName = 'box-label-12mp.jpg'): UploadSpec[] {
  return [
    { field: 'boxPhoto', name: boxName, bytes: readFixture('box-label-12mp.jpg'), type: 'image/jpeg' },
    { field: 'receipt', name: 'e-receipt.pdf', bytes: readFixture('e-receipt.pdf'), type: 'application/pdf' },
  ];
}

const fontsOf = (pdf: Uint8Array) => withPdfFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
const textOf = (pdf: Uint8Array) => withPdfFile(pdf, (file) => pdftotext(file));

describe('names and notes in other scripts', () => {
  for (const locale of ['en', 'ru']) {
    it(`draws Devanagari, Arabic, Hebrew, Chinese and Thai with their own fonts (${locale})`, async () => {
      const fields = {
        ...STANDARD_FIELDS,
        locale,
        ownerName: HINDI_NAME,
        sellerName: CHINESE_SELLER,
        notes: `${ARABIC_NOTE}\n${HEBREW_NOTE}\nStore: ${THAI_STORE}`,
      };
      const response = await POST(appealRequest(fields, files('रसीद.jpg')));
      const pdf = new Uint8Array(await response.arrayBuffer());
      expect(response.status, new TextDecoder().decode(pdf.subarray(0, 300))).toBe(200);
      const fonts = fontsOf(pdf);
      for (const family of ['NotoSans-Regular', 'NotoSansDevanagari', 'NotoSansArabic', 'NotoSansHebrew', 'NotoSansSC', 'NotoSansThai']) {
        expect(fonts).toContain(family);
      }
      const text = textOf(pdf);
      expect(text).toContain(CHINESE_SELLER);
      expect(text).toContain(THAI_STORE);
      // Shaped scripts copy out in glyph order; every letter is there all the same.
      for (const letter of ['र', 'ह', 'ल', 'श', 'म']) expect(text).toContain(letter);
      expect(text).not.toMatch(/My name is \./);
    });
  }

  it('embeds no extra font for a Latin and Cyrillic appeal, and the CJK one only as a small subset', async () => {
    const standard = await POST(appealRequest(STANDARD_FIELDS, files()));
    const standardFonts = fontsOf(new Uint8Array(await standard.arrayBuffer()));
    expect(standardFonts.match(/NotoSans\w*-\w+/g)?.sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);

    const chinese = await POST(appealRequest({ ...STANDARD_FIELDS, sellerName: CHINESE_SELLER }, files()));
    const withChinese = new Uint8Array(await chinese.arrayBuffer());
    expect(fontsOf(withChinese)).toContain('NotoSansSC');
    const standardBytes = (await POST(appealRequest(STANDARD_FIELDS, files())).then((r) => r.arrayBuffer())).byteLength;
    expect(withChinese.byteLength - standardBytes).toBeLessThan(60_000);
    // Three whole bundles and a first parse of the 10 MB CJK font: slow on a busy 2-core machine.
  }, 120_000);

  it('draws a file name with emoji (a gallery’s or a messenger’s) without them, not as “�”', async () => {
    const response = await POST(appealRequest({ ...STANDARD_FIELDS, locale: 'ru' }, files('коробка 📦✅.jpg')));
    expect(response.status).toBe(200);
    const text = textOf(new Uint8Array(await response.arrayBuffer()));
    // In the index and in the photo's caption.
    expect(text.match(/коробка\.jpg/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain('\ufffd');
  });

  it('refuses a field with characters no font can draw, naming them, in the request language', async () => {
    const response = await POST(appealRequest({ ...STANDARD_FIELDS, locale: 'ru', ownerName: 'ሰላም Abebe', notes: 'ok 𓀀' }, files()));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid-fields');
    expect(body.error.fields.ownerName).toMatch(/[а-яё]/i);
    expect(body.error.fields.ownerName).toContain('ሰ');
    expect(body.error.fields.notes).toContain('𓀀');
    expect(Object.keys(body.error.fields).sort()).toEqual(['notes', 'ownerName']);
  });
});
