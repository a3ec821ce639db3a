/**
 * Message catalogues: one JSON file per locale and namespace, so each part of the app owns its own
 * strings. Every locale must have the same keys as English (tests/unit/messages.test.ts).
 *   errors    field, file and request messages (shared by the form and the API)
 *   letter    the appeal letter and e-mail in each language
 *   home      the start page
 *   form      the wizard
 *   result    the result page (download, e-mail, next steps)
 *   assistant box-label reading, photo and receipt checks, follow-ups
 *   triage    the start page's decision path (password reset, the seller, the appeal)
 */
import type { Locale } from '@/lib/i18n/locales';

import enErrors from './en/errors.json';
import ruErrors from './ru/errors.json';
import bgErrors from './bg/errors.json';
import ukErrors from './uk/errors.json';
import enLetter from './en/letter.json';
import ruLetter from './ru/letter.json';
import bgLetter from './bg/letter.json';
import ukLetter from './uk/letter.json';
import enHome from './en/home.json';
import ruHome from './ru/home.json';
import bgHome from './bg/home.json';
import ukHome from './uk/home.json';
import enForm from './en/form.json';
import ruForm from './ru/form.json';
import bgForm from './bg/form.json';
import ukForm from './uk/form.json';
import enResult from './en/result.json';
import ruResult from './ru/result.json';
import bgResult from './bg/result.json';
import ukResult from './uk/result.json';
import enAssistant from './en/assistant.json';
import ruAssistant from './ru/assistant.json';
import bgAssistant from './bg/assistant.json';
import ukAssistant from './uk/assistant.json';
import enTriage from './en/triage.json';
import ruTriage from './ru/triage.json';
import bgTriage from './bg/triage.json';
import ukTriage from './uk/triage.json';

export const MESSAGES = {
  en: { errors: enErrors, letter: enLetter, home: enHome, form: enForm, result: enResult, assistant: enAssistant, triage: enTriage },
  ru: { errors: ruErrors, letter: ruLetter, home: ruHome, form: ruForm, result: ruResult, assistant: ruAssistant, triage: ruTriage },
  bg: { errors: bgErrors, letter: bgLetter, home: bgHome, form: bgForm, result: bgResult, assistant: bgAssistant, triage: bgTriage },
  uk: { errors: ukErrors, letter: ukLetter, home: ukHome, form: ukForm, result: ukResult, assistant: ukAssistant, triage: ukTriage },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['en'];
export type Namespace = keyof Messages;
