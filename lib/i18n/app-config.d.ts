/**
 * Types every next-intl call by the English catalogue (next-intl's AppConfig augmentation):
 * `useTranslations('form')('device.imei.label')` compiles only if that key exists, so a wrong key
 * fails `npm run typecheck`. The other locales have the same keys (tests/unit/messages.test.ts).
 */
import type { Locale as AppLocale } from '@/lib/i18n/locales';
import type { Messages as EnglishMessages } from '@/lib/i18n/messages';

declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: EnglishMessages;
  }
}
