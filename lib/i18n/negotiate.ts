import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '@/lib/i18n/locales';

export const LOCALE_COOKIE = 'NEXT_LOCALE';

/**
 * Languages we do not offer whose speakers read Russian far more often than English (Belarus and
 * Kazakhstan, where the regional support answers in Russian). Used only when the header names no
 * language we offer, so an explicit "en" further down still wins.
 */
const CLOSEST_OFFERED: Readonly<Record<string, Locale>> = { be: 'ru', kk: 'ru' };

/** Headers longer than this are cut: no browser sends more, and parsing stays cheap. */
const MAX_HEADER_LENGTH = 1000;

type Ranked = { base: string; q: number; index: number };

function parseAcceptLanguage(header: string): Ranked[] {
  return header
    .slice(0, MAX_HEADER_LENGTH)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const q = qParam === undefined ? 1 : Number(qParam);
      // RFC 9110: q is 0–1 with at most three decimals; anything else is treated as absent (1).
      const validQ = Number.isFinite(q) && q >= 0 && q <= 1 ? q : 1;
      return { base: tag.trim().toLowerCase().split(/[-_]/)[0] ?? '', q: validQ, index };
    })
    .filter((entry) => entry.q > 0 && entry.base !== '')
    .sort((a, b) => b.q - a.q || a.index - b.index);
}

/**
 * The first supported language in an Accept-Language header, honouring q-values. Base tags are
 * compared (ru-BY, ru-KZ and ru-UA are all Russian).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = parseAcceptLanguage(header);
  const offered = ranked.map((entry) => entry.base).find((base): base is Locale => (LOCALES as readonly string[]).includes(base));
  if (offered) return offered;
  const closest = ranked.map((entry) => CLOSEST_OFFERED[entry.base]).find((locale) => locale !== undefined);
  return closest ?? DEFAULT_LOCALE;
}

export function pickLocale(cookieValue: string | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(cookieValue) ? cookieValue : localeFromAcceptLanguage(acceptLanguage);
}
