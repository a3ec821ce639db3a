/**
 * The appeal letter to Xiaomi support: English first (support reads it everywhere), then the
 * user's language when that is not English (regional teams answer in it, and the user can check
 * what is being sent in their name). Pure: the same appeal always gives the same letter.
 */
import { createTranslator } from 'next-intl';

import { multiLine, singleLine } from '@/lib/appeal/fields';
import { firstBuyerReceiptAnswer, receiptFactsInForce, receiptZoneHoldsSaleRecord, type EvidenceCounts } from '@/lib/appeal/evidence-rules';
import { bundleFileName } from '@/lib/appeal/file-name';
import type { PurchaseChannel, TAppeal } from '@/lib/appeal/schema';
import { countryName } from '@/lib/countries';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { formatLongDate, languageName } from '@/lib/i18n/format';
import { LETTER_MESSAGES } from '@/lib/i18n/messages/letter-catalogues';

export type AppealLetterSection = {
  locale: Locale;
  /** One line: never contains CR, LF or another control character. */
  heading: string;
  /** Plain text. A paragraph may hold several lines separated by "\n" (fact lists, notes, sign-off). */
  paragraphs: string[];
};
export type AppealLetter = { sections: AppealLetterSection[] };

export type AppealLetterOptions = {
  caseReference?: string;
  /**
   * The evidence PDF's file name, named in the letter so support knows which attachment to open.
   * Defaults to bundleFileName(appeal), the name the bundle route gives the PDF.
   */
  attachmentName?: string;
  /**
   * The files the PDF carries, per role. The letter calls a receipt attached, or says what it
   * shows, only when one is: an answer given on the purchase step is not a file.
   */
  enclosed: EvidenceCounts;
};
/** The short letter names only the PDF, whatever it holds. */
export type ShortLetterOptions = Omit<AppealLetterOptions, 'enclosed'> & { locales?: Locale[] };

function makeLetterTranslator(locale: Locale) {
  return createTranslator({ locale, messages: LETTER_MESSAGES[locale], namespace: 'letter' });
}
export type LetterTranslator = ReturnType<typeof makeLetterTranslator>;

const letterTranslators = new Map<Locale, LetterTranslator>();

/**
 * The letter catalogue's translator for a locale, made once: a translator compiles each message
 * the first time it is used and keeps it, so a fresh one per appeal compiled the whole letter
 * again every time (measured on the bundle route). It holds templates only, never an appeal.
 * (Here, not beside the catalogues: pages that only import the catalogues must not pull next-intl's
 * translator into their first-load JavaScript.)
 */
export function letterTranslator(locale: Locale): LetterTranslator {
  let translator = letterTranslators.get(locale);
  if (!translator) letterTranslators.set(locale, (translator = makeLetterTranslator(locale)));
  return translator;
}

/** The locales of the letter's sections, in order. */
export function letterLocales(appeal: Pick<TAppeal, 'locale'>): Locale[] {
  return appeal.locale === DEFAULT_LOCALE ? [DEFAULT_LOCALE] : [DEFAULT_LOCALE, appeal.locale];
}

/** What support files the case under: the first IMEI, or the lock code when there is none. */
export function deviceId(appeal: Pick<TAppeal, 'imei' | 'lockCode'>, locale: Locale): string {
  const t = letterTranslator(locale);
  const imei = singleLine(appeal.imei);
  return singleLine(imei ? t('deviceId.imei', { imei }) : t('deviceId.lockCode', { lockCode: singleLine(appeal.lockCode) }));
}

export function letterHeading(appeal: Pick<TAppeal, 'imei' | 'lockCode'>, locale: Locale): string {
  return singleLine(letterTranslator(locale)('heading', { device: deviceId(appeal, locale) }));
}

function deviceFacts(appeal: TAppeal, t: LetterTranslator): string {
  const lines = [t('device.title')];
  if (appeal.model) lines.push(t('device.model', { model: appeal.model }));
  if (appeal.imei && appeal.imei2) {
    lines.push(t('device.imei1', { imei: appeal.imei }), t('device.imei2', { imei: appeal.imei2 }));
  } else if (appeal.imei) {
    lines.push(t('device.imei', { imei: appeal.imei }));
  }
  if (appeal.lockCode) lines.push(t('device.lockCode', { lockCode: appeal.lockCode }));
  if (appeal.serialNumber) lines.push(t('device.serial', { serialNumber: appeal.serialNumber }));
  return lines.join('\n');
}

function purchaseFacts(appeal: TAppeal, t: LetterTranslator, locale: Locale): string {
  const lines = [
    t('purchase.title'),
    t('purchase.date', { date: formatLongDate(appeal.purchaseDate, locale) }),
    t('purchase.country', { country: countryName(appeal.country, locale) }),
    t('purchase.channel', { channel: t(`channel.${appeal.purchaseChannel satisfies PurchaseChannel}`) }),
  ];
  if (appeal.sellerName) lines.push(t('purchase.seller', { sellerName: appeal.sellerName }));
  if (appeal.purchaseChannel === 'second-hand' && appeal.saleVenue) lines.push(t('purchase.saleVenue', { venue: t(`saleVenue.${appeal.saleVenue}`) }));
  if (appeal.orderNumber) lines.push(t('purchase.orderNumber', { orderNumber: appeal.orderNumber }));
  if (appeal.price) lines.push(t('purchase.price', { price: appeal.price }));
  return lines.join('\n');
}

/**
 * A second-hand buyer tells the chain honestly: whom they bought from, where and when, whether the
 * first buyer's receipt exists, and what stands in for it: the receipt of a shop selling used
 * phones, or the record of their own purchase from the previous owner.
 */
function saleChain(appeal: TAppeal, enclosed: EvidenceCounts, t: LetterTranslator, locale: Locale): string | null {
  if (appeal.purchaseChannel !== 'second-hand') return null;
  const values = { venue: appeal.saleVenue || 'none', date: formatLongDate(appeal.purchaseDate, locale) };
  const bought = appeal.sellerName ? t('chain.bought', { ...values, seller: appeal.sellerName }) : t('chain.boughtUnnamed', values);
  const sentence = receiptZoneSentence(appeal, enclosed);
  const receipt = sentence ? t(`chain.${sentence}`) : null;
  // An empty venue leaves a double space; a closing date ending in "г." or "р.", or a seller's name
  // ending in a full stop (ru and uk name the seller last, where a name needs no case ending), a
  // double full stop.
  return [bought.replace(/ {2,}/g, ' ').replace(/ ([.,])/g, '$1').replace(/\.\.$/, '.'), receipt].filter(Boolean).join(' ');
}

/**
 * What the chain says of the files under "Receipt": the answer about the first buyer's receipt,
 * held against what is enclosed, and what else is there: the receipt a shop selling used phones
 * gave, or the record of the user's own purchase from the previous owner
 * (receiptZoneHoldsSaleRecord), never called "the receipt". Either is called attached only when a
 * file is under "Receipt", where the purchase step sends it (the answer reads "…under
 * “Receipt”"). A file under "Other proof" proves nothing of the kind: the device step sends the
 * lock-screen photo there, and the warranty card and the SIM tray go there too. No answer and
 * nothing under "Receipt": nothing to say.
 */
function receiptZoneSentence(appeal: TAppeal, enclosed: EvidenceCounts) {
  const answer = appeal.firstBuyerReceipt;
  if (answer === 'yes') return `firstReceipt.${firstBuyerReceiptAnswer(answer, enclosed)}` as const;
  const own = enclosed.receipt === 0 ? null : receiptZoneHoldsSaleRecord(appeal) ? 'saleRecord' : 'shopReceipt';
  if (answer === 'no') return own === null ? 'firstReceipt.noNotEnclosed' : own === 'saleRecord' ? 'firstReceipt.no' : 'firstReceipt.noShop';
  return own === null ? null : (`ownRecord.${own}` as const);
}

function receiptFacts(appeal: TAppeal, enclosed: EvidenceCounts, t: LetterTranslator, locale: Locale): string | null {
  // What "the receipt" shows, without a receipt in the PDF, would describe a document support
  // never sees; of a second-hand sale record (a listing, a chat), it would call that a receipt.
  const facts = receiptFactsInForce(appeal.receiptShows, enclosed, appeal);
  const [only, ...more] = facts;
  if (only === undefined) return null;
  // A single item has a sentence of its own: Russian agrees the verb with it in number and gender
  // (указано название, указана цена, указан IMEI), which no list can do.
  if (more.length === 0) return t(`receiptOne.${only}`);
  const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(facts.map((fact) => t(`receiptFact.${fact}`)));
  return t('receipt', { facts: list });
}

/**
 * Whose account the phone asks for, as the intro's ICU select names it (ICU keys take no hyphen).
 * Only the start page's answer decides it, never the purchase channel: a phone bought used is
 * often signed into the buyer's own account. No answer gives words true in every case.
 */
function lockedAccount(owner: TAppeal['accountOwner']): 'mine' | 'previousOwner' | 'unknown' {
  if (owner === 'previous-owner') return 'previousOwner';
  return owner === 'mine' ? 'mine' : 'unknown';
}

function contactSentence(appeal: TAppeal, t: LetterTranslator): string {
  return appeal.contactPhone
    ? t('contactWithPhone', { email: appeal.contactEmail, phone: appeal.contactPhone })
    : t('contact', { email: appeal.contactEmail });
}

/** Every value as the schema would leave it, so a hand-built appeal cannot smuggle in a line break. */
function clean(appeal: TAppeal): TAppeal {
  const out = { ...appeal };
  for (const field of ['imei', 'imei2', 'lockCode', 'serialNumber', 'model', 'sellerName', 'orderNumber', 'price', 'ownerName', 'contactEmail', 'contactPhone', 'linkedAccount', 'accountHint'] as const) {
    out[field] = singleLine(appeal[field]);
  }
  out.notes = multiLine(appeal.notes);
  return out;
}

function composeSection(appeal: TAppeal, locale: Locale, options: AppealLetterOptions): AppealLetterSection {
  const t = letterTranslator(locale);
  const caseReference = singleLine(options.caseReference ?? appeal.caseReference ?? '');
  const attachmentName = singleLine(options.attachmentName ?? '') || bundleFileName(appeal);
  const notesHere = appeal.notes !== '' && locale === appeal.locale;
  const notesElsewhere = appeal.notes !== '' && locale !== appeal.locale;

  const paragraphs = [
    t('greeting'),
    t(appeal.purchaseChannel === 'second-hand' ? 'introSecondHand' : 'intro', {
      ownerName: appeal.ownerName,
      model: appeal.model || t('genericModel'),
      account: lockedAccount(appeal.accountOwner),
    }),
    deviceFacts(appeal, t),
    purchaseFacts(appeal, t, locale),
    saleChain(appeal, options.enclosed, t, locale),
    receiptFacts(appeal, options.enclosed, t, locale),
    appeal.linkedAccount ? t('account', { linkedAccount: appeal.linkedAccount }) : null,
    appeal.accountHint ? t('accountHint', { accountHint: appeal.accountHint }) : null,
    appeal.triedFirst ? t(`triedFirst.${appeal.triedFirst}`) : null,
    notesHere ? `${t('notesTitle')}\n${appeal.notes}` : null,
    notesElsewhere ? t('notesBelow', { language: languageName(appeal.locale, locale) }) : null,
    t('ask'),
    t('enclosed', { attachmentName }),
    caseReference ? t('caseReference', { caseReference }) : null,
    contactSentence(appeal, t),
    t('closing'),
    t('signOff', { ownerName: appeal.ownerName }),
  ];
  return { locale, heading: letterHeading(appeal, locale), paragraphs: paragraphs.filter((p): p is string => p !== null) };
}

export function composeAppealLetter(appeal: TAppeal, options: AppealLetterOptions): AppealLetter {
  const cleaned = clean(appeal);
  return { sections: letterLocales(cleaned).map((locale) => composeSection(cleaned, locale, options)) };
}

/** The letter as plain text (LF line breaks): each section's heading, then its paragraphs. */
export function letterToText(letter: AppealLetter): string {
  return letter.sections
    .map((section) => [section.heading, ...section.paragraphs].join('\n\n'))
    .join('\n\n* * *\n\n');
}

/**
 * The short letter for a mailto link too long for the full one: who asks what, where the full
 * appeal is, how to reach the owner. It names the attached PDF, which the user attaches by hand.
 * Only the first section greets and gives the reference and the contact: a second language
 * repeats just the request, because each Cyrillic letter costs six characters of URL. Each section
 * signs in its own language, as in the full letter: an English "Kind regards" under the Russian
 * request mixed the languages mid-text.
 */
export function composeShortAppealLetter(appeal: TAppeal, options: ShortLetterOptions = {}): AppealLetter {
  const cleaned = clean(appeal);
  const attachmentName = singleLine(options.attachmentName ?? '') || bundleFileName(appeal);
  const caseReference = singleLine(options.caseReference ?? cleaned.caseReference ?? '');
  const locales = options.locales ?? letterLocales(cleaned);
  return {
    sections: locales.map((locale, index) => {
      const t = letterTranslator(locale);
      const first = index === 0;
      const paragraphs = [
        first ? t('greeting') : null,
        t('short.ask', { device: deviceId(cleaned, locale) }),
        t('short.pdf', { attachmentName }),
        first && caseReference ? t('caseReference', { caseReference }) : null,
        first ? contactSentence(cleaned, t) : null,
        t('signOff', { ownerName: cleaned.ownerName }),
      ];
      return { locale, heading: letterHeading(cleaned, locale), paragraphs: paragraphs.filter((p): p is string => p !== null) };
    }),
  };
}
