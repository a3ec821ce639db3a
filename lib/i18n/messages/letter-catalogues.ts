/**
 * The catalogues the letter and the follow-ups need, and nothing else: they are composed in the
 * browser on the result page, which must not carry every page's text in every language with it
 * (index.ts has them all, for the server and the types).
 */
import type { Locale } from '@/lib/i18n/locales';

import enLetter from './en/letter.json';
import ruLetter from './ru/letter.json';
import bgLetter from './bg/letter.json';
import ukLetter from './uk/letter.json';
import enAssistant from './en/assistant.json';
import ruAssistant from './ru/assistant.json';
import bgAssistant from './bg/assistant.json';
import ukAssistant from './uk/assistant.json';

export const LETTER_MESSAGES = {
  en: { letter: enLetter },
  ru: { letter: ruLetter },
  bg: { letter: bgLetter },
  uk: { letter: ukLetter },
} satisfies Record<Locale, Record<string, unknown>>;

export const FOLLOW_UP_MESSAGES = {
  en: { assistant: { followUp: enAssistant.followUp } },
  ru: { assistant: { followUp: ruAssistant.followUp } },
  bg: { assistant: { followUp: bgAssistant.followUp } },
  uk: { assistant: { followUp: ukAssistant.followUp } },
} satisfies Record<Locale, Record<string, unknown>>;
