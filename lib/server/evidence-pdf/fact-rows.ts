import 'server-only';

import { firstBuyerReceiptAnswer, receiptFactsInForce, receiptZoneHoldsSaleRecord, type EvidenceCounts } from '@/lib/appeal/evidence-rules';
import { letterLocales, letterTranslator, type LetterTranslator } from '@/lib/appeal/letter';
import type { ReceiptFact, TAppeal } from '@/lib/appeal/schema';
import { countryName } from '@/lib/countries';
import type { Locale } from '@/lib/i18n/locales';

/**
 * The fact table as data: one row per fact, in the letter's languages (English, which Xiaomi
 * support reads everywhere, then the user's language when that is not English), from the `letter`
 * catalogue the letter itself uses. Drawing code never decides what a row says, so new notes (a
 * barcode match, a receipt check) are added here.
 */
export type FactRow = {
  /** The row's name, one per language of the letter, in the letter's order. */
  label: readonly string[];
  /** What the user gave; a value this code words is given in every language, one line each. */
  value: string;
  /** Short confirmations shown under the value ("check digit valid · matches box label barcode"), a line per language. */
  note?: string;
  /** A short caution shown under the notes, in the warning colour ("not found on box label barcode"). */
  warning?: string;
};

export type FactRowOptions = {
  /**
   * IMEIs read from the box label's barcodes: an IMEI found there gets a "matches" note, one
   * missing from a label that was read a "not found" note. Empty or absent: no label was read.
   */
  boxLabelImeis?: readonly string[];
  /** Files enclosed per role: what is missing is said in so many words, and nothing absent is called attached. */
  files: EvidenceCounts;
};

type FactKey = Parameters<LetterTranslator>[0];

/** Says one thing in each of the letter's languages: one text, a line per language (once when they agree). */
type Say = (words: (t: LetterTranslator, locale: Locale) => string) => string;

function sayer(locales: readonly Locale[]): { say: Say; label: (key: FactKey) => string[] } {
  const translators = locales.map((locale) => [letterTranslator(locale), locale] as const);
  return {
    say: (words) => [...new Set(translators.map(([t, locale]) => words(t, locale)))].join('\n'),
    label: (key) => [...new Set(translators.map(([t]) => t(key)))],
  };
}

/**
 * Whether the proof a missing receipt stands for is the first buyer's receipt: a second-hand buyer
 * has none of their own, unless a shop selling used phones sold the phone and gave one.
 */
function firstBuyersReceiptExpected(appeal: TAppeal): boolean {
  return appeal.purchaseChannel === 'second-hand' && (appeal.firstBuyerReceipt === 'yes' || receiptZoneHoldsSaleRecord(appeal));
}

/**
 * What the evidence set lacks, in plain words. Only that: the PDF goes to the people who decide
 * the appeal, and it must not argue that the case is weak (it said "the appeal is weaker without
 * it", in red). How much a missing piece weighs is the user's to know, on the review step
 * (lib/appeal/receipt-checklist.ts).
 */
function missingEvidence(appeal: TAppeal, files: EvidenceCounts, { say, label }: ReturnType<typeof sayer>): FactRow | null {
  const missing: FactKey[] = [];
  if (files.boxPhoto === 0) missing.push('facts.missing.boxPhoto');
  if (files.receipt === 0) missing.push(firstBuyersReceiptExpected(appeal) ? 'facts.missing.firstBuyerReceipt' : 'facts.missing.receipt');
  if (appeal.imei === '' && files.extra === 0) missing.push('facts.missing.lockScreen');
  if (missing.length === 0) return null;
  return {
    label: label('facts.label.notEnclosed'),
    // Only that they are not enclosed: whether the owner has them is not something the form asks.
    value: say((t) => missing.map((key) => t(key)).join(', ')),
  };
}

/**
 * What the user ticked as shown on the receipt. An unticked fact is not said to be missing: the
 * receipt itself is in the PDF, and a box left blank is no evidence that it lacks anything.
 */
function receiptShows(shown: readonly ReceiptFact[], say: Say): string {
  const [only, ...more] = shown;
  if (only === undefined) return '';
  // One item in words of its own, as in the letter: Russian agrees the verb with it (указана цена).
  if (more.length === 0) return say((t) => t(`facts.receipt.showsOne.${only}`));
  return say((t, locale) => t('facts.receipt.shows', { shown: new Intl.ListFormat(locale, { type: 'conjunction' }).format(shown.map((fact) => t(`receiptFact.${fact}`))) }));
}

/** Every fact the user gave, in the order support checks them; empty optional facts are left out. */
export function buildFactRows(appeal: TAppeal, options: FactRowOptions): FactRow[] {
  const words = sayer(letterLocales(appeal));
  const { say, label } = words;
  const rows: FactRow[] = [];
  const add = (key: FactKey, value: string) => {
    if (value !== '') rows.push({ label: label(key), value });
  };
  const imeiRow = (key: FactKey, imei: string) => {
    const read = options.boxLabelImeis ?? [];
    const notes: FactKey[] = read.includes(imei) ? ['facts.imei.checkDigit', 'facts.imei.onLabel'] : ['facts.imei.checkDigit'];
    const note = say((t) => notes.map((note) => t(note)).join(' · '));
    const warning = read.length > 0 && !read.includes(imei) ? say((t) => t('facts.imei.notOnLabel')) : undefined;
    rows.push({ label: label(key), value: imei, note, ...(warning ? { warning } : {}) });
  };

  if (appeal.imei) imeiRow(appeal.imei2 ? 'facts.label.imei1' : 'facts.label.imei', appeal.imei);
  if (appeal.imei2) imeiRow('facts.label.imei2', appeal.imei2);
  add('facts.label.lockCode', appeal.lockCode);
  add('facts.label.serialNumber', appeal.serialNumber);
  add('facts.label.model', appeal.model);
  add('facts.label.country', `${say((_, locale) => countryName(appeal.country, locale))} (${appeal.country})`);
  add('facts.label.channel', say((t) => t(`channel.${appeal.purchaseChannel}`)));
  add('facts.label.seller', appeal.sellerName);
  if (appeal.purchaseChannel === 'second-hand') {
    const { saleVenue, firstBuyerReceipt } = appeal;
    add('facts.label.saleVenue', saleVenue ? say((t) => t(`saleVenue.${saleVenue}`)) : '');
    const answer = firstBuyerReceipt && firstBuyerReceiptAnswer(firstBuyerReceipt, options.files);
    add('facts.label.firstBuyerReceipt', answer ? say((t) => t(`facts.firstBuyerReceipt.${answer}`)) : '');
  }
  add('facts.label.purchaseDate', appeal.purchaseDate);
  add('facts.label.orderNumber', appeal.orderNumber);
  add('facts.label.price', appeal.price);
  add('facts.label.ownerName', appeal.ownerName);
  add('facts.label.contactEmail', appeal.contactEmail);
  add('facts.label.contactPhone', appeal.contactPhone);
  add('facts.label.linkedAccount', appeal.linkedAccount);
  add('facts.label.accountHint', appeal.accountHint);
  const { triedFirst } = appeal;
  add('facts.label.triedFirst', triedFirst ? say((t) => t(`facts.triedFirst.${triedFirst}`)) : '');
  add('facts.label.receipt', receiptShows(receiptFactsInForce(appeal.receiptShows, options.files, appeal), say));
  const missing = missingEvidence(appeal, options.files, words);
  if (missing) rows.push(missing);
  add('facts.label.caseReference', appeal.caseReference);
  add('facts.label.notes', appeal.notes);
  return rows;
}
