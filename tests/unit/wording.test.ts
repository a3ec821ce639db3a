/**
 * Wording a reader of each language caught in the catalogues, pinned so it does not come back.
 * The catalogue tests (messages.test.ts) check shape; these check words.
 */
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { EVIDENCE_ROLES } from '@/lib/appeal/evidence-rules';
import { ZDeviceStepSchema, fieldErrors } from '@/lib/appeal/schema';
import { accountHintProblem } from '@/lib/appeal/triage-answers';
import { encodeFieldMessage } from '@/lib/i18n/field-message';
import { MESSAGES } from '@/lib/i18n/messages';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { translateFieldMessage } from '@/lib/i18n/translate-field-message';

/** Every message of a locale as "namespace.key" → text. */
function messagesOf(locale: Locale): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(MESSAGES[locale], '');
  return out;
}

/** The keys whose text matches `pattern`. */
function keysMatching(locale: Locale, pattern: RegExp): string[] {
  return [...messagesOf(locale)].filter(([, text]) => pattern.test(text)).map(([key]) => key);
}

describe('the Mi Account', () => {
  // The lock screen, Xiaomi's pages and the letter say "Mi Account"; one page box said both.
  it.each(['ru', 'bg', 'uk'] as const)('is called "Mi Account" throughout the %s catalogue, never half-translated (Mi аккаунт, Mi акаунт)', (locale) => {
    expect(keysMatching(locale, /Mi\s+[аa]к+аунт/i)).toEqual([]);
    expect(MESSAGES[locale].home.check.miAccount.label).toContain('Mi Account');
    expect(MESSAGES[locale].triage.legend).toContain('Mi Account');
  });
});

describe('what came of asking the seller', () => {
  // The start page's one button is "refused or does not answer": the app never learns which, so the
  // letter must not guess or hedge, and says what is true either way: the phone was not removed.
  const hedges: Record<Locale, RegExp> = {
    en: /refused|did not answer|no answer/,
    ru: /отказался|не ответил|отказ|нет ответа/,
    bg: /отказа|не отговори|без отговор/,
    uk: /відмовився|не відповів|відмова|немає відповіді/,
  };
  const sentences: Record<Locale, [string, string]> = {
    en: ['Before writing to you, I asked the seller to remove the phone from their Mi Account (Xiaomi Cloud, Find device), but I could not get them to do it.', 'asked the seller to remove the phone from their account: not removed'],
    ru: ['Прежде чем написать вам, я попросил(а) продавца удалить телефон из его Mi Account (Xiaomi Cloud, «Найти устройство»), но добиться этого не удалось.', 'просьба к продавцу удалить телефон из его аккаунта: телефон не удалён'],
    bg: ['Преди да ви пиша, помолих продавача да премахне телефона от своя Mi Account (Xiaomi Cloud, „Намиране на устройство“), но това така и не стана.', 'помолен продавачът да премахне телефона от профила си: не е премахнат'],
    uk: ['Перш ніж написати вам, я попросив(-ла) продавця видалити телефон зі свого Mi Account (Xiaomi Cloud, «Знайти пристрій»), але домогтися цього не вдалося.', 'прохання до продавця видалити телефон зі свого акаунта: телефон не видалено'],
  };
  it.each(Object.keys(sentences) as Locale[])('is told without a guess between refusal and silence (%s)', (locale) => {
    const { letter } = MESSAGES[locale];
    expect(letter.triedFirst.seller).not.toMatch(hedges[locale]);
    expect(letter.facts.triedFirst.seller).not.toMatch(hedges[locale]);
    expect([letter.triedFirst.seller, letter.facts.triedFirst.seller]).toEqual(sentences[locale]);
  });
});

describe('a seller who stays silent', () => {
  // "не відповість кілька днів" is a one-off act stretched over days; silence over time is imperfective.
  it('"не відповідатиме протягом кількох днів" in Ukrainian', () => {
    expect(keysMatching('uk', /не відповість кілька/)).toEqual([]);
    expect(MESSAGES.uk.triage.ask.then).toContain('Якщо продавець відмовить або не відповідатиме протягом кількох днів,');
  });
});

describe('an IMEI with a wrong check digit', () => {
  it('is "недействительный" / "недійсний": one word, the adjective with its prefix', () => {
    expect(keysMatching('ru', /не действительн/i)).toEqual([]);
    expect(keysMatching('uk', /не дійсн/i)).toEqual([]);
    expect(MESSAGES.ru.errors.imei.wrongCheckDigit).toContain('— недействительный IMEI:');
    expect(MESSAGES.uk.errors.imei.wrongCheckDigit).toContain('— недійсний IMEI:');
  });
});

describe('one word for the appeal', () => {
  // The Bulgarian letter said "искане" and its PDF rows "молба"; the Ukrainian pages said both
  // "звернення щодо права власності" and "про право власності".
  it('is "искане" throughout the Bulgarian catalogue, never "молба"', () => {
    expect(keysMatching('bg', /молб/i)).toEqual([]);
  });

  it('is "звернення про право власності" throughout the Ukrainian catalogue', () => {
    expect(keysMatching('uk', /щодо\s+права\s+власності/i)).toEqual([]);
    expect(keysMatching('uk', /про\s+право\s+власності/i).length).toBeGreaterThan(0);
  });
});

describe('Lost mode', () => {
  it('is named when the Bulgarian start page says to turn it off', () => {
    expect(MESSAGES.bg.home.check.lostMode.instead).toMatch(/изключете режима „Изгубено устройство“/);
  });
});

describe('a zone that is full', () => {
  // "Too many extra files" in the zone titled "Other proof", and "Too many box photos… Remove the
  // ones that show the same thing" when 4 photos were picked, 3 added, and nothing to remove.
  const say = (key: 'files.zoneFull' | 'files.tooManyForRole', values: Record<string, string | number>, locale: Locale) =>
    translateFieldMessage(encodeFieldMessage(key, values), locale);

  it.each(LOCALES)('is called by its own title, in the form’s and the server’s words (%s)', (locale) => {
    for (const role of EVIDENCE_ROLES) {
      const title = MESSAGES[locale].form.evidence.zones[role].title;
      const quoted = MESSAGES[locale].form.evidence.quotedName.replace('{name}', title);
      expect(say('files.tooManyForRole', { role, max: 3 }, locale), role).toContain(quoted);
      expect(say('files.zoneFull', { role, max: 3, count: 1, files: '«4.jpg»' }, locale), role).toContain(quoted);
    }
  });

  it('names the files left out and the zone’s limit, and does not ask to remove duplicates', () => {
    expect(say('files.zoneFull', { role: 'boxPhoto', max: 3, count: 1, files: '“box-4.jpg”' }, 'en')).toBe(
      'Not added: “box-4.jpg”. “Box label” holds at most 3 files. To add it instead, first remove one of the files already there.',
    );
    expect(say('files.zoneFull', { role: 'extra', max: 8, count: 2, files: '“a.jpg” and “b.jpg”' }, 'en')).toBe(
      'Not added: “a.jpg” and “b.jpg”. “Other proof” holds at most 8 files. To add one of them instead, first remove one of the files already there.',
    );
    expect(say('files.zoneFull', { role: 'boxPhoto', max: 3, count: 1, files: '«box-4.jpg»' }, 'ru')).toBe(
      'Не добавлен файл «box-4.jpg». В разделе «Наклейка на коробке» может быть не более 3 файлов. Чтобы добавить его, сначала удалите один из уже добавленных файлов.',
    );
    expect(say('files.zoneFull', { role: 'receipt', max: 4, count: 2, files: '„a.jpg“ и „b.jpg“' }, 'bg')).toContain('Не са добавени файловете „a.jpg“ и „b.jpg“. В раздел „Касова бележка“ може да има най-много 4 файла.');
    expect(say('files.zoneFull', { role: 'extra', max: 8, count: 1, files: '«a.jpg»' }, 'uk')).toContain('Не додано файл «a.jpg». У розділі «Інші докази» може бути не більше 8 файлів.');
    for (const locale of LOCALES) expect(say('files.zoneFull', { role: 'boxPhoto', max: 3, count: 1, files: 'x' }, locale)).not.toMatch(/same thing|одно и то же|едно и също|одне й те саме/);
  });
});

describe('the account hint', () => {
  // The start page and the contact step said different things ("@ and dots" against "@, dots, plus
  // and hyphens"), and neither named "_" or "( )", which masked addresses and phones show.
  const SIGNS = ['*', '•', '●', '@', '.', '_', '-', '+', '(', ')'];
  it.each(LOCALES)('is refused with a message naming every sign the rule takes (%s), and only one message', (locale) => {
    const message = MESSAGES[locale].errors.accountHint.characters;
    for (const sign of SIGNS) {
      expect(message, sign).toContain(` ${sign}`);
      expect(accountHintProblem(`a${sign}b`), sign).toBeNull();
    }
    // The start page shows this same message (app/triage-text.ts), not one of its own.
    expect(MESSAGES[locale].triage.hint).not.toHaveProperty('invalid');
  });
});

describe('the IMEI field a box label left empty', () => {
  // "The empty IMEI field was left empty": it did not say which field, nor what to put in it.
  const notFilled = (locale: Locale, field: 'imei' | 'imei2') =>
    createTranslator({ locale, messages: MESSAGES[locale], namespace: 'assistant.label' })('notFilled', { field });
  it.each(LOCALES)('is named, with what to copy into it (%s)', (locale) => {
    for (const [field, named, other] of [['imei', 'IMEI1', 'IMEI2'], ['imei2', 'IMEI2', 'IMEI1']] as const) {
      const text = notFilled(locale, field);
      expect(text.match(new RegExp(named, 'g')), `${field}: ${text}`).toHaveLength(2);
      expect(text, field).not.toContain(other);
    }
  });
});

describe('what the IMEI box says of letters', () => {
  // Typing the word "IMEI" was answered "remove the letters (the letter O is not a zero)".
  const LETTER_O = /(?:^|\P{L})[OО](?:\P{L}|$)/u;
  const errorFor = (imei: string, locale: Locale) => {
    const result = ZDeviceStepSchema.safeParse({ imei });
    return translateFieldMessage(fieldErrors(result.error!).imei ?? '', locale);
  };
  const live = (locale: Locale, stray: string) =>
    createTranslator({ locale, messages: MESSAGES[locale], namespace: 'form.device.imeiLive' })('notDigits', { stray });
  it.each(LOCALES)('names the letter O only when one was typed (%s)', (locale) => {
    expect(errorFor('IMEI', locale)).not.toMatch(LETTER_O);
    expect(errorFor('86890704_1234565', locale)).not.toMatch(LETTER_O);
    expect(errorFor('86890704123456O', locale)).toMatch(LETTER_O);
    expect(errorFor('8689о7041234565', locale)).toMatch(LETTER_O);
    expect(live(locale, 'letters')).not.toMatch(LETTER_O);
    expect(live(locale, 'signs')).not.toMatch(LETTER_O);
    expect(live(locale, 'letterO')).toMatch(LETTER_O);
  });
});

describe('one word for each thing a reader must recognise', () => {
  // Each word below is the other half of a pair a reader met in the same locale: the box label
  // "этикетка" in the PDF rows against "наклейка" on the form, the appeal "жалба" in a server error
  // against "искане", "скриншот" against "знімок екрана", the lock code under two names.
  const OTHER_WORD: Record<'ru' | 'bg' | 'uk', RegExp[]> = {
    ru: [/этикетк/i, /передать случай/i],
    bg: [/жалб/i, /запитване/i, /обжалв/i, /код(?:ът|а)? на заключването/i, /заключване(?:то)? на Mi Account/i, /блокировк/i],
    uk: [/етикетк/i, /скриншот/i, /передати випадок/i],
  };
  it.each(Object.keys(OTHER_WORD) as ('ru' | 'bg' | 'uk')[])('%s uses the one term', (locale) => {
    for (const pattern of OTHER_WORD[locale]) expect(keysMatching(locale, pattern), String(pattern)).toEqual([]);
  });

  it('quotes the Bulgarian review button by its label', () => {
    const label = MESSAGES.bg.form.review.change;
    expect(MESSAGES.bg.form.review.intro).toContain(`„${label}“`);
    expect(MESSAGES.bg.form.generate.blocked).toContain(`„${label}“`);
  });
});

describe('a past-tense verb that serves both genders', () => {
  // "купив(-ла)", as Ukrainian style guides write it; the catalogue once mixed "купив(ла)" and
  // "спробував(-ла)" in one letter.
  it('writes its feminine ending one way in Ukrainian: (-ла), (-лася)', () => {
    expect(keysMatching('uk', /\p{L}\(л/u)).toEqual([]);
    expect(keysMatching('uk', /\p{L}\(-ла(ся)?\)/u).length).toBeGreaterThan(5);
  });
});
