/**
 * Every text field the form asks for, by the step that asks for it: the one list to extend when a
 * field is added. The step schemas (lib/appeal/schema.ts) are type-checked against it (a rule for
 * every name, no rule without one); the draft, the step of each field and the contract's list of
 * text fields are derived from it; labels live in the catalogues under `form.<step>.<field>`.
 * No zod here: the wizard's first page needs the names, not the rules.
 */
export const STEP_TEXT_FIELDS = {
  device: ['imei', 'imei2', 'lockCode', 'serialNumber', 'model'],
  // saleVenue and firstBuyerReceipt are asked for a second-hand purchase only.
  purchase: ['country', 'purchaseChannel', 'sellerName', 'purchaseDate', 'orderNumber', 'price', 'saleVenue', 'firstBuyerReceipt'],
  contact: ['ownerName', 'contactEmail', 'contactPhone', 'linkedAccount', 'accountHint', 'notes'],
} as const;

export type TextStep = keyof typeof STEP_TEXT_FIELDS;
export type StepTextField<Step extends TextStep> = (typeof STEP_TEXT_FIELDS)[Step][number];
/** A step's values as typed (before the schema normalises them): what is saved and restored. */
export type StepValues<Step extends TextStep> = Record<StepTextField<Step>, string>;

/** Text fields sent with the appeal that no text step asks for (accountOwner and triedFirst come from the start page). */
const OTHER_TEXT_FIELDS = ['receiptShows', 'accountOwner', 'triedFirst', 'caseReference', 'locale'] as const;
export type OtherTextField = (typeof OTHER_TEXT_FIELDS)[number];

/** Every text field the contract names, in the order the form and the PDF show them. */
export const APPEAL_TEXT_FIELDS = [
  ...STEP_TEXT_FIELDS.device,
  ...STEP_TEXT_FIELDS.purchase,
  ...STEP_TEXT_FIELDS.contact,
  ...OTHER_TEXT_FIELDS,
] as const;
export type AppealTextField = (typeof APPEAL_TEXT_FIELDS)[number];
