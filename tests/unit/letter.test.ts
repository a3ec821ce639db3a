import { describe, expect, it } from 'vitest';

import { composeAppealLetter, composeShortAppealLetter, letterToText } from '@/lib/appeal/letter';
import { formatLongDate } from '@/lib/i18n/format';
import { PURCHASE_CHANNELS } from '@/lib/appeal/schema';
import { LOCALES } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { EVERY_ROLE_ENCLOSED, hostileAppeal, longestInput, parseAppeal, realisticAppeal } from './appeal-samples';

const CONTROL_EXCEPT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const ATTACHMENT = 'mi-account-appeal-868907041234565-2025-03-14.pdf';

describe('composeAppealLetter', () => {
  it('writes English first, then the user’s language', () => {
    expect(composeAppealLetter(realisticAppeal({ locale: 'ru' }), { enclosed: EVERY_ROLE_ENCLOSED }).sections.map((s) => s.locale)).toEqual(['en', 'ru']);
    expect(composeAppealLetter(realisticAppeal({ locale: 'bg' }), { enclosed: EVERY_ROLE_ENCLOSED }).sections.map((s) => s.locale)).toEqual(['en', 'bg']);
    expect(composeAppealLetter(realisticAppeal({ locale: 'uk' }), { enclosed: EVERY_ROLE_ENCLOSED }).sections.map((s) => s.locale)).toEqual(['en', 'uk']);
    expect(composeAppealLetter(realisticAppeal({ locale: 'en' }), { enclosed: EVERY_ROLE_ENCLOSED }).sections.map((s) => s.locale)).toEqual(['en']);
  });

  it.each(LOCALES)('states every fact of the appeal in each section (user language %s)', (locale) => {
    const appeal = realisticAppeal({ locale });
    const letter = composeAppealLetter(appeal, { attachmentName: ATTACHMENT, enclosed: EVERY_ROLE_ENCLOSED });
    for (const section of letter.sections) {
      const text = [section.heading, ...section.paragraphs].join('\n');
      const facts = [
        appeal.ownerName,
        appeal.model,
        '868907041234565',
        '867443033012349',
        appeal.serialNumber,
        appeal.sellerName,
        appeal.orderNumber,
        appeal.price,
        appeal.contactEmail,
        appeal.contactPhone,
        appeal.linkedAccount,
        appeal.caseReference,
        ATTACHMENT,
        formatLongDate(appeal.purchaseDate, section.locale),
        new Intl.DisplayNames([section.locale], { type: 'region' }).of('RU') ?? 'RU',
        MESSAGES[section.locale].letter.channel['authorized-retailer'],
        MESSAGES[section.locale].letter.receiptFact.seller,
        MESSAGES[section.locale].letter.ask,
      ];
      for (const fact of facts) expect(text, `${section.locale}: ${fact}`).toContain(fact);
      expect(section.heading).toContain('868907041234565');
      expect(text).not.toMatch(/undefined|null|\{|\}/);
    }
  });

  it('asks for the binding to be removed and says the evidence PDF is attached, in plain words', () => {
    const text = letterToText(composeAppealLetter(realisticAppeal({ locale: 'en' }), { attachmentName: ATTACHMENT, enclosed: EVERY_ROLE_ENCLOSED }));
    expect(text).toContain('Please remove the Mi Account binding from this phone');
    expect(text).toContain(`I attach one PDF file, “${ATTACHMENT}”, with my evidence`);
    expect(text).toContain('Date: 14 March 2025');
    expect(text).toContain('Country: Russia');
    expect(text).toContain('Kind regards,\nИван Петров');
  });

  it('writes the user’s notes once, in their own section, and points to them from the English one', () => {
    const letter = composeAppealLetter(realisticAppeal({ locale: 'ru' }), { enclosed: EVERY_ROLE_ENCLOSED });
    const [en, ru] = letter.sections.map((s) => s.paragraphs.join('\n'));
    expect(ru).toContain('Забыл пароль от Mi аккаунта после сброса.\nТелефон всегда был у меня.');
    expect(en).not.toContain('Забыл пароль');
    expect(en).toContain('My own notes are in the Russian text below.');
    const english = letterToText(composeAppealLetter(realisticAppeal({ locale: 'en', notes: 'Bought in 2025.' }), { enclosed: EVERY_ROLE_ENCLOSED }));
    expect(english).toContain('My own notes:\nBought in 2025.');
  });

  it('uses the lock code when there is no IMEI, and leaves out what was not given', () => {
    const appeal = realisticAppeal({
      imei: '', imei2: '', lockCode: 'AB12-CD34', model: '', serialNumber: '', sellerName: '', orderNumber: '', price: '',
      contactPhone: '', linkedAccount: '', notes: '', receiptShows: '', caseReference: '', locale: 'en',
    });
    const [section] = composeAppealLetter(appeal, { enclosed: EVERY_ROLE_ENCLOSED }).sections;
    expect(section?.heading).toBe('Request to remove the Mi Account lock: lock code AB12-CD34');
    const text = section?.paragraphs.join('\n') ?? '';
    expect(text).toContain('Lock code (shown after tapping “This device is locked” ten times): AB12-CD34');
    expect(text).toContain('owner of the Xiaomi phone');
    expect(text).toContain('You can reach me by e-mail at ivan.petrov@example.ru.');
    expect(text).not.toMatch(/IMEI 1|Serial number|Seller:|Order or receipt|Price paid|receipt shows|My reference|My own notes|as far as I know/);
    expect(text).toContain('“mi-account-appeal-lock-AB12-CD34-2025-03-14.pdf”');
  });

  it('names the PDF of a Cyrillic lock code for what it is, not for its digits alone', () => {
    const appeal = realisticAppeal({ imei: '', imei2: '', lockCode: 'ЖЇЄҐ-1234-АБВГ', locale: 'en' });
    const text = letterToText(composeAppealLetter(appeal, { enclosed: EVERY_ROLE_ENCLOSED }));
    expect(text).toContain('ЖЇЄҐ-1234-АБВГ');
    expect(text).toContain('“mi-account-appeal-lock-code-2025-03-14.pdf”');
    expect(text).not.toContain('lock-1234');
  });

  it('calls a single IMEI just "IMEI"', () => {
    const text = letterToText(composeAppealLetter(realisticAppeal({ imei2: '', locale: 'en' }), { enclosed: EVERY_ROLE_ENCLOSED }));
    expect(text).toContain('IMEI: 868907041234565');
    // Copied into a support search as it is: no grouping characters anywhere in the letter.
    expect(text).not.toMatch(/\d \d{6} \d{6} \d/);
    expect(text).not.toContain('IMEI 2');
  });

  it.each(LOCALES)('names every purchase channel in %s', (locale) => {
    for (const channel of PURCHASE_CHANNELS) {
      const letter = composeAppealLetter(realisticAppeal({ purchaseChannel: channel, locale }), { enclosed: EVERY_ROLE_ENCLOSED });
      const last = letter.sections.at(-1);
      expect(last?.paragraphs.join('\n')).toContain(MESSAGES[locale].letter.channel[channel]);
    }
  });

  it('keeps Cyrillic, Bulgarian, Ukrainian and emoji text intact', () => {
    const letter = composeAppealLetter(realisticAppeal({ ownerName: 'Ґанна Їжак 👩‍💻', sellerName: 'Мобилни ъгли ЕООД', locale: 'uk' }), { enclosed: EVERY_ROLE_ENCLOSED });
    const text = letterToText(letter);
    expect(text).toContain('Мене звати Ґанна Їжак 👩‍💻.');
    expect(text).toContain('Продавець: Мобилни ъгли ЕООД');
  });

  it('keeps headings on one line and paragraphs free of CR and controls, whatever the fields hold', () => {
    for (const locale of LOCALES) {
      for (const letter of [composeAppealLetter(hostileAppeal(locale), { caseReference: 'AK-1\r\n2', enclosed: EVERY_ROLE_ENCLOSED }), composeShortAppealLetter(hostileAppeal(locale))]) {
        for (const section of letter.sections) {
          expect(section.heading).not.toMatch(/[\r\n]/);
          expect(section.heading).not.toMatch(CONTROL_EXCEPT_LF);
          for (const paragraph of section.paragraphs) expect(paragraph).not.toMatch(CONTROL_EXCEPT_LF);
        }
      }
    }
  });

  it('handles every field at its maximum length', () => {
    const letter = composeAppealLetter(parseAppeal(longestInput('Ж', { locale: 'bg' })), { enclosed: EVERY_ROLE_ENCLOSED });
    expect(letter.sections).toHaveLength(2);
    expect(letterToText(letter).length).toBeGreaterThan(4000);
  });

  it('formats the purchase date unambiguously in each language', () => {
    expect(formatLongDate('2025-03-14', 'en')).toBe('14 March 2025');
    expect(formatLongDate('2025-03-14', 'ru')).toBe('14 марта 2025 г.');
    expect(formatLongDate('2025-03-14', 'uk')).toBe('14 березня 2025 р.');
    expect(formatLongDate('2025-03-14', 'bg')).toBe('14 март 2025 г.');
    expect(formatLongDate('not a date', 'en')).toBe('not a date');
  });
});

describe('what the receipt shows, in grammatical words for one item and for several', () => {
  const lastSection = (locale: 'ru' | 'bg' | 'uk', receiptShows: string) =>
    composeAppealLetter(realisticAppeal({ locale, receiptShows }), { enclosed: EVERY_ROLE_ENCLOSED }).sections.at(-1)!.paragraphs.join('\n');

  it.each([
    // Russian agrees the verb with a single item in gender as well as number.
    ['ru', 'price', 'В чеке указана цена.'],
    ['ru', 'date', 'В чеке указана дата покупки.'],
    ['ru', 'model', 'В чеке указана модель телефона.'],
    ['ru', 'seller', 'В чеке указано название продавца.'],
    ['ru', 'imei', 'В чеке указан IMEI или серийный номер телефона.'],
    ['ru', 'stamp', 'На чеке стоит печать или подпись продавца.'],
    ['ru', 'seller,date', 'В чеке указаны название продавца и дата покупки.'],
    ['ru', 'date,price', 'В чеке указаны дата покупки и цена.'],
    // Bulgarian: "показва" takes the object forms (модела, серийния номер, печата или подписа).
    ['bg', 'price', 'Касовата бележка показва цената.'],
    ['bg', 'model', 'Касовата бележка показва модела на телефона.'],
    ['bg', 'seller,date', 'Касовата бележка показва името на продавача и датата на покупката.'],
    ['bg', 'model,imei,stamp', 'Касовата бележка показва модела на телефона, IMEI или серийния номер на телефона и печата или подписа на продавача.'],
    // Ukrainian "зазначено" is impersonal: the same accusative forms for one item and for several.
    ['uk', 'price', 'У чеку зазначено ціну.'],
    ['uk', 'imei', 'У чеку зазначено IMEI або серійний номер телефону.'],
    ['uk', 'date,price', 'У чеку зазначено дату покупки і ціну.'],
  ] as const)('%s, %s: “%s”', (locale, receiptShows, sentence) => {
    expect(lastSection(locale, receiptShows)).toContain(sentence);
  });

  it('never puts a plural verb before a single item, nor a singular one before several', () => {
    for (const fact of ['seller', 'date', 'model', 'imei', 'price', 'stamp']) {
      expect(lastSection('ru', fact)).not.toContain('указаны');
      expect(lastSection('bg', fact)).not.toMatch(/се виждат|моделът|серийният|печатът/);
    }
    expect(lastSection('ru', 'seller,date,imei,price')).toContain('В чеке указаны название продавца, дата покупки, IMEI или серийный номер телефона и цена.');
  });
});

describe('composeShortAppealLetter', () => {
  it('asks, points to the PDF in both languages, and gives the contact once', () => {
    const letter = composeShortAppealLetter(realisticAppeal({ locale: 'ru' }), { attachmentName: ATTACHMENT });
    const [en, ru] = letter.sections.map((s) => s.paragraphs.join('\n'));
    expect(en).toContain(`The full text of my request and all my evidence are in the attached PDF file “${ATTACHMENT}”.`);
    expect(en).toContain('IMEI 868907041234565');
    expect(en).toContain('ivan.petrov@example.ru');
    expect(ru).toContain(`в приложенном PDF-файле «${ATTACHMENT}»`);
    expect(ru).not.toContain('ivan.petrov@example.ru');
    expect(ru).toContain('Иван Петров');
  });

  it.each(['ru', 'bg', 'uk'] as const)('signs each language’s part in that language, as the full letter does (%s)', (locale) => {
    const short = composeShortAppealLetter(realisticAppeal({ locale }), { attachmentName: ATTACHMENT });
    const full = composeAppealLetter(realisticAppeal({ locale }), { attachmentName: ATTACHMENT, enclosed: EVERY_ROLE_ENCLOSED });
    expect(short.sections.map((s) => s.paragraphs.at(-1))).toEqual(full.sections.map((s) => s.paragraphs.at(-1)));
    const own = short.sections[1]!.paragraphs.join('\n');
    expect(own).toContain(`${MESSAGES[locale].letter.signOff.split('\n')[0]}\nИван Петров`);
    expect(own).not.toContain('Kind regards');
    const english = composeShortAppealLetter(realisticAppeal({ locale }), { attachmentName: ATTACHMENT, locales: ['en'] });
    expect(english.sections[0]!.paragraphs.at(-1)).toBe('Kind regards,\nИван Петров');
  });
});

describe('the letter for each path (issue 12)', () => {
  const secondHand = (overrides = {}) =>
    realisticAppeal({ purchaseChannel: 'second-hand', sellerName: 'Олег', saleVenue: 'marketplace', receiptShows: '', ...overrides });

  it.each(LOCALES)('tells a second-hand chain honestly (%s)', (locale) => {
    for (const firstBuyerReceipt of ['yes', 'no'] as const) {
      const letter = composeAppealLetter(secondHand({ locale, firstBuyerReceipt }), { enclosed: EVERY_ROLE_ENCLOSED });
      for (const section of letter.sections) {
        const t = MESSAGES[section.locale].letter;
        const text = section.paragraphs.join('\n');
        expect(text).toContain(t.introSecondHand.split('{')[0]!.trim().slice(0, 12));
        expect(text).toContain('Олег');
        expect(text).toContain(t.chain.firstReceipt[firstBuyerReceipt]);
        expect(text).not.toMatch(/ {2}| [.,]|\.\./);
        expect(text).not.toMatch(/[{}]/);
      }
    }
    const english = composeAppealLetter(secondHand({ locale, firstBuyerReceipt: 'no' }), { enclosed: EVERY_ROLE_ENCLOSED }).sections[0]!.paragraphs.join('\n');
    expect(english).toContain('I bought the Redmi Note 13 phone described below second-hand');
    expect(english).not.toContain('I am the owner of the');
    expect(english).toContain('I bought it from Олег through an online marketplace listing on 14 March 2025.');
    expect(english).toContain('The first buyer’s original receipt is not available to me');
  });

  it.each(LOCALES)('calls a receipt attached, or says what it shows, only when one is enclosed (%s)', (locale) => {
    const boxOnly = { boxPhoto: 1, receipt: 0, extra: 0 };
    // The purchase step's "No" says the listing, the chat or the handover note go under "Receipt".
    const saleRecordOnly = { boxPhoto: 0, receipt: 1, extra: 0 };
    // "Other proof" also holds the lock-screen photo, the warranty card…: no sign of a sale record.
    const otherProofOnly = { boxPhoto: 0, receipt: 0, extra: 1 };
    const cases = [
      ['yes', EVERY_ROLE_ENCLOSED, 'yes'],
      ['yes', boxOnly, 'yesNotEnclosed'],
      ['no', saleRecordOnly, 'no'],
      ['no', otherProofOnly, 'noNotEnclosed'],
      ['no', boxOnly, 'noNotEnclosed'],
    ] as const;
    for (const [firstBuyerReceipt, enclosed, sentence] of cases) {
      const letter = composeAppealLetter(secondHand({ locale, firstBuyerReceipt, receiptShows: 'seller,date' }), { enclosed });
      for (const section of letter.sections) {
        const t = MESSAGES[section.locale].letter;
        const text = section.paragraphs.join('\n');
        for (const [key, words] of Object.entries(t.chain.firstReceipt)) {
          if (key === sentence) expect(text, `${firstBuyerReceipt} ${key}`).toContain(words);
          else expect(text, `${firstBuyerReceipt} ${key}`).not.toContain(words);
        }
        // Only the first buyer's receipt is "the receipt": a marketplace buyer's "no" puts the listing there.
        const receiptShows = t.receipt.split('{')[0]!;
        if (enclosed.receipt > 0 && firstBuyerReceipt === 'yes') expect(text).toContain(receiptShows);
        else expect(text).not.toContain(receiptShows);
      }
    }
  });

  describe('a sale record under “Receipt” is described as that, never as the receipt', () => {
    const receiptOnly = { boxPhoto: 0, receipt: 1, extra: 0 };
    const english = MESSAGES.en.letter;
    const russian = MESSAGES.ru.letter;
    const sectionsOf = (overrides: Record<string, string>, enclosed = receiptOnly) =>
      composeAppealLetter(secondHand({ locale: 'ru', receiptShows: 'seller,date,imei', ...overrides }), { enclosed }).sections.map((s) => s.paragraphs.join('\n'));
    // Every sentence that would call the files under "Receipt" a receipt, in the letter's two languages.
    const receiptWords = (t: typeof english) => [t.receipt.split('{')[0]!, ...Object.values(t.receiptOne)];

    it.each([
      ['private', 'no'],
      ['marketplace', 'no'],
      ['private', ''],
      ['marketplace', ''],
      ['', 'no'],
      ['', ''],
    ])('venue "%s", first buyer’s receipt "%s": the record of the purchase, in English and Russian', (saleVenue, firstBuyerReceipt) => {
      const [en, ru] = sectionsOf({ saleVenue, firstBuyerReceipt });
      for (const words of receiptWords(english)) expect(en).not.toContain(words);
      for (const words of receiptWords(russian)) expect(ru).not.toContain(words);
      const sentence = firstBuyerReceipt === 'no' ? 'no' : 'saleRecord';
      expect(en).toContain(sentence === 'no' ? english.chain.firstReceipt.no : english.chain.ownRecord.saleRecord);
      expect(ru).toContain(sentence === 'no' ? russian.chain.firstReceipt.no : russian.chain.ownRecord.saleRecord);
    });

    it('in plain words (en, ru)', () => {
      const [en, ru] = sectionsOf({ saleVenue: 'private', firstBuyerReceipt: '', orderNumber: '' });
      expect(en).toContain('The record of my own purchase from the previous owner (the listing, our messages or a note of the handover) is attached.');
      expect(ru).toContain('Приложены подтверждения моей покупки у прежнего владельца (объявление, наша переписка или расписка о передаче).');
      expect(en).not.toMatch(/the receipt/i);
      expect(ru).not.toMatch(/чек/i);
    });

    it('says nothing of a record when nothing is under “Receipt”', () => {
      const [en, ru] = sectionsOf({ saleVenue: 'private', firstBuyerReceipt: '' }, { boxPhoto: 1, receipt: 0, extra: 1 });
      expect(en).not.toContain(english.chain.ownRecord.saleRecord);
      expect(ru).not.toContain(russian.chain.ownRecord.saleRecord);
    });

    it('keeps “the receipt” for the first buyer’s receipt (en, ru)', () => {
      const [en, ru] = sectionsOf({ saleVenue: 'private', firstBuyerReceipt: 'yes' });
      expect(en).toContain('The receipt shows the seller’s name, the date of purchase, and the phone’s IMEI or serial number.');
      expect(en).toContain(english.chain.firstReceipt.yes);
      expect(en).not.toContain(english.chain.ownRecord.saleRecord);
      expect(ru).toContain(russian.receipt.split('{')[0]!);
    });
  });

  describe('a used-phone shop’s receipt stays the receipt', () => {
    const shop = (firstBuyerReceipt: string, enclosed: { boxPhoto: number; receipt: number; extra: number } = { boxPhoto: 0, receipt: 1, extra: 0 }) =>
      composeAppealLetter(secondHand({ locale: 'ru', saleVenue: 'shop', sellerName: 'Second Life', firstBuyerReceipt, receiptShows: 'seller,date' }), { enclosed }).sections.map((s) =>
        s.paragraphs.join('\n'),
      );

    it('says the shop’s receipt is attached, and what it shows (en, ru)', () => {
      const [en, ru] = shop('no');
      expect(en).toContain('I bought it from Second Life in a shop selling used phones on 14 March 2025. The first buyer’s original receipt is not available to me; the receipt the shop gave me for my purchase is attached.');
      expect(en).toContain('The receipt shows the seller’s name and the date of purchase.');
      expect(en).not.toContain('the listing, our messages');
      expect(ru).toContain('Я купил(а) его в магазине подержанных телефонов 14 марта 2025 г., продавец — Second Life. Оригинального чека первого покупателя у меня нет; приложен чек, который выдал мне магазин при покупке.');
      expect(ru).toContain(MESSAGES.ru.letter.receipt.split('{')[0]!);
      expect(ru).not.toContain('объявление, наша переписка');
    });

    it('says so without an answer about the first buyer’s receipt, and calls nothing attached without a file (en, ru)', () => {
      const [en, ru] = shop('');
      expect(en).toContain('in a shop selling used phones on 14 March 2025. The receipt the shop gave me for my purchase is attached.');
      expect(ru).toContain('продавец — Second Life. Приложен чек, который выдал мне магазин при покупке.');
      const [enNone, ruNone] = shop('no', { boxPhoto: 1, receipt: 0, extra: 1 });
      expect(enNone).toContain('The first buyer’s original receipt is not available to me.');
      expect(enNone).not.toMatch(/shop gave me|The receipt shows/);
      expect(ruNone).not.toContain('выдал мне магазин');
    });
  });

  it('does not call a purchase record attached when the only file is other proof (the audit’s letter)', () => {
    const appeal = secondHand({ locale: 'ru', imei: '', imei2: '', lockCode: 'AB12-CD34', firstBuyerReceipt: 'no' });
    const text = letterToText(composeAppealLetter(appeal, { enclosed: { boxPhoto: 0, receipt: 0, extra: 1 } }));
    expect(text).not.toContain('the record of my own purchase');
    expect(text).not.toContain('подтверждения моей покупки');
    expect(text).toContain('The first buyer’s original receipt is not available to me.');
    expect(text).toContain('Оригинального чека первого покупателя у меня нет.');
  });

  it.each([
    // A name is inserted as typed, undeclined: it stands where no case ending is needed.
    ['ru', 'marketplace', 'Алексей', 'Я купил(а) его по объявлению на интернет-площадке 14 марта 2025 г., продавец — Алексей.'],
    ['ru', '', 'Алексей', 'Я купил(а) его 14 марта 2025 г., продавец — Алексей.'],
    ['ru', 'shop', 'ООО «Ромашка»', 'Я купил(а) его в магазине подержанных телефонов 14 марта 2025 г., продавец — ООО «Ромашка».'],
    ['uk', 'private', 'Олексій', 'Я купив(-ла) його у приватній угоді 14 березня 2025 р., продавець — Олексій.'],
    ['uk', '', 'Олексій', 'Я купив(-ла) його 14 березня 2025 р., продавець — Олексій.'],
    ['uk', 'private', 'Петренко О.', 'Я купив(-ла) його у приватній угоді 14 березня 2025 р., продавець — Петренко О.'],
    // Bulgarian nouns have no cases: "от Алексей" is right as it is.
    ['bg', 'marketplace', 'Алексей', 'Купих го от Алексей чрез обява в онлайн платформа на 14 март 2025 г.'],
  ] as const)('names the seller so that an undeclined name is grammatical (%s, venue "%s", %s)', (locale, saleVenue, sellerName, sentence) => {
    const text = composeAppealLetter(secondHand({ locale, saleVenue, sellerName }), { enclosed: EVERY_ROLE_ENCLOSED }).sections[1]!.paragraphs.join('\n');
    expect(text).toContain(sentence);
    expect(text).not.toMatch(/у продавца [А-ЯЁ]|в продавця [А-ЯІЇЄҐ]/);
    expect(text).not.toMatch(/\.\./);
  });

  it('leaves the venue out when it is not known, and names the previous owner when the seller is unnamed', () => {
    const text = composeAppealLetter(secondHand({ locale: 'en', sellerName: '', saleVenue: '' }), { enclosed: EVERY_ROLE_ENCLOSED }).sections[0]!.paragraphs.join('\n');
    expect(text).toContain('I bought it from the previous owner on 14 March 2025.');
  });

  it('says what was tried first and quotes the lock screen’s account hint, in every language', () => {
    for (const locale of LOCALES) {
      for (const triedFirst of ['password-reset', 'seller'] as const) {
        const letter = composeAppealLetter(realisticAppeal({ locale, triedFirst, accountHint: '221****878' }), { enclosed: EVERY_ROLE_ENCLOSED });
        for (const section of letter.sections) {
          const text = section.paragraphs.join('\n');
          expect(text).toContain(MESSAGES[section.locale].letter.triedFirst[triedFirst]);
          expect(text).toContain('221****878');
        }
      }
    }
    const plain = letterToText(composeAppealLetter(realisticAppeal({ locale: 'en' }), { enclosed: EVERY_ROLE_ENCLOSED }));
    expect(plain).not.toContain('account.xiaomi.com');
    expect(plain).not.toContain('lock screen shows');
  });

  /**
   * Whose Mi Account locks the phone (the start page's first answer) and where it was bought are
   * separate answers: a phone bought used and signed into the buyer's own account is common, and a
   * phone bought new may carry someone else's. The sentence about the account follows the first.
   */
  describe('names the account the phone asks for as the start page said', () => {
    const ownAccount: Record<string, string> = {
      en: 'asks for the password of my own Mi Account, which I can no longer sign in to.',
      ru: 'запрос пароля от моего собственного Mi Account, в который я больше не могу войти.',
      bg: 'се иска паролата на собствения ми Mi Account, в който вече не мога да вляза.',
      uk: 'запит пароля від мого власного Mi Account, до якого я більше не можу увійти.',
    };
    const previousOwners: Record<string, string> = {
      en: 'asks for the password of the previous owner’s Mi Account.',
      ru: 'запрос пароля от Mi Account прежнего владельца.',
      bg: 'се иска паролата на Mi Account на предишния собственик.',
      uk: 'запит пароля від Mi Account попереднього власника.',
    };
    const unknownOwner: Record<string, string> = {
      en: 'asks for the password of a Mi Account I cannot sign in to.',
      ru: 'запрос пароля от Mi Account, в который я не могу войти.',
      bg: 'се иска паролата на Mi Account, в който не мога да вляза.',
      uk: 'запит пароля від Mi Account, до якого я не можу увійти.',
    };
    const expected = { mine: ownAccount, 'previous-owner': previousOwners, '': unknownOwner } as const;
    const combinations = LOCALES.flatMap((locale) =>
      (['mine', 'previous-owner', ''] as const).flatMap((accountOwner) =>
        (['second-hand', 'authorized-retailer'] as const).map((purchaseChannel) => ({ locale, accountOwner, purchaseChannel })),
      ),
    );

    it.each(combinations)('$locale, account $accountOwner, bought $purchaseChannel', ({ locale, accountOwner, purchaseChannel }) => {
      const letter = composeAppealLetter(secondHand({ locale, accountOwner, purchaseChannel }), { enclosed: EVERY_ROLE_ENCLOSED });
      for (const section of letter.sections) {
        const text = section.paragraphs.join('\n');
        for (const [owner, sentences] of Object.entries(expected)) {
          if (owner === accountOwner) expect(text).toContain(sentences[section.locale]);
          else expect(text).not.toContain(sentences[section.locale]);
        }
      }
    });

    it('never calls the user’s own account the previous owner’s (the audit’s letter)', () => {
      const appeal = secondHand({ locale: 'en', accountOwner: 'mine', triedFirst: 'password-reset' });
      const text = letterToText(composeAppealLetter(appeal, { enclosed: EVERY_ROLE_ENCLOSED }));
      expect(text).toContain('I bought the Redmi Note 13 phone described below second-hand, and it is mine now.');
      expect(text).not.toMatch(/previous owner’s Mi Account/);
      expect(text).toContain('I tried to reset the password at account.xiaomi.com');
    });
  });

  it('no longer claims a box photo or a receipt is enclosed', () => {
    for (const locale of LOCALES) expect(MESSAGES[locale].letter.enclosed).not.toMatch(/IMEI/);
  });
});
