import { describe, expect, it } from 'vitest';

import examples from '../fixtures/imei-examples.json';
import { checkImei, luhnCheckDigit, maskImei, strayInImei } from '@/lib/imei';

describe('checkImei', () => {
  it('computes the Luhn digit of the worked example', () => {
    expect(luhnCheckDigit('49015420323751')).toBe('8');
  });

  it.each(examples.valid)('accepts %s', (input) => {
    expect(checkImei(input).kind).toBe('valid');
  });

  it.each(examples.wrongCheckDigit)('rejects the wrong check digit of %s', (input) => {
    expect(checkImei(input)).toMatchObject({ kind: 'wrong-check-digit' });
  });

  it('suggests the full IMEI for 14 digits', () => {
    expect(checkImei(examples.withoutCheckDigit.input)).toEqual({ kind: 'missing-check-digit', suggestion: examples.withoutCheckDigit.imei });
  });

  it('derives the IMEI from a 16-digit IMEISV', () => {
    expect(checkImei(examples.imeisv.input)).toEqual({ kind: 'imeisv', suggestion: examples.imeisv.imei });
  });

  it.each(examples.notAnImei)('says %s is not an IMEI', (input) => {
    expect(checkImei(input).kind).toBe('not-an-imei');
  });

  it('treats blanks as empty and strips typed separators', () => {
    expect(checkImei('   ').kind).toBe('empty');
    expect(checkImei(' 35-209900-176148-1 ')).toEqual({ kind: 'valid', imei: '352099001761481' });
    expect(checkImei('350077/52/323751.3')).toEqual({ kind: 'valid', imei: '350077523237513' });
  });

  it('masks', () => {
    expect(maskImei('868907041234565')).toBe('86890704*******');
  });

  it('reads digits of any script as ASCII digits (Arabic-Indic, Persian, fullwidth, Devanagari)', () => {
    expect(checkImei('٨٦٨٩٠٧٠٤١٢٣٤٥٦٥')).toEqual({ kind: 'valid', imei: '868907041234565' });
    expect(checkImei('۸۶۸۹۰۷۰۴۱۲۳۴۵۶۵')).toEqual({ kind: 'valid', imei: '868907041234565' });
    expect(checkImei('８６８９０７０４１２３４５６５')).toEqual({ kind: 'valid', imei: '868907041234565' });
    expect(checkImei('८६८९०७०४१२३४५६५')).toEqual({ kind: 'valid', imei: '868907041234565' });
    expect(checkImei('86 890704 123456 ５')).toEqual({ kind: 'valid', imei: '868907041234565' });
    expect(checkImei('８６－８９０７０４－１２３４５６－５')).toEqual({ kind: 'valid', imei: '868907041234565' });
    // Mathematical digits sit in runs of ten back to back: the value is the position in its run.
    expect(checkImei('𝟖𝟔𝟖𝟗𝟎𝟕𝟎𝟒𝟏𝟐𝟑𝟒𝟓𝟔𝟓')).toEqual({ kind: 'valid', imei: '868907041234565' });
  });

  it('does not take letters or digit-like symbols for digits', () => {
    expect(checkImei('86890704123456O')).toEqual({ kind: 'not-an-imei', digitCount: 14 });
    expect(checkImei('①②③④⑤⑥⑦⑧⑨①②③④⑤⑥').kind).toBe('not-an-imei');
    expect(checkImei('٨٦٨٩٠٧٠٤١٢٣٤٥٦').kind).toBe('missing-check-digit');
  });

  it('treats every separator people type as a separator, and nothing else', () => {
    expect(checkImei('\t868907041234565\n').kind).toBe('valid');
    expect(checkImei('86\u00a0890704\u2013123456\u20145').kind).toBe('valid');
    expect(checkImei('868907041234565 👍').kind).toBe('not-an-imei');
    expect(checkImei('86890704_1234565').kind).toBe('not-an-imei');
  });

  it('handles a 10 KB string without trouble', () => {
    expect(checkImei('8'.repeat(10_000))).toEqual({ kind: 'not-an-imei', digitCount: 10_000 });
  });

  it('computes Luhn digits that make every valid example pass', () => {
    for (const input of examples.valid) {
      const digits = input.replace(/\D/g, '');
      expect(luhnCheckDigit(digits.slice(0, 14))).toBe(digits[14]);
    }
  });

  it('masks short input fully', () => {
    expect(maskImei('1234')).toBe('****');
  });
});

describe('strayInImei', () => {
  it('tells a letter O (Latin or Cyrillic) from other letters and from other signs', () => {
    expect(strayInImei('86-890704 123456/5')).toBeNull();
    expect(strayInImei('')).toBeNull();
    for (const withO of ['86890704123456O', '8689o7041234565', '8689О7041234565', '8689о7041234565', 'IMEI NO 868907041234565']) {
      expect(strayInImei(withO), withO).toBe('letterO');
    }
    for (const letters of ['IMEI', 'IMEI: 868907041234565', 'ИМЕИ', '86890704123456l']) expect(strayInImei(letters), letters).toBe('letters');
    for (const signs of ['86890704_1234565', '868907041234565 👍', '#06#']) expect(strayInImei(signs), signs).toBe('signs');
  });
});
