import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import fontkit, { type Font } from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';

import { cmapLayout, embedEvidenceFonts, NO_LAYOUT_FEATURES } from '@/lib/server/evidence-pdf/fonts';

const require = createRequire(import.meta.url);
const MESSAGES = path.resolve(__dirname, '../../../lib/i18n/messages');

/** Every string of every catalogue, in every locale: what the letter and the fact table draw. */
function catalogueStrings(): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const locale of readdirSync(MESSAGES, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of readdirSync(path.join(MESSAGES, locale.name))) walk(JSON.parse(readFileSync(path.join(MESSAGES, locale.name, file), 'utf8')));
  }
  return out;
}

/** What people type into the form: names, stores and addresses in the app's languages, and then some. */
const TYPED = [
  'Иван Петров, ул. Ленина 1, кв. 5 — № 27 990,00 ₽ «М.Видео»',
  'Йордан Ёлкин, Ґанна Їжакевич, Щука, Ъъ, ЬЬ, Ѣ',
  'Café Zürich, Øresund, Łódź, Ærø, ﬁnal fi fl ffi, "quotes" ‘single’ … ‰ € £ ¥',
  'Ελληνικά: Αθήνα, Θεσσαλονίκη',
  'Tab\tand  double  spaces, 0123456789 ½ ¼ ¾ ™ © ®',
];

describe('the PDF main font without shaping', () => {
  let regular: Font;
  let bold: Font;
  beforeAll(() => {
    regular = fontkit.create(readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')));
    bold = fontkit.create(readFileSync(require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')));
  });

  it("gives every catalogue string and typed text the glyphs and advances of fontkit's layout with features off", () => {
    const strings = [...catalogueStrings(), ...TYPED];
    expect(strings.length).toBeGreaterThan(500);
    for (const font of [regular, bold]) {
      for (const text of strings) {
        const fast = cmapLayout(font, text);
        const shaped = font.layout(text, NO_LAYOUT_FEATURES);
        expect(fast.glyphs.map((glyph) => glyph.id), text).toEqual(shaped.glyphs.map((glyph) => glyph.id));
        expect(fast.positions.map((p) => p.xAdvance), text).toEqual(shaped.positions.map((p) => p.xAdvance));
      }
    }
  });

  it('is what pdf-lib uses to draw and measure the main font', async () => {
    const document = await PDFDocument.create();
    const fonts = await embedEvidenceFonts(document, '');
    let shaped = 0;
    // A spy on fontkit's own layout: the embedded fonts are parsed once per process, so reach the
    // prototype all fontkit TrueType fonts share.
    const proto = Object.getPrototypeOf(regular) as { layout: Font['layout'] };
    const original = proto.layout;
    proto.layout = function (this: Font, ...args: Parameters<Font['layout']>) {
      shaped += 1;
      return original.apply(this, args);
    };
    try {
      const page = document.addPage();
      fonts.regular.draw(page, 'Здравствуйте, café Zürich', { x: 10, y: 10, size: 12, color: rgb(0, 0, 0) });
      expect(fonts.regular.main.widthOfTextAtSize('Здравствуйте', 12)).toBeGreaterThan(0);
      expect(shaped).toBe(0);
      // Soft hyphens and other default-ignorables still go through fontkit, which hides them.
      fonts.regular.main.widthOfTextAtSize('co\u00adoperate', 12);
      expect(shaped).toBe(1);
    } finally {
      proto.layout = original;
    }
  });
});
