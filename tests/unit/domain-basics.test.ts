import { describe, expect, it } from 'vitest';

import { multiLine, singleLine } from '@/lib/appeal/fields';
import { COUNTRY_CODES, countryName, isCountryCode } from '@/lib/countries';
import { decodeFieldMessage, encodeFieldMessage } from '@/lib/i18n/field-message';
import { LOCALES } from '@/lib/i18n/locales';

describe('singleLine / multiLine', () => {
  it('flattens every kind of line break and control to one space', () => {
    expect(singleLine(' a\r\nb\rc\nd\u0085e\u2028f\u2029g\u0000h\u001bi\u007fj\tk ')).toBe('a b c d e f g h i j k');
  });

  it('removes bidi overrides that could disguise a file name or subject', () => {
    expect(singleLine('invoice\u202Efdp.exe')).toBe('invoice fdp.exe');
    expect(singleLine('a\u2066b\u2069c\ufeff')).toBe('a b c');
  });

  it('drops zero-width marks but keeps the joiners emoji need', () => {
    expect(singleLine('86\u200b89\u200e07\u200f04\u2060')).toBe('86890704');
    expect(singleLine('👨‍👩‍👧')).toBe('👨‍👩‍👧');
  });

  it('removes every invisible format character, not only the common zero-width ones', () => {
    // Arabic letter mark, soft hyphen, invisible math operators, interlinear annotation marks,
    // a tag sequence (U+E0001, U+E0041, U+E007F), Hangul fillers, a mongolian vowel separator.
    expect(singleLine('a\u061Cb\u00ADc\u2061d\u2062e\u2063f\u2064g\uFFF9h\uFFFAi\uFFFBj')).toBe('abcdefghij');
    expect(singleLine('x\u{E0001}\u{E0041}\u{E007F}y')).toBe('xy');
    expect(singleLine('\u3164\u115F\u1160Ivan\u180E')).toBe('Ivan');
    expect(multiLine('line\u00AD one\n\u{E0020}line two\u2063')).toBe('line one\nline two');
  });

  it('keeps the joiners and variation selectors that shape emoji and Indic or Persian words, nowhere else', () => {
    expect(singleLine('क्\u200Dष')).toBe('क्\u200Dष'); // half form of KA in Devanagari
    expect(singleLine('می\u200Cخواهم')).toBe('می\u200Cخواهم'); // Persian ZWNJ inside a word
    expect(singleLine('❤\uFE0F 👋🏽\u200D♂\uFE0F')).toBe('❤\uFE0F 👋🏽\u200D♂\uFE0F');
    expect(singleLine('ab\u200Dcd 8689\u200C07 1\uFE0F \u200D')).toBe('abcd 868907 1');
  });

  it('keeps Cyrillic and emoji, and turns a lone surrogate into U+FFFD', () => {
    expect(singleLine('Ёжик «Ї» ѝ 👍')).toBe('Ёжик «Ї» ѝ 👍');
    expect(singleLine('a\ud800b\udfffc')).toBe('a\ufffdb\ufffdc');
    expect(multiLine('\ud83d\n\ude00')).toBe('\ufffd\n\ufffd');
  });

  it('keeps line breaks in multi-line text as LF, trims each line, allows one blank line in a row', () => {
    expect(multiLine('\r\n  first  line \r\n\r\n\r\n\r\nsecond\u0000line\u2028x\n\n')).toBe('first line\n\nsecond line x');
  });

  it('copes with 10 KB', () => {
    expect(singleLine(`${'Ж\r\n'.repeat(3500)}`)).toHaveLength(3500 * 2 - 1);
    expect(multiLine('Ж\r\n'.repeat(3500)).split('\n')).toHaveLength(3500);
  });
});

describe('countries', () => {
  it('lists every ISO 3166-1 alpha-2 code once', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect(COUNTRY_CODES.length).toBeGreaterThanOrEqual(249);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it.each(LOCALES)('has a name for every code in %s', (locale) => {
    for (const code of COUNTRY_CODES) {
      const name = countryName(code, locale);
      expect(name, code).not.toBe(code);
      if (locale !== 'en') expect(name, `${locale} ${code}`).toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it('names countries in the user’s language and survives junk', () => {
    expect(countryName('DE', 'ru')).toBe('Германия');
    expect(countryName('BG', 'bg')).toBe('България');
    expect(countryName('UA', 'uk')).toBe('Україна');
    expect(countryName('??', 'en')).toBe('??');
    expect(countryName('RU', 'not a locale!')).toBe('RU');
  });

  it('recognises codes exactly', () => {
    expect(isCountryCode('RU')).toBe(true);
    expect(isCountryCode('ru')).toBe(false);
    expect(isCountryCode('EU')).toBe(false);
  });
});

describe('field messages', () => {
  it('round-trips keys and values, however odd the values', () => {
    const values = { suggestion: '869812065432104', file: 'чек?&=#%+ 1.jpg', max: 40 };
    const packed = encodeFieldMessage('file.unreadable', values);
    expect(decodeFieldMessage(packed)).toEqual({ key: 'file.unreadable', values: { ...values, max: '40' } });
  });

  it('leaves a key without values as it is', () => {
    expect(encodeFieldMessage('required')).toBe('required');
    expect(decodeFieldMessage('required')).toEqual({ key: 'required', values: {} });
  });
});
