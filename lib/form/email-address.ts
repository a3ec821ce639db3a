import { POPULAR_DOMAINS, POPULAR_TLDS, run as runSpellChecker } from '@zootools/email-spell-checker';

import { COUNTRY_CODES } from '@/lib/countries';
import { notForAppeals } from '@/lib/support/addresses';

/**
 * A light check for the recipient the user may type: one @, a dot in the domain, no spaces or
 * separators that would turn one address into several in a mailto: link.
 */
export function isPlausibleEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]{2,}$/.test(value);
}

export type RecipientProblem = 'empty' | 'invalid' | 'promotions' | 'orders';

/** What is wrong with the recipient box, if anything: the purchase step holds "Continue" for it. */
export function recipientProblem(recipient: string): RecipientProblem | null {
  if (recipient.trim() === '') return 'empty';
  if (!isPlausibleEmail(recipient)) return 'invalid';
  return notForAppeals(recipient);
}

/**
 * Mail services the app's users are likely to have, beyond the library's mostly American list:
 * a one-letter slip in these ("gmial.com", "mial.ru", "abv.bq") is worth a question.
 */
const REGIONAL_DOMAINS = [
  'gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'proton.me',
  'mail.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'internet.ru', 'yandex.ru', 'ya.ru', 'yandex.by', 'yandex.kz', 'rambler.ru',
  'abv.bg', 'dir.bg', 'mail.bg',
  'ukr.net', 'i.ua', 'meta.ua', 'email.ua',
  'tut.by',
];

/**
 * Every country code is a real ending: without them the library "corrects" a shop's own
 * address at .bg to .be. Generic endings come from the library's list.
 */
const TOP_LEVEL_DOMAINS = [...new Set([...POPULAR_TLDS, ...COUNTRY_CODES.map((code) => code.toLowerCase()), 'com.ua', 'in.ua', 'kiev.ua', 'kyiv.ua', 'org.ua', 'net.ua', 'com.tr', 'com.br', 'com.my', 'com.sg'])];

/**
 * The address the user probably meant when the domain looks like a slip of a common mail service
 * ("maria@gmial.com" → "maria@gmail.com"), or null. Only asked, never applied: support's answer
 * goes to this address, and an unknown domain may well be right.
 */
export function suggestEmailAddress(value: string): string | null {
  const email = value.trim();
  if (!isPlausibleEmail(email)) return null;
  const suggestion = runSpellChecker({ email, domains: [...new Set([...POPULAR_DOMAINS, ...REGIONAL_DOMAINS])], topLevelDomains: TOP_LEVEL_DOMAINS });
  return suggestion && suggestion.full.toLowerCase() !== email.toLowerCase() ? suggestion.full : null;
}
