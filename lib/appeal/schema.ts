/**
 * The one appeal schema, used by the form (zodResolver, step by step) and by POST /api/appeal.
 * Every message is a translation key (see lib/i18n/field-message.ts), so each side answers in the
 * user's language. Files are not part of this schema: their counts and types are checked by
 * lib/appeal/evidence-rules.ts on both sides, and their content only on the server.
 */
import { z } from 'zod';

import { checkImei, normalizeImeiInput, strayInImei } from '@/lib/imei';
import { DEFAULT_LOCALE, LOCALES } from '@/lib/i18n/locales';
import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { COUNTRY_CODES } from '@/lib/countries';
import { multiLine, singleLine } from '@/lib/appeal/fields';
import { normalizeLockCode } from '@/lib/appeal/lock-code';
import { ACCOUNT_HINT_MAX, ACCOUNT_OWNERS, TRIED_FIRST, accountHintProblem } from '@/lib/appeal/triage-answers';
import type { OtherTextField, StepTextField } from '@/lib/appeal/field-names';

export { ACCOUNT_OWNERS, TRIED_FIRST, type AccountOwner, type TriedFirst } from '@/lib/appeal/triage-answers';

export const PURCHASE_CHANNELS = [
  'mi-store',
  'authorized-retailer',
  'online-marketplace',
  'carrier',
  'second-hand',
  'other-seller',
] as const;
export type PurchaseChannel = (typeof PURCHASE_CHANNELS)[number];

/** Second-hand only: where the sale to the user happened. */
export const SALE_VENUES = ['marketplace', 'shop', 'private'] as const;
export type SaleVenue = (typeof SALE_VENUES)[number];

/** Second-hand only: whether the user holds the first buyer's receipt. */
export const FIRST_BUYER_RECEIPT = ['yes', 'no'] as const;
export type FirstBuyerReceipt = (typeof FIRST_BUYER_RECEIPT)[number];

/** Longest accepted value per field, in characters after normalisation. */
export const FIELD_MAX = {
  imei: 40,
  lockCode: 64,
  serialNumber: 40,
  model: 80,
  sellerName: 120,
  orderNumber: 80,
  price: 40,
  ownerName: 120,
  contactEmail: 254,
  contactPhone: 40,
  linkedAccount: 254,
  accountHint: ACCOUNT_HINT_MAX,
  notes: 2000,
} as const;

const LOCK_CODE_MIN = 4;
/** Xiaomi's first phone shipped in 2011; an earlier purchase date is a typo. */
export const EARLIEST_PURCHASE_DATE = '2010-01-01';

/** A one-line text field; `required` decides whether the empty string is an error. */
function line(max: number, required = false) {
  const base = z
    .string({ error: msg('notText') })
    .optional()
    .transform((v) => singleLine(v ?? ''))
    .pipe(z.string().max(max, { error: msg('tooLong', { max }) }));
  return required ? base.pipe(z.string().min(1, { error: msg('required') })) : base;
}

/** An IMEI field: empty is allowed here (the step decides), anything else must be a valid IMEI. */
const imeiField = z
  .string({ error: msg('notText') })
  .optional()
  .transform((v) => singleLine(v ?? ''))
  .pipe(z.string().max(FIELD_MAX.imei, { error: msg('tooLong', { max: FIELD_MAX.imei }) }))
  .transform((value, ctx) => {
    const check = checkImei(value);
    switch (check.kind) {
      case 'empty':
        return '';
      case 'valid':
        return check.imei;
      case 'missing-check-digit':
        ctx.addIssue({ code: 'custom', message: msg('imei.missingCheckDigit', { suggestion: check.suggestion }) });
        return z.NEVER;
      case 'imeisv':
        ctx.addIssue({ code: 'custom', message: msg('imei.imeisv', { suggestion: check.suggestion }) });
        return z.NEVER;
      case 'wrong-check-digit':
        ctx.addIssue({
          code: 'custom',
          message: msg('imei.wrongCheckDigit', { digits: normalizeImeiInput(value).length }),
        });
        return z.NEVER;
      case 'not-an-imei':
        // "Remove the letters" only when there are some ("12345" needs more digits, not fewer
        // letters), and "the letter O is not a zero" only when an O is there.
        ctx.addIssue({ code: 'custom', message: msg('imei.notAnImei', { digits: check.digitCount, stray: strayInImei(value) ?? 'none' }) });
        return z.NEVER;
    }
  });

/**
 * The lock code shown after tapping "This device is locked" ten times: free text, never
 * Luhn-checked, its spaces taken out (normalizeLockCode says why) before any rule runs.
 */
const lockCodeField = z
  .string({ error: msg('notText') })
  .optional()
  .transform((v) => normalizeLockCode(v ?? ''))
  .pipe(z.string().max(FIELD_MAX.lockCode, { error: msg('tooLong', { max: FIELD_MAX.lockCode }) }))
  .refine((v) => v === '' || /^[\p{L}\p{N}-]+$/u.test(v), { error: msg('lockCode.characters') })
  .refine((v) => v === '' || v.length >= LOCK_CODE_MIN, { error: msg('lockCode.tooShort', { min: LOCK_CODE_MIN }) });

/** Today's date as YYYY-MM-DD in the latest time zone on Earth (UTC+14), so no user's "today" is refused. */
export function latestTodayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const purchaseDateField = z
  .string({ error: msg('notText') })
  .optional()
  .transform((v) => singleLine(v ?? ''))
  .superRefine((value, ctx) => {
    if (value === '') ctx.addIssue({ code: 'custom', message: msg('required') });
    else if (!isCalendarDate(value)) ctx.addIssue({ code: 'custom', message: msg('date.invalid') });
    else if (value > latestTodayIso()) ctx.addIssue({ code: 'custom', message: msg('date.future') });
    else if (value < EARLIEST_PURCHASE_DATE) ctx.addIssue({ code: 'custom', message: msg('date.tooEarly') });
  });

/**
 * The slips that make an address invalid, named so the message can say which ("…@gmail" lacks
 * its ending, "maria ivanova@…" has a space, "…@gmail,com" a comma for a dot, "…@gmail.com." a
 * dot too many); z.email judges whatever else is wrong.
 */
export function emailSlip(address: string): 'noAt' | 'manyAt' | 'comma' | 'space' | 'trailingDot' | 'doubleDot' | 'noDomainEnding' | null {
  const ats = address.split('@').length - 1;
  if (ats === 0) return 'noAt';
  if (ats > 1) return 'manyAt';
  if (address.includes(',')) return 'comma';
  if (/\s/.test(address)) return 'space';
  const domain = address.slice(address.indexOf('@') + 1);
  // A real ending and a dot (or more) after it; "maria@gmail." has no ending to keep.
  if (/\.[^.]{2,}\.+$/.test(domain)) return 'trailingDot';
  if (address.includes('..')) return 'doubleDot';
  if (domain !== '' && !/\.[^.]{2,}$/.test(domain)) return 'noDomainEnding';
  return null;
}

const emailField = line(FIELD_MAX.contactEmail, true)
  .pipe(
    z.string().superRefine((value, ctx) => {
      const slip = emailSlip(value);
      if (slip) ctx.addIssue({ code: 'custom', message: msg(`email.${slip}`) });
    }),
  )
  .pipe(z.email({ error: msg('email.invalid') }));

const phoneField = line(FIELD_MAX.contactPhone).refine(
  (v) => v === '' || (/^\+?[\d\s().-]+$/.test(v) && /^(?:\D*\d){5,20}\D*$/.test(v)),
  { error: msg('phone.invalid') },
);

const countryField = z
  .string({ error: msg('notText') })
  .optional()
  .transform((v) => singleLine(v ?? '').toUpperCase())
  .superRefine((value, ctx) => {
    // A drop-down is chosen, not filled in.
    if (value === '') ctx.addIssue({ code: 'custom', message: msg('choice.required') });
    else if (!(COUNTRY_CODES as readonly string[]).includes(value)) ctx.addIssue({ code: 'custom', message: msg('country.invalid') });
  });

const channelField = z
  .string({ error: msg('notText') })
  .optional()
  .transform((v) => singleLine(v ?? ''))
  .pipe(
    z.enum(PURCHASE_CHANNELS, {
      error: (issue) => (issue.input === '' ? msg('choice.required') : msg('channel.invalid')),
    }),
  );

/** An optional choice: empty, or one of `values`. */
function optionalChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string({ error: msg('notText') })
    .optional()
    .transform((v) => singleLine(v ?? ''))
    .pipe(z.union([z.literal(''), z.enum(values)], { error: msg('choice.invalid') }));
}

/**
 * The masked account the lock screen shows (e.g. 221****878), judged by the rule the start page
 * applies too (accountHintProblem), so the hint it hands over is judged the same here.
 */
const accountHintField = z
  .string({ error: msg('notText') })
  .optional()
  .transform((v) => singleLine(v ?? ''))
  .superRefine((hint, ctx) => {
    const problem = accountHintProblem(hint);
    if (problem === 'tooLong') ctx.addIssue({ code: 'custom', message: msg('tooLong', { max: FIELD_MAX.accountHint }) });
    else if (problem === 'characters') ctx.addIssue({ code: 'custom', message: msg('accountHint.characters') });
  });

/** The language of the letter and the answers; anything unknown is English, never an error. */
const localeField = z
  .string()
  .optional()
  .transform((v) => singleLine(v ?? '').toLowerCase())
  .pipe(z.enum(LOCALES))
  .catch(DEFAULT_LOCALE);

/** What the user says the receipt shows (the checklist support teams judge a receipt by). */
export const RECEIPT_FACTS = ['seller', 'date', 'model', 'imei', 'price', 'stamp'] as const;
export type ReceiptFact = (typeof RECEIPT_FACTS)[number];

/**
 * Sent as one comma-separated text field (`seller,date,imei`) so the multipart contract stays
 * one value per field; read back as a de-duplicated list in the checklist's order.
 */
const receiptShowsField = z
  .string({ error: msg('notText') })
  .optional()
  .transform((v, ctx) => {
    const items = singleLine(v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = items.find((item) => !(RECEIPT_FACTS as readonly string[]).includes(item));
    if (unknown !== undefined) {
      ctx.addIssue({ code: 'custom', message: msg('receiptShows.invalid') });
      return z.NEVER;
    }
    return RECEIPT_FACTS.filter((fact) => items.includes(fact));
  });

/** A reference the browser makes up once per appeal (AK-XXXX-XXXX) and repeats in every follow-up. */
export const CASE_REFERENCE_PATTERN = /^AK-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
const caseReferenceField = z
  .string({ error: msg('notText') })
  .optional()
  .transform((v) => singleLine(v ?? '').toUpperCase())
  .refine((v) => v === '' || CASE_REFERENCE_PATTERN.test(v), { error: msg('caseReference.invalid') });

// ---- Steps -------------------------------------------------------------------------------------

const deviceShape = {
  imei: imeiField,
  imei2: imeiField,
  lockCode: lockCodeField,
  serialNumber: line(FIELD_MAX.serialNumber),
  model: line(FIELD_MAX.model),
} satisfies Record<StepTextField<'device'>, z.ZodType>;

/**
 * Rules across the device fields. They run even when another field of the appeal is invalid
 * (`when`), so a user sees every problem at once. A field that already failed its own rule is
 * left out: its own message is the useful one (a 50-character IMEI is "too long", not "the same
 * as the first").
 */
function checkDevice(value: unknown, ctx: z.RefinementCtx) {
  if (typeof value !== 'object' || value === null) return;
  const failed = new Set(ctx.issues.map((issue) => issue.path?.[0]));
  const valid = (field: 'imei' | 'imei2' | 'lockCode'): string | null => {
    const v: unknown = (value as Record<string, unknown>)[field];
    return typeof v === 'string' && !failed.has(field) ? v : null;
  };
  const imei = valid('imei');
  const imei2 = valid('imei2');
  const lockCode = valid('lockCode');
  // One message for the empty first IMEI, the precise one first: the form shows a field's first
  // message only, and "enter the IMEI or the lock code" says nothing to someone who typed IMEI2.
  if (imei === '' && imei2) ctx.addIssue({ code: 'custom', path: ['imei'], message: msg('imei.secondWithoutFirst') });
  else if (imei === '' && lockCode === '') ctx.addIssue({ code: 'custom', path: ['imei'], message: msg('imeiOrLockCode') });
  if (imei && imei2 && imei === imei2) ctx.addIssue({ code: 'custom', path: ['imei2'], message: msg('imei.sameAsFirst') });
}

const EVEN_IF_OTHER_FIELDS_FAIL = { when: () => true };

export const ZDeviceStepSchema = z.object(deviceShape).superRefine(checkDevice, EVEN_IF_OTHER_FIELDS_FAIL);
export type TDeviceStepInput = z.input<typeof ZDeviceStepSchema>;
export type TDeviceStep = z.output<typeof ZDeviceStepSchema>;

const purchaseShape = {
  country: countryField,
  purchaseChannel: channelField,
  sellerName: line(FIELD_MAX.sellerName),
  purchaseDate: purchaseDateField,
  orderNumber: line(FIELD_MAX.orderNumber),
  price: line(FIELD_MAX.price),
  saleVenue: optionalChoice(SALE_VENUES),
  firstBuyerReceipt: optionalChoice(FIRST_BUYER_RECEIPT),
} satisfies Record<StepTextField<'purchase'>, z.ZodType>;

export const ZPurchaseStepSchema = z.object(purchaseShape);
export type TPurchaseStepInput = z.input<typeof ZPurchaseStepSchema>;
export type TPurchaseStep = z.output<typeof ZPurchaseStepSchema>;

const contactShape = {
  ownerName: line(FIELD_MAX.ownerName, true),
  contactEmail: emailField,
  contactPhone: phoneField,
  linkedAccount: line(FIELD_MAX.linkedAccount),
  accountHint: accountHintField,
  notes: z
    .string({ error: msg('notText') })
    .optional()
    .transform((v) => multiLine(v ?? ''))
    .pipe(z.string().max(FIELD_MAX.notes, { error: msg('tooLong', { max: FIELD_MAX.notes }) })),
} satisfies Record<StepTextField<'contact'>, z.ZodType>;

export const ZContactStepSchema = z.object(contactShape);
export type TContactStepInput = z.input<typeof ZContactStepSchema>;
export type TContactStep = z.output<typeof ZContactStepSchema>;

// ---- The whole appeal --------------------------------------------------------------------------

/**
 * The text part of an appeal as the server receives it. Optional fields may be absent from the
 * multipart body; they are read as empty strings.
 */
export const ZAppealSchema = z
  .object({
    ...deviceShape,
    ...purchaseShape,
    ...contactShape,
    ...({
      receiptShows: receiptShowsField,
      // Empty when the start page was skipped: the letter then names the account in words true either way.
      accountOwner: optionalChoice(ACCOUNT_OWNERS),
      triedFirst: optionalChoice(TRIED_FIRST),
      caseReference: caseReferenceField,
      locale: localeField,
    } satisfies Record<OtherTextField, z.ZodType>),
  })
  .superRefine(checkDevice, EVEN_IF_OTHER_FIELDS_FAIL);
export type TAppealInput = z.input<typeof ZAppealSchema>;
export type TAppeal = z.output<typeof ZAppealSchema>;


/**
 * Not part of the appeal: the evidence check's signed readings of box and receipt photos
 * (space-separated), which spare the bundle a second reading of a label and a second decode of a
 * photo. Optional; a missing or invalid token only means doing that work again.
 */
export const LABEL_TOKENS_FIELD = 'labelTokens';

/** Field name → first message, for every invalid field (not only the first). */
export function fieldErrors(error: z.ZodError): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_');
    out[field] ??= issue.message;
  }
  return out;
}
