/** The wizard's steps in order. `result` follows once the PDF exists; it is not a form step. */
export const FORM_STEPS = ['device', 'purchase', 'evidence', 'contact', 'review'] as const;
export type FormStep = (typeof FORM_STEPS)[number];
export type WizardStep = FormStep | 'result';

export function isWizardStep(value: unknown): value is WizardStep {
  return value === 'result' || (FORM_STEPS as readonly unknown[]).includes(value);
}

/** Which step asks for each field the server may name in an error. */
export const FIELD_STEP: Record<string, FormStep> = {
  imei: 'device',
  imei2: 'device',
  lockCode: 'device',
  serialNumber: 'device',
  model: 'device',
  country: 'purchase',
  purchaseChannel: 'purchase',
  sellerName: 'purchase',
  purchaseDate: 'purchase',
  orderNumber: 'purchase',
  price: 'purchase',
  boxPhoto: 'evidence',
  receipt: 'evidence',
  extra: 'evidence',
  receiptShows: 'evidence',
  evidence: 'evidence',
  saleVenue: 'purchase',
  firstBuyerReceipt: 'purchase',
  accountHint: 'contact',
  ownerName: 'contact',
  contactEmail: 'contact',
  contactPhone: 'contact',
  linkedAccount: 'contact',
  notes: 'contact',
};
