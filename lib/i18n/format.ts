import type { Locale } from '@/lib/i18n/locales';

/**
 * A YYYY-MM-DD date as "14 March 2025" / "14 марта 2025 г.": unambiguous in every language, unlike
 * 03/14/2025. English uses the British order for that reason. Anything else is returned as it is.
 */
export function formatLongDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return longDateFormat(locale).format(date);
}

/** Made once per locale: an Intl formatter costs far more to make than to use (it loads locale data). */
const longDateFormats = new Map<Locale, Intl.DateTimeFormat>();
function longDateFormat(locale: Locale): Intl.DateTimeFormat {
  let format = longDateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeZone: 'UTC' });
    longDateFormats.set(locale, format);
  }
  return format;
}

/** The name of `locale`'s language in the words of `inLocale` (by default its own: "русский"). */
export function languageName(locale: Locale, inLocale: Locale = locale): string {
  return new Intl.DisplayNames([inLocale], { type: 'language' }).of(locale) ?? locale;
}

/**
 * A field's label ahead of its message, as the error summary writes it: "Seller: …", but "Where did
 * you buy it? …", since a label that already ends in a question mark (or another stop) takes no
 * colon after it. The same in every language the app has (none puts a space before the colon).
 */
export function labelBeforeMessage(label: string): string {
  return /[?!.:…？！؟]$/u.test(label.trim()) ? `${label.trim()} ` : `${label.trim()}: `;
}
