import type { Locale } from '@/lib/i18n/locales';
import { LOCALE_COOKIE, pickLocale } from '@/lib/i18n/negotiate';

/** Cookie headers longer than this are not searched: no browser sends one, and parsing stays cheap. */
const MAX_COOKIE_HEADER = 4096;

/**
 * The language a request's browser asks for (the NEXT_LOCALE cookie, else Accept-Language), read
 * from the raw headers: for answers given before the form's own `locale` field has been read.
 */
export function localeOfRequest(headers: Headers): Locale {
  const cookies = (headers.get('cookie') ?? '').slice(0, MAX_COOKIE_HEADER);
  const match = new RegExp(`(?:^|;)\\s*${LOCALE_COOKIE}=([^;]*)`).exec(cookies);
  return pickLocale(match?.[1]?.trim(), headers.get('accept-language'));
}
