import { describe, expect, test } from 'vitest';

import { assessEvidence, proofKindsFor, receiptChecklist, type AssessedAppeal } from '@/lib/appeal/receipt-checklist';
import { RECEIPT_FACTS } from '@/lib/appeal/schema';
import { MESSAGES } from '@/lib/i18n/messages';
import { LOCALES } from '@/lib/i18n/locales';

const strong: AssessedAppeal = {
  receiptShows: ['seller', 'date', 'model', 'imei', 'price', 'stamp'],
  purchaseChannel: 'mi-store',
  saleVenue: '',
  firstBuyerReceipt: '',
  orderNumber: '',
  imei: '868907041234565',
  lockCode: '',
};
const keys = (appeal: AssessedAppeal, context = {}) => assessEvidence(appeal, context).map((w) => w.key);

describe('receiptChecklist', () => {
  test('lists every fact in the schema order, marking what the receipt shows', () => {
    const list = receiptChecklist(['imei', 'seller']);
    expect(list.map((i) => i.fact)).toEqual([...RECEIPT_FACTS]);
    expect(list.filter((i) => i.shown).map((i) => i.fact)).toEqual(['seller', 'imei']);
  });

  test('every label and explanation exists in all four languages', () => {
    for (const item of receiptChecklist([])) {
      for (const locale of LOCALES) {
        const fact = MESSAGES[locale].assistant.receipt.fact[item.fact];
        expect(fact.label, `${locale} ${item.labelKey}`).toBeTruthy();
        expect(fact.why, `${locale} ${item.whyKey}`).toBeTruthy();
      }
    }
  });
});

describe('assessEvidence', () => {
  test('a full till receipt from a Xiaomi store gets no warning', () => {
    expect(assessEvidence(strong, { proofKind: 'receipt' })).toEqual([]);
  });

  test('a receipt showing neither IMEI nor model cannot be tied to the phone', () => {
    expect(keys({ ...strong, receiptShows: ['seller', 'date', 'price'] })).toEqual(['noDeviceLink']);
  });

  test('model without IMEI is only a tip', () => {
    expect(assessEvidence({ ...strong, receiptShows: ['seller', 'date', 'model'] })).toEqual([{ key: 'noImei', level: 'tip' }]);
  });

  test('missing seller and date are named', () => {
    const [warning] = assessEvidence({ ...strong, receiptShows: ['imei', 'price'] });
    expect(warning).toEqual({ key: 'noSellerOrDate', level: 'weak', values: { missing: 'both' } });
    expect(assessEvidence({ ...strong, receiptShows: ['imei', 'seller'] })[0]?.values).toEqual({ missing: 'date' });
  });

  test('an order confirmation or a card statement alone is weak proof', () => {
    expect(keys(strong, { proofKind: 'order-confirmation' })).toEqual(['orderConfirmationOnly']);
    expect(keys(strong, { proofKind: 'card-statement' })).toEqual(['cardStatementOnly']);
  });

  test('no proof at all: one warning, no nagging about receipt facts', () => {
    expect(keys({ ...strong, receiptShows: [] }, { proofKind: 'none' })).toEqual(['noProof']);
    // Bought from a person: no shop to ask for a duplicate; a sale record is their own purchase's proof.
    const secondHand: AssessedAppeal = { ...strong, purchaseChannel: 'second-hand', firstBuyerReceipt: 'no' };
    expect(keys(secondHand, { proofKind: 'none' })).toEqual(['noProofSecondHand', 'secondHandWithoutFirstReceipt']);
    expect(keys(secondHand, { proofKind: 'sale-record' })).toEqual(['secondHandWithoutFirstReceipt']);
  });

  test('second-hand: the purchase step’s answer about the first buyer’s receipt, held against the files', () => {
    const secondHand = { ...strong, purchaseChannel: 'second-hand' as const };
    const withReceipt = { files: { boxPhoto: 1, receipt: 1, extra: 0 } };
    const withoutReceipt = { files: { boxPhoto: 1, receipt: 0, extra: 1 } };
    expect(keys(secondHand)).toEqual(['secondHandWithoutFirstReceipt']);
    expect(keys({ ...secondHand, firstBuyerReceipt: 'no' }, withoutReceipt)).toEqual(['secondHandWithoutFirstReceipt']);
    expect(keys({ ...secondHand, firstBuyerReceipt: 'yes' }, withReceipt)).toEqual([]);
    // "I have it" with nothing under Receipt: a reminder to add it, not advice to go and ask for it.
    expect(keys({ ...secondHand, firstBuyerReceipt: 'yes' }, withoutReceipt)).toEqual(['firstBuyerReceiptNotAdded']);
  });

  test('weak warnings come before tips', () => {
    const appeal: AssessedAppeal = { ...strong, purchaseChannel: 'online-marketplace', receiptShows: ['model'], imei: '', lockCode: 'A1B2C3' };
    const warnings = assessEvidence(appeal, { proofKind: 'order-confirmation' });
    expect(warnings.map((w) => w.key)).toEqual(['noSellerOrDate', 'orderConfirmationOnly', 'noImei', 'onlineWithoutOrderNumber', 'lockCodeOnly']);
    expect(warnings.map((w) => w.level)).toEqual(['weak', 'tip', 'tip', 'tip', 'tip']);
  });

  test('every warning key has a message in every language', () => {
    const all = ['noProof', 'noProofSecondHand', 'firstBuyerReceiptNotAdded', 'orderConfirmationOnly', 'cardStatementOnly', 'secondHandWithoutFirstReceipt', 'noReceiptFacts', 'noDeviceLink', 'noSellerOrDate', 'noImei', 'onlineWithoutOrderNumber', 'lockCodeOnly', 'noReceiptFile', 'noBoxPhoto'];
    for (const locale of LOCALES) for (const key of all) expect(Object.keys(MESSAGES[locale].assistant.warning)).toContain(key);
  });
});

test('the listing-or-chat answer is offered to a second-hand buyer alone', () => {
  expect(proofKindsFor('second-hand')).toContain('sale-record');
  expect(proofKindsFor('mi-store')).not.toContain('sale-record');
  expect(proofKindsFor('mi-store')).toContain('none');
});

describe('assessEvidence grades the whole evidence set', () => {
  const full = { boxPhoto: 1, receipt: 1, extra: 0 };

  test('a full set with a strong receipt has nothing to say', () => {
    expect(keys(strong, { proofKind: 'receipt', files: full })).toEqual([]);
  });

  test('no box: a tip when the receipt carries the IMEI, weak when nothing else does', () => {
    expect(assessEvidence(strong, { files: { ...full, boxPhoto: 0 } })).toEqual([{ key: 'noBoxPhoto', level: 'tip' }]);
    const noImeiOnReceipt = { ...strong, receiptShows: ['seller', 'date', 'model'] as AssessedAppeal['receiptShows'] };
    expect(assessEvidence(noImeiOnReceipt, { files: { ...full, boxPhoto: 0 } })[0]).toEqual({ key: 'noBoxPhoto', level: 'weak' });
  });

  test('no receipt file: weak, and the receipt checklist is not judged', () => {
    const warnings = assessEvidence({ ...strong, receiptShows: [] }, { files: { ...full, receipt: 0 } });
    expect(warnings).toEqual([{ key: 'noReceiptFile', level: 'weak' }]);
  });

  test('the lock code alone with a lock-screen photo: what is missing, weakest first', () => {
    const lockOnly: AssessedAppeal = { ...strong, receiptShows: [], imei: '', lockCode: 'A1B2C3' };
    expect(keys(lockOnly, { files: { boxPhoto: 0, receipt: 0, extra: 1 } })).toEqual(['noReceiptFile', 'noBoxPhoto', 'lockCodeOnly']);
  });

  test('a second-hand sale record under “Receipt” is not judged as a receipt: no nagging about its facts', () => {
    const withRecord = { files: { boxPhoto: 1, receipt: 1, extra: 0 } };
    // The review passes no ticks for a sale record (the evidence step does not ask them).
    const privateSale: AssessedAppeal = { ...strong, purchaseChannel: 'second-hand', saleVenue: 'private', firstBuyerReceipt: 'no', receiptShows: [] };
    expect(keys(privateSale, withRecord)).toEqual(['secondHandWithoutFirstReceipt']);
    expect(keys({ ...privateSale, saleVenue: 'marketplace', firstBuyerReceipt: '' }, withRecord)).toEqual(['secondHandWithoutFirstReceipt']);
    // Ticks left in the draft from before count for nothing either.
    expect(keys({ ...privateSale, receiptShows: ['price'] }, withRecord)).toEqual(['secondHandWithoutFirstReceipt']);
    // A used-phone shop's receipt, and the first buyer's, are receipts: what they show is asked.
    expect(keys({ ...privateSale, saleVenue: 'shop' }, withRecord)).toEqual(['secondHandWithoutFirstReceipt', 'noReceiptFacts']);
    expect(keys({ ...privateSale, firstBuyerReceipt: 'yes' }, withRecord)).toEqual(['noReceiptFacts']);
  });

  test('a second-hand buyer without a receipt hears about the first buyer’s receipt, not a shop receipt', () => {
    const secondHand: AssessedAppeal = { ...strong, purchaseChannel: 'second-hand', receiptShows: [] };
    expect(keys(secondHand, { files: { boxPhoto: 1, receipt: 0, extra: 1 } })).toEqual(['secondHandWithoutFirstReceipt']);
  });
});

