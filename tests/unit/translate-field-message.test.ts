import { describe, expect, it } from 'vitest';

import { encodeFieldMessage } from '@/lib/i18n/field-message';
import { LOCALES } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { translateFieldErrors, translateFieldMessage } from '@/lib/i18n/translate-field-message';

describe('translateFieldMessage', () => {
  it('fills the suggestion into the 14-digit message in every language', () => {
    const message = encodeFieldMessage('imei.missingCheckDigit', { suggestion: '869812065432104' });
    expect(translateFieldMessage(message, 'en')).toBe(
      'This is 14 digits: the last (check) digit is missing. Did you mean 869812065432104? It is on the box label under the barcode.',
    );
    for (const locale of LOCALES) expect(translateFieldMessage(message, locale)).toContain('869812065432104');
    expect(translateFieldMessage(message, 'ru')).toContain('Возможно, вы имели в виду 869812065432104?');
  });

  it('applies plural rules to packed (string) numbers', () => {
    expect(translateFieldMessage(encodeFieldMessage('imei.notAnImei', { digits: 14, stray: 'none' }), 'ru')).toContain('здесь 14 цифр.');
    expect(translateFieldMessage(encodeFieldMessage('imei.notAnImei', { digits: 13, stray: 'none' }), 'uk')).toContain('тут 13 цифр.');
    expect(translateFieldMessage(encodeFieldMessage('imei.notAnImei', { digits: 2, stray: 'none' }), 'ru')).toContain('здесь 2 цифры.');
    expect(translateFieldMessage(encodeFieldMessage('imei.notAnImei', { digits: 1, stray: 'none' }), 'en')).toContain('this has 1 digit.');
    expect(translateFieldMessage(encodeFieldMessage('tooLong', { max: 120 }), 'bg')).toContain('най-много 120 знака');
  });

  it('keeps file names with ICU-looking characters as plain text', () => {
    const message = encodeFieldMessage('file.unreadable', { file: "чек {date}'s & 100%.jpg" });
    expect(translateFieldMessage(message, 'ru')).toContain("«чек {date}'s & 100%.jpg»");
  });

  it('chooses the select branch for a role: the zone’s own title', () => {
    expect(translateFieldMessage(encodeFieldMessage('files.tooManyForRole', { role: 'boxPhoto', max: 3 }), 'en')).toBe(
      'Too many files under “Box label”: at most 3. Remove the ones that show the same thing.',
    );
    expect(translateFieldMessage(encodeFieldMessage('files.tooManyForRole', { role: 'extra', max: 8 }), 'en')).toBe(
      'Too many files under “Other proof”: at most 8. Remove the ones that show the same thing.',
    );
  });

  it.each(LOCALES)('answers an unknown key, a namespace key or missing values with the generic message (%s)', (locale) => {
    const generic = MESSAGES[locale].errors.invalid;
    expect(translateFieldMessage('no.such.key', locale)).toBe(generic);
    expect(translateFieldMessage('Invalid input: expected object, received number', locale)).toBe(generic);
    expect(translateFieldMessage('imei', locale)).toBe(generic);
    expect(translateFieldMessage('', locale)).toBe(generic);
    expect(translateFieldMessage('imei.missingCheckDigit', locale)).toBe(generic);
    // A later good message is not spoiled by an earlier failure.
    expect(translateFieldMessage('required', locale)).toBe(MESSAGES[locale].errors.required);
  });

  it('translates a whole fieldErrors() result', () => {
    expect(translateFieldErrors({ ownerName: 'required', imei: undefined }, 'bg')).toEqual({ ownerName: MESSAGES.bg.errors.required });
  });
});
