import 'server-only';

import type { EvidenceRole } from '@/lib/appeal/evidence-rules';
import { RECEIPT_FACTS, type PurchaseChannel, type ReceiptFact, type SaleVenue, type TAppeal } from '@/lib/appeal/schema';
import { countryName } from '@/lib/countries';

/**
 * The fact table as data: one row per fact, labels in English because Xiaomi support works in
 * English (the letter above carries the user's language). Drawing code never decides what a row
 * says, so new notes (a barcode match, a receipt check) are added here.
 */
export type FactRow = {
  label: string;
  value: string;
  /** Short confirmations shown under the value ("check digit valid"). */
  notes?: string[];
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

const SALE_VENUE_LABEL: Record<SaleVenue, string> = {
  marketplace: 'online marketplace listing',
  shop: 'shop selling used phones',
  private: 'private sale',
};

const TRIED_FIRST_LABEL: Record<Exclude<TAppeal['triedFirst'], ''>, string> = {
  'password-reset': 'password reset at account.xiaomi.com: did not give access',
  seller: 'asked the seller to remove the phone from their account: refused or no answer',
};

/**
 * What the evidence set lacks, in plain words, and how much that weakens the appeal (the review
 * step's grading, lib/assistant/receipt-checklist.ts, says the same to the user).
 */
function missingEvidence(appeal: TAppeal, files: Readonly<Record<EvidenceRole, number>>): FactRow | null {
  const secondHand = appeal.purchaseChannel === 'second-hand';
  const missing: string[] = [];
  if (files.boxPhoto === 0) missing.push('box label photo');
  if (files.receipt === 0) missing.push(secondHand ? "first buyer's receipt" : 'receipt or order record');
  if (appeal.imei === '' && files.extra === 0) missing.push('lock screen photo');
  if (missing.length === 0) return null;
  return {
    label: 'Not enclosed',
    value: `${missing.join(', ')} (the owner does not have ${missing.length === 1 ? 'it' : 'them'})`,
    warning: files.receipt === 0 && files.boxPhoto === 0 ? 'the appeal rests on the remaining evidence below' : 'the appeal is weaker without it',
  };
}

const CHANNEL_LABEL: Record<PurchaseChannel, string> = {
  'mi-store': 'Mi Store / Xiaomi store',
  'authorized-retailer': 'Authorised retailer',
  'online-marketplace': 'Online marketplace',
  carrier: 'Mobile carrier',
  'second-hand': 'Second-hand (previous owner)',
  'other-seller': 'Other seller',
};

const RECEIPT_FACT_LABEL: Record<ReceiptFact, string> = {
  seller: 'seller',
  date: 'date',
  model: 'model',
  imei: 'IMEI',
  price: 'price',
  stamp: 'stamp or signature',
};

function imeiRow(label: string, imei: string, boxLabelImeis: readonly string[] | undefined): FactRow {
  const notes = ['check digit valid'];
  if (boxLabelImeis?.includes(imei)) notes.push('matches box label barcode');
  const warning = boxLabelImeis && boxLabelImeis.length > 0 && !boxLabelImeis.includes(imei) ? 'not found on box label barcode' : undefined;
  return { label, value: imei, notes, ...(warning ? { warning } : {}) };
}

function receiptChecklist(shown: readonly ReceiptFact[]): string {
  const notShown = RECEIPT_FACTS.filter((fact) => !shown.includes(fact));
  const list = (facts: readonly ReceiptFact[]) => facts.map((fact) => RECEIPT_FACT_LABEL[fact]).join(', ');
  if (shown.length === 0) return 'not stated';
  return notShown.length === 0 ? `shows ${list(shown)}` : `shows ${list(shown)}; does not show ${list(notShown)}`;
}

/** Every fact the user gave, in the order support checks them; empty optional facts are left out. */
export function buildFactRows(appeal: TAppeal, options: FactRowOptions = {}): FactRow[] {
  const rows: FactRow[] = [];
  const add = (label: string, value: string) => {
    if (value !== '') rows.push({ label, value });
  };
  if (appeal.imei) rows.push(imeiRow(appeal.imei2 ? 'IMEI 1' : 'IMEI', appeal.imei, options.boxLabelImeis));
  if (appeal.imei2) rows.push(imeiRow('IMEI 2', appeal.imei2, options.boxLabelImeis));
  add('Lock code', appeal.lockCode);
  add('Serial number', appeal.serialNumber);
  add('Model', appeal.model);
  add('Country of purchase', `${countryName(appeal.country, 'en')} (${appeal.country})`);
  add('Bought from', CHANNEL_LABEL[appeal.purchaseChannel]);
  add('Seller', appeal.sellerName);
  if (appeal.purchaseChannel === 'second-hand') {
    add('Where the sale happened', appeal.saleVenue ? SALE_VENUE_LABEL[appeal.saleVenue] : '');
    add("First buyer's receipt", appeal.firstBuyerReceipt === 'yes' ? 'attached' : appeal.firstBuyerReceipt === 'no' ? 'not available' : '');
  }
  add('Purchase date', appeal.purchaseDate);
  add('Order / receipt number', appeal.orderNumber);
  add('Price', appeal.price);
  add('Owner', appeal.ownerName);
  add('Contact e-mail', appeal.contactEmail);
  add('Contact phone', appeal.contactPhone);
  add('Previously bound account', appeal.linkedAccount);
  add('Lock screen shows', appeal.accountHint);
  add('Tried before this appeal', appeal.triedFirst ? TRIED_FIRST_LABEL[appeal.triedFirst] : '');
  if (options.files?.receipt !== 0) add('Receipt', receiptChecklist(appeal.receiptShows));
  const missing = options.files ? missingEvidence(appeal, options.files) : null;
  if (missing) rows.push(missing);
  add('Case reference', appeal.caseReference);
  add('Notes', appeal.notes);
  return rows;
}
