import { describe, expect, it } from 'vitest';

import { localeOfRequest } from '@/lib/i18n/request-locale';

const headers = (init: Record<string, string>) => new Headers(init);

describe('localeOfRequest', () => {
  it('takes the NEXT_LOCALE cookie first, wherever it sits among the cookies', () => {
    expect(localeOfRequest(headers({ cookie: 'NEXT_LOCALE=bg', 'accept-language': 'ru' }))).toBe('bg');
    expect(localeOfRequest(headers({ cookie: 'a=1; NEXT_LOCALE=uk; b=2', 'accept-language': 'en' }))).toBe('uk');
  });

  it('falls back to Accept-Language when the cookie is missing or not a language we offer', () => {
    expect(localeOfRequest(headers({ 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' }))).toBe('ru');
    expect(localeOfRequest(headers({ cookie: 'NEXT_LOCALE=de', 'accept-language': 'uk-UA' }))).toBe('uk');
    expect(localeOfRequest(headers({ cookie: 'MY_NEXT_LOCALE=ru' }))).toBe('en');
  });

  it('is English for a request that names nothing', () => {
    expect(localeOfRequest(headers({}))).toBe('en');
  });
});
