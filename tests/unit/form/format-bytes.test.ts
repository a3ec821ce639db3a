import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { byteSize } from '@/lib/form/format-bytes';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';

/** What useFormatBytes shows: the amount from byteSize in the unit from the catalogue. */
function shown(bytes: number, locale: Locale): string {
  const { unit, size } = byteSize(bytes, locale);
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'form.units' })(unit, { size });
}

describe('sizes', () => {
  it('uses megabytes from 1 MB, with one decimal in the local number format', () => {
    expect(byteSize(2.5 * 1024 * 1024, 'ru')).toEqual({ unit: 'megabytes', size: '2,5' });
    expect(byteSize(1024 * 1024, 'en')).toEqual({ unit: 'megabytes', size: '1' });
  });

  it('uses whole kilobytes below, never 0', () => {
    expect(byteSize(380 * 1024, 'en')).toEqual({ unit: 'kilobytes', size: '380' });
    expect(byteSize(10, 'en')).toEqual({ unit: 'kilobytes', size: '1' });
  });

  it('writes the unit as people of each language do (МБ/КБ in Cyrillic, not MB or кБ)', () => {
    expect(shown(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
    expect(shown(2.5 * 1024 * 1024, 'ru')).toBe('2,5 МБ');
    expect(shown(2.5 * 1024 * 1024, 'bg')).toBe('2,5 МБ');
    expect(shown(380 * 1024, 'uk')).toBe('380 КБ');
  });
});
