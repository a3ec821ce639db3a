import 'server-only';

import type { EvidenceRole } from '@/lib/appeal/evidence-rules';
import { letterLocales, letterTranslator, type LetterTranslator } from '@/lib/appeal/letter';
import { RECEIPT_FACTS, type ReceiptFact, type TAppeal } from '@/lib/appeal/schema';
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
  /** Files enclosed per role: what is missing is said in so many words. */
  files?: Readonly<Record<EvidenceRole, number>>;
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
 * What the evidence set lacks, in plain words, and how much that weakens the appeal (the review
 * step's grading, lib/appeal/receipt-checklist.ts, says the same to the user).
 */
function missingEvidence(appeal: TAppeal, files: Readonly<Record<EvidenceRole, number>>, { say, label }: ReturnType<typeof sayer>): FactRow | null {
  const missing: FactKey[] = [];
  if (files.boxPhoto === 0) missing.push('facts.missing.boxPhoto');
  if (files.receipt === 0) missing.push(appeal.purchaseChannel === 'second-hand' ? 'facts.missing.firstBuyerReceipt' : 'facts.missing.receipt');
  if (appeal.imei === '' && files.extra === 0) missing.push('facts.missing.lockScreen');
  if (missing.length === 0) return null;
  return {
    label: label('facts.label.notEnclosed'),
    value: say((t) => t('facts.missing.value', { items: missing.map((key) => t(key)).join(', '), count: missing.length })),
    warning: say((t) => t(files.receipt === 0 && files.boxPhoto === 0 ? 'facts.missing.restsOnOthers' : 'facts.missing.weaker')),
  };
}

function receiptChecklist(shown: readonly ReceiptFact[], say: Say): string {
  const notShown = RECEIPT_FACTS.filter((fact) => !shown.includes(fact));
  return say((t, locale) => {
    const list = (facts: readonly ReceiptFact[]) =>
      new Intl.ListFormat(locale, { type: 'conjunction' }).format(facts.map((fact) => t(`receiptFact.${fact}`)));
    if (shown.length === 0) return t('facts.receipt.notStated');
    return notShown.length === 0 ? t('facts.receipt.shows', { shown: list(shown) }) : t('facts.receipt.showsNot', { shown: list(shown), notShown: list(notShown) });
  });
}

/** Every fact the user gave, in the order support checks them; empty optional facts are left out. */
export function buildFactRows(appeal: TAppeal, options: FactRowOptions = {}): FactRow[] {
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
    add('facts.label.firstBuyerReceipt', firstBuyerReceipt ? say((t) => t(`facts.firstBuyerReceipt.${firstBuyerReceipt}`)) : '');
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
  if (options.files?.receipt !== 0) add('facts.label.receipt', receiptChecklist(appeal.receiptShows, say));
  const missing = options.files ? missingEvidence(appeal, options.files, words) : null;
  if (missing) rows.push(missing);
  add('facts.label.caseReference', appeal.caseReference);
  add('facts.label.notes', appeal.notes);
  return rows;
}
