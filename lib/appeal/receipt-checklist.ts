/**
 * What a proof of purchase shows, and an honest word when it is weak. Pure and browser-safe: the
 * review step runs it as the user types; the PDF's fact table names only what the user ticked. Message keys
 * are in the `assistant` namespace.
 *
 * Grounded in what support teams accept (shared notes, domain.md): a legible receipt from the
 * seller with a device description, date, price and the seller's details or stamp, ideally the
 * IMEI (Xiaomi's warranty terms: the IMEI must match the receipt or warranty card). For an online
 * purchase Xiaomi's own no-access flow asks for a screenshot of the order, so an order confirmation
 * counts; a card statement alone shows a payment, not which phone.
 */
import { firstBuyerReceiptAnswer, receiptZoneHoldsSaleRecord, type EvidenceCounts } from '@/lib/appeal/evidence-rules';
import { RECEIPT_FACTS, type ReceiptFact, type TAppeal } from '@/lib/appeal/schema';

export type ReceiptChecklistItem = {
  fact: ReceiptFact;
  shown: boolean;
  /** `assistant` keys: a short label and why support looks for it. */
  labelKey: `receipt.fact.${ReceiptFact}.label`;
  whyKey: `receipt.fact.${ReceiptFact}.why`;
};

export function receiptChecklist(receiptShows: readonly ReceiptFact[]): ReceiptChecklistItem[] {
  return RECEIPT_FACTS.map((fact) => ({
    fact,
    shown: receiptShows.includes(fact),
    labelKey: `receipt.fact.${fact}.label`,
    whyKey: `receipt.fact.${fact}.why`,
  }));
}

/**
 * What the user says their proof of purchase is; asked by the assistant, not part of the appeal.
 * `sale-record` (the listing, the chat, the payment to the seller) is what a second-hand buyer
 * has of their own purchase (domain notes), and is offered to them alone.
 */
export const PROOF_KINDS = ['receipt', 'invoice', 'order-confirmation', 'card-statement', 'sale-record', 'none'] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

/** The answers offered for a purchase channel. */
export function proofKindsFor(purchaseChannel: string): readonly ProofKind[] {
  return purchaseChannel === 'second-hand' ? PROOF_KINDS : PROOF_KINDS.filter((kind) => kind !== 'sale-record');
}

export type EvidenceContext = {
  proofKind?: ProofKind;
  /** How many files the appeal carries in each role; absent when not known yet. */
  files?: EvidenceCounts;
};

export type EvidenceWarningKey =
  | 'noProof'
  | 'noProofSecondHand'
  | 'orderConfirmationOnly'
  | 'cardStatementOnly'
  | 'secondHandWithoutFirstReceipt'
  | 'firstBuyerReceiptNotAdded'
  | 'noReceiptFacts'
  | 'noDeviceLink'
  | 'noSellerOrDate'
  | 'noImei'
  | 'onlineWithoutOrderNumber'
  | 'lockCodeOnly'
  | 'noReceiptFile'
  | 'noBoxPhoto';

export type EvidenceWarning = {
  /** `warning.<key>` in the `assistant` namespace. */
  key: EvidenceWarningKey;
  /** `weak`: support may well refuse the appeal; `tip`: worth fixing, rarely decisive. */
  level: 'weak' | 'tip';
  values?: Record<string, string>;
};

export type AssessedAppeal = Pick<TAppeal, 'receiptShows' | 'purchaseChannel' | 'saleVenue' | 'firstBuyerReceipt' | 'orderNumber' | 'imei' | 'lockCode'>;

function proofWarnings(proofKind: ProofKind | undefined, secondHand: boolean): EvidenceWarning[] {
  switch (proofKind) {
    case 'none':
      // A shop's duplicate receipt is no way out for someone who bought from a person.
      return [{ key: secondHand ? 'noProofSecondHand' : 'noProof', level: 'weak' }];
    case 'order-confirmation':
      return [{ key: 'orderConfirmationOnly', level: 'tip' }];
    case 'card-statement':
      return [{ key: 'cardStatementOnly', level: 'weak' }];
    default:
      return [];
  }
}

function receiptFactWarnings(shows: readonly ReceiptFact[]): EvidenceWarning[] {
  if (shows.length === 0) return [{ key: 'noReceiptFacts', level: 'tip' }];
  const out: EvidenceWarning[] = [];
  const has = (fact: ReceiptFact) => shows.includes(fact);
  if (!has('imei') && !has('model')) out.push({ key: 'noDeviceLink', level: 'weak' });
  const missing = [!has('seller') && 'seller', !has('date') && 'date'].filter((m): m is string => Boolean(m));
  if (missing.length > 0) {
    out.push({ key: 'noSellerOrDate', level: 'weak', values: { missing: missing.length === 2 ? 'both' : (missing[0] ?? 'both') } });
  }
  if (!has('imei') && has('model')) out.push({ key: 'noImei', level: 'tip' });
  return out;
}

/**
 * Warnings for weak proof, the likeliest reasons for a refusal first. Never blocks: the user may
 * send whatever they have; they should know what support will think of it.
 */
export function assessEvidence(appeal: AssessedAppeal, context: EvidenceContext = {}): EvidenceWarning[] {
  const secondHand = appeal.purchaseChannel === 'second-hand';
  // A sale record alone says nothing of the first buyer: the second-hand warning below says what does.
  const warnings: EvidenceWarning[] = [...proofWarnings(context.proofKind, secondHand)];
  // The purchase step asked whether the first buyer's receipt exists; the files say whether it came.
  const { firstBuyerReceipt } = appeal;
  if (secondHand && firstBuyerReceipt !== 'yes') warnings.push({ key: 'secondHandWithoutFirstReceipt', level: 'weak' });
  if (secondHand && firstBuyerReceipt === 'yes' && context.files && firstBuyerReceiptAnswer(firstBuyerReceipt, context.files) === 'yesNotEnclosed') {
    warnings.push({ key: 'firstBuyerReceiptNotAdded', level: 'weak' });
  }
  // The whole evidence set: no role is required, so say what is missing and what else counts.
  const noReceiptFile = context.files?.receipt === 0;
  // A second-hand sale record under "Receipt" (a listing, a chat) is not asked, or judged, as a receipt.
  const saleRecord = receiptZoneHoldsSaleRecord(appeal);
  const receiptShows = saleRecord ? [] : appeal.receiptShows;
  if (noReceiptFile && !secondHand && context.proofKind !== 'none') warnings.push({ key: 'noReceiptFile', level: 'weak' });
  if (context.files?.boxPhoto === 0) {
    // Without the box the IMEI rests on the receipt alone, or on nothing.
    const imeiElsewhere = receiptShows.includes('imei') && !noReceiptFile;
    warnings.push({ key: 'noBoxPhoto', level: imeiElsewhere ? 'tip' : 'weak' });
  }
  // Facts on a receipt mean nothing when the user has said there is no receipt, or attached none,
  // or when what is attached is a sale record.
  if (context.proofKind !== 'none' && !noReceiptFile && !saleRecord) warnings.push(...receiptFactWarnings(receiptShows));
  if (appeal.purchaseChannel === 'online-marketplace' && appeal.orderNumber === '') {
    warnings.push({ key: 'onlineWithoutOrderNumber', level: 'tip' });
  }
  if (appeal.imei === '' && appeal.lockCode !== '') warnings.push({ key: 'lockCodeOnly', level: 'tip' });
  return warnings.sort((a, b) => (a.level === b.level ? 0 : a.level === 'weak' ? -1 : 1));
}
