import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { MESSAGES } from '@/lib/i18n/messages';
import { DEFAULT_LOCALE, LOCALES } from '@/lib/i18n/locales';
import { PLAIN_ENGLISH } from '@/lib/i18n/english-tag';

import { untranslatedWords, withoutQuotations } from '../support/latin-words';

type Catalogue = Record<string, unknown>;

/** Every leaf as "a.b.c" → value. */
function leaves(catalogue: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof catalogue !== 'object' || catalogue === null) return out;
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

/**
 * The argument names of an ICU message, nested plural/select branches included. Small on purpose:
 * our catalogues use plain arguments, plural, select and simple formats, and no quoting.
 */
function icuArguments(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const readUntil = (stops: string): string => {
    const start = i;
    while (i < message.length && !stops.includes(message[i] ?? '')) i++;
    return message.slice(start, i).trim();
  };
  const parseText = (): void => {
    while (i < message.length && message[i] !== '}') {
      if (message[i] === '{') parseArgument();
      else i++;
    }
  };
  const parseArgument = (): void => {
    i++; // '{'
    names.add(readUntil(',}'));
    if (message[i] === '}') {
      i++;
      return;
    }
    i++; // ','
    const type = readUntil(',}');
    if (message[i] === ',' && ['plural', 'select', 'selectordinal'].includes(type)) {
      i++;
      while (i < message.length && message[i] !== '}') {
        readUntil('{}');
        if (message[i] !== '{') break;
        i++;
        parseText();
        i++; // closing '}' of the branch
      }
    } else {
      readUntil('}');
    }
    i++; // closing '}' of the argument
  };
  parseText();
  return [...names].sort();
}

/** A string that may stay the same in every language: a short run of proper names or codes. */
function isProperName(text: string): boolean {
  const words = text
    .replace(/\{[^{}]*\}/g, '')
    .split(/\s+/)
    .map((word) => word.replace(/^[(\[«“„"]+|[)\]»”“",.:;]+$/g, ''))
    .filter(Boolean);
  return words.length <= 3 && words.every((word) => /^[\p{Lu}\d][\p{L}\d\-:.]*$/u.test(word));
}

/** Text outside ICU arguments and quotations (a quoted English lock-screen message stays English). */
function ownWords(text: string): string {
  return withoutQuotations(text.replace(/\{[^{}]*\}/g, ''));
}

const namespaces = Object.keys(MESSAGES[DEFAULT_LOCALE]) as (keyof (typeof MESSAGES)['en'])[];
const translatedLocales = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);

describe('icuArguments (the helper these tests rely on)', () => {
  it('finds plain, plural and nested arguments', () => {
    expect(icuArguments('a {x} b {n, plural, one {# {y}} other {# z}} {r, select, a {A} other {{q}}}')).toEqual(['n', 'q', 'r', 'x', 'y']);
  });
});

describe.each(namespaces)('message namespace %s', (namespace) => {
  const english = leaves(MESSAGES.en[namespace]);

  it.each(translatedLocales)('%s has exactly the English keys', (locale) => {
    expect([...leaves(MESSAGES[locale][namespace]).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)('%s has no empty or non-string message', (locale) => {
    for (const [key, value] of leaves(MESSAGES[locale][namespace])) {
      expect(typeof value, `${locale} ${namespace}.${key}`).toBe('string');
      expect(String(value).trim(), `${locale} ${namespace}.${key}`).not.toBe('');
    }
  });

  it.each(translatedLocales)('%s uses the same ICU arguments as English', (locale) => {
    const catalogue = leaves(MESSAGES[locale][namespace]);
    for (const [key, value] of english) {
      expect(icuArguments(String(catalogue.get(key) ?? '')), `${locale} ${namespace}.${key}`).toEqual(icuArguments(String(value)));
    }
  });

  it.each(translatedLocales)('%s is really translated, not an English copy', (locale) => {
    const catalogue = leaves(MESSAGES[locale][namespace]);
    for (const [key, value] of english) {
      const text = String(catalogue.get(key) ?? '');
      if (isProperName(String(value)) || (text !== '' && !/\p{L}/u.test(ownWords(text)))) continue;
      expect(text, `${locale} ${namespace}.${key}`).not.toBe(value);
      expect(text, `${locale} ${namespace}.${key} has no Cyrillic`).toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it.each(LOCALES)('%s messages all format (valid ICU syntax)', (locale) => {
    const errors: string[] = [];
    const t = createTranslator({
      locale,
      // Keys come from walking the catalogue at run time.
      messages: MESSAGES[locale] as unknown as Record<string, Record<string, string>>,
      namespace,
      onError: (error) => errors.push(error.message),
    });
    for (const [key, value] of leaves(MESSAGES[locale][namespace])) {
      const values = Object.fromEntries(icuArguments(String(value)).map((name) => [name, 3]));
      // The one tag the catalogues use: English quoted inside another language (english-tag.test.ts).
      expect(t.markup(key, { ...values, ...PLAIN_ENGLISH }), `${locale} ${namespace}.${key}`).not.toMatch(new RegExp(`^${namespace}\\.|\\{|<`));
    }
    expect(errors).toEqual([]);
  });
});

describe('errors namespace', () => {
  // Whether a key exists is the type-check's job (lib/i18n/message-keys.ts); what each message is
  // given is not, so the arguments the server passes are pinned here.
  it('takes the arguments the server gives its file and request messages', () => {
    const english = leaves(MESSAGES.en.errors as Catalogue);
    const expected: Record<string, string[]> = {
      'file.tooLarge': ['file', 'maxMb'],
      'file.unsupportedType': ['file'],
      'file.pdfNotBoxPhoto': ['file'],
      'file.unreadable': ['file'],
      'file.empty': ['file'],
      'file.tooManyPixels': ['file'],
      'file.pdfEncrypted': ['file'],
      'file.pdfTooManyPages': ['file', 'max'],
      'file.pdfMalformed': ['file'],
      'file.pdfShareTooLarge': ['file', 'maxMb'],
      'file.pdfNotChecked': ['file'],
      'files.tooMany': ['max'],
      'files.missingEvidence': [],
      'files.tooManyForRole': ['max', 'role'],
      // The form's own, for the files a full zone left out (EvidenceZone).
      'files.zoneFull': ['count', 'files', 'max', 'role'],
      'files.alreadyAddedElsewhere': ['file', 'role'],
      'request.invalidFields': ['count'],
      'request.tooLarge': ['maxMb'],
      'request.bundleTooLarge': ['maxMb'],
      'request.notMultipart': [],
      'request.malformed': [],
      'request.tooManyParts': ['fields', 'files'],
      'request.fileUnderUnknownField': ['field'],
      'request.methodNotAllowed': [],
      'request.noPhoto': [],
      'request.busy': [],
      'request.unexpected': ['requestId'],
    };
    for (const [key, args] of Object.entries(expected)) {
      expect(english.has(key), key).toBe(true);
      expect(icuArguments(String(english.get(key))), key).toEqual(args);
    }
  });
});

describe('date messages', () => {
  // The date box shows the browser's own order (mm/dd/yyyy, dd.mm.yyyy…), so a message that names
  // one format, such as year-month-day, describes a box the user does not see.
  it.each(LOCALES)('%s names no date format and no example date', (locale) => {
    for (const [key, value] of leaves(MESSAGES[locale].errors.date)) {
      expect(String(value), `${locale} errors.date.${key}`).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}/);
    }
  });
});

/** Sentences whose code collapses the stop after the date (saleChain in lib/appeal/letter.ts). */
const COLLAPSED_STOPS = new Set(['letter.chain.bought', 'letter.chain.boughtUnnamed']);

describe.each(translatedLocales)('%s has no English left', (locale) => {
  it.each(namespaces)('in %s: Latin words are only brand names and codes', (namespace) => {
    const t = createTranslator({
      locale,
      messages: MESSAGES[locale] as unknown as Record<string, Record<string, string>>,
      namespace,
    });
    const english: string[] = [];
    for (const [key, value] of leaves(MESSAGES[locale][namespace])) {
      const values = Object.fromEntries(icuArguments(String(value)).map((name) => [name, 3]));
      // Quotations are what the phone shows, word for word, which may well be English.
      for (const word of untranslatedWords(ownWords(t.markup(key, { ...values, ...PLAIN_ENGLISH })))) english.push(`${namespace}.${key}: ${word}`);
    }
    expect(english).toEqual([]);
  });

  it('ends no sentence right after a date, whose own "г."/"р." would double the stop', () => {
    const doubled: string[] = [];
    for (const namespace of namespaces) {
      for (const [key, value] of leaves(MESSAGES[locale][namespace])) {
        if (COLLAPSED_STOPS.has(`${namespace}.${key}`)) continue;
        if (/\{(?:date|sentOn|due\w*|purchaseDate)\}\./.test(String(value))) doubled.push(`${namespace}.${key}`);
      }
    }
    expect(doubled).toEqual([]);
  });

  it('writes sizes in МБ and КБ', () => {
    const units = leaves(MESSAGES[locale].form.units);
    expect(units.get('megabytes')).toBe('{size} МБ');
    expect(units.get('kilobytes')).toBe('{size} КБ');
  });
});

describe('country names in sentences', () => {
  // Names come from Intl.DisplayNames in the nominative and without an article ("United States",
  // "Philippines", Bulgarian "Съединени щати"), so a sentence must not need "the", a case ending or
  // a Bulgarian article around one: the name stands as a label value, in brackets or in quotes.
  it.each(LOCALES)('%s puts {country} only where its bare name reads right', (locale) => {
    const bare: string[] = [];
    for (const namespace of namespaces) {
      for (const [key, value] of leaves(MESSAGES[locale][namespace])) {
        const text = String(value);
        for (const match of text.matchAll(/\{country\}/g)) {
          const before = text.slice(0, match.index);
          if (!(before === '' || /(?:\(|«|: )$/.test(before))) bare.push(`${namespace}.${key}: ${text}`);
        }
      }
    }
    expect(bare).toEqual([]);
  });
});
