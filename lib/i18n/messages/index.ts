/**
 * Message catalogues: one JSON file per locale and namespace, so each part of the app owns its own
 * strings. Every locale must have the same keys as English (tests/unit/messages.test.ts).
 */
import type { Locale } from '@/lib/i18n/locales';

import enErrors from './en/errors.json';
import ruErrors from './ru/errors.json';
import bgErrors from './bg/errors.json';
import ukErrors from './uk/errors.json';
import enHome from './en/home.json';
import ruHome from './ru/home.json';
import bgHome from './bg/home.json';
import ukHome from './uk/home.json';

export const MESSAGES = {
  en: { errors: enErrors, home: enHome },
  ru: { errors: ruErrors, home: ruHome },
  bg: { errors: bgErrors, home: bgHome },
  uk: { errors: ukErrors, home: ukHome },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['en'];
