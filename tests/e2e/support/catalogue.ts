/**
 * The UI's own words, read from the message catalogues, so the tests find controls by the labels a
 * person sees in each language without copying strings.
 */
import enForm from '../../../lib/i18n/messages/en/form.json';
import enHome from '../../../lib/i18n/messages/en/home.json';
import enResult from '../../../lib/i18n/messages/en/result.json';
import enErrors from '../../../lib/i18n/messages/en/errors.json';
import enTriage from '../../../lib/i18n/messages/en/triage.json';
import enAssistant from '../../../lib/i18n/messages/en/assistant.json';
import enLetter from '../../../lib/i18n/messages/en/letter.json';
import ruForm from '../../../lib/i18n/messages/ru/form.json';
import ruHome from '../../../lib/i18n/messages/ru/home.json';
import ruResult from '../../../lib/i18n/messages/ru/result.json';
import ruErrors from '../../../lib/i18n/messages/ru/errors.json';
import ruTriage from '../../../lib/i18n/messages/ru/triage.json';
import ruAssistant from '../../../lib/i18n/messages/ru/assistant.json';
import ruLetter from '../../../lib/i18n/messages/ru/letter.json';
import bgForm from '../../../lib/i18n/messages/bg/form.json';
import bgHome from '../../../lib/i18n/messages/bg/home.json';
import bgResult from '../../../lib/i18n/messages/bg/result.json';
import bgErrors from '../../../lib/i18n/messages/bg/errors.json';
import bgTriage from '../../../lib/i18n/messages/bg/triage.json';
import bgAssistant from '../../../lib/i18n/messages/bg/assistant.json';
import bgLetter from '../../../lib/i18n/messages/bg/letter.json';
import ukForm from '../../../lib/i18n/messages/uk/form.json';
import ukHome from '../../../lib/i18n/messages/uk/home.json';
import ukResult from '../../../lib/i18n/messages/uk/result.json';
import ukErrors from '../../../lib/i18n/messages/uk/errors.json';
import ukTriage from '../../../lib/i18n/messages/uk/triage.json';
import ukAssistant from '../../../lib/i18n/messages/uk/assistant.json';
import ukLetter from '../../../lib/i18n/messages/uk/letter.json';

export const CATALOGUES = {
  en: { form: enForm, home: enHome, result: enResult, errors: enErrors, triage: enTriage, assistant: enAssistant, letter: enLetter },
  ru: { form: ruForm, home: ruHome, result: ruResult, errors: ruErrors, triage: ruTriage, assistant: ruAssistant, letter: ruLetter },
};
export type TestLocale = keyof typeof CATALOGUES;
export type Catalogue = (typeof CATALOGUES)['en'];

/** Every translated interface, for tests that walk them all (no-english.spec.ts). */
export const TRANSLATED_CATALOGUES: Record<'ru' | 'bg' | 'uk', Catalogue> = {
  ru: CATALOGUES.ru,
  bg: { form: bgForm, home: bgHome, result: bgResult, errors: bgErrors, triage: bgTriage, assistant: bgAssistant, letter: bgLetter },
  uk: { form: ukForm, home: ukHome, result: ukResult, errors: ukErrors, triage: ukTriage, assistant: ukAssistant, letter: ukLetter },
};

/** Fills `{name}` placeholders the way the UI does for simple (non-plural) messages. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

/** The text before the first placeholder: enough to find a message whose values vary. */
export function prefix(message: string): string {
  return message.split('{')[0]!.trim();
}
