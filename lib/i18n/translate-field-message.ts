/**
 * Turns a packed field message ("imei.missingCheckDigit?suggestion=…", see field-message.ts) into
 * text in the given language, from the `errors` namespace. The API uses it to answer in the
 * request's locale; it is pure, so the browser may use it too.
 */
import { createTranslator } from 'next-intl';

import { PLAIN_ENGLISH } from '@/lib/i18n/english-tag';
import { decodeFieldMessage } from '@/lib/i18n/field-message';
import { MESSAGES } from '@/lib/i18n/messages';
import { type Locale } from '@/lib/i18n/locales';

/** Shown when a key is unknown or its values do not fit: a user never sees a raw key. */
const GENERIC_FIELD_MESSAGE_KEY = 'invalid';

type Translate = (key: string, values: Record<string, string | number>) => string | null;

/**
 * Keys arrive at run time (from the schema or the bundle route), so the catalogue is typed as
 * "any string key, any values"; `has()` and `onError` below do the checking the types cannot.
 */
type RuntimeKeyedMessages = { errors: Record<string, string> };

const translators = new Map<Locale, Translate>();

function translatorFor(locale: Locale): Translate {
  const cached = translators.get(locale);
  if (cached) return cached;
  let failed = false;
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale] as unknown as RuntimeKeyedMessages,
    namespace: 'errors',
    onError: () => {
      failed = true;
    },
  });
  const translate: Translate = (key, values) => {
    if (!t.has(key)) return null;
    failed = false;
    // Plain text: a quotation marked <en> for the page keeps its words and loses the tag.
    const text = t.markup(key, { ...values, ...PLAIN_ENGLISH });
    return failed ? null : text;
  };
  translators.set(locale, translate);
  return translate;
}

export function translateFieldMessage(message: string, locale: Locale): string {
  const { key, values } = decodeFieldMessage(message);
  const translate = translatorFor(locale);
  return translate(key, values) ?? translate(GENERIC_FIELD_MESSAGE_KEY, {}) ?? '';
}

/** Every field of a `fieldErrors()` result, translated (the API's `error.fields`). */
export function translateFieldErrors(
  errors: Partial<Record<string, string>>,
  locale: Locale,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (message !== undefined) out[field] = translateFieldMessage(message, locale);
  }
  return out;
}
