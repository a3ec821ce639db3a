import { describe, expect, it } from 'vitest';

import { localeFromAcceptLanguage, pickLocale } from '@/lib/i18n/negotiate';

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
    ['en-US,en;q=0.9,ru;q=0.8', 'en'],
    ['bg-BG,bg;q=0.9,en;q=0.8', 'bg'],
    ['uk-UA,uk;q=0.9,ru;q=0.8', 'uk'],
    ['de-DE,de;q=0.9,bg;q=0.8,en;q=0.7', 'bg'],
    ['ru-BY', 'ru'],
    ['ru_KZ', 'ru'],
    ['RU', 'ru'],
    ['en;q=0.5, uk;q=0.9', 'uk'],
    ['ru;q=0, bg', 'bg'],
    ['ru ; Q=0.4 , bg ; q=0.6', 'bg'],
    ['fr-FR,fr;q=0.9', 'en'],
    ['*', 'en'],
    ['', 'en'],
    [';;;,,,', 'en'],
    ['ru;q=abc', 'ru'],
    ['en;q=0.9, ru;q=7', 'ru'],
  ])('%s → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });

  it('reads Belarusian and Kazakh as Russian only when nothing offered is listed', () => {
    expect(localeFromAcceptLanguage('be-BY,be;q=0.9')).toBe('ru');
    expect(localeFromAcceptLanguage('kk-KZ')).toBe('ru');
    expect(localeFromAcceptLanguage('kk-KZ,kk;q=0.9,en;q=0.5')).toBe('en');
  });

  it('handles a missing or absurdly long header', () => {
    expect(localeFromAcceptLanguage(null)).toBe('en');
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
    expect(localeFromAcceptLanguage(`${'xx,'.repeat(5000)}ru`)).toBe('en');
    expect(localeFromAcceptLanguage(`bg,${'x'.repeat(100_000)}`)).toBe('bg');
  });
});

describe('pickLocale', () => {
  it('prefers a valid cookie, ignores an invalid one', () => {
    expect(pickLocale('uk', 'ru')).toBe('uk');
    expect(pickLocale('de', 'bg')).toBe('bg');
    expect(pickLocale(undefined, null)).toBe('en');
    expect(pickLocale('', 'ru')).toBe('ru');
  });
});
