import { describe, expect, it } from 'vitest';

import examples from '../../../shared/fixtures/imei-examples.json';
import { checkImei, formatImei, luhnCheckDigit, maskImei } from '@/lib/imei';

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

  it('formats and masks', () => {
    expect(formatImei('868907041234565')).toBe('86 890704 123456 5');
    expect(maskImei('868907041234565')).toBe('86890704*******');
  });
});
