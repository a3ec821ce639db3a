import 'server-only';

import { countEvidence, EVIDENCE_RULES, MIN_EVIDENCE_FILES, receiptFactsInForce } from '@/lib/appeal/evidence-rules';
import { singleLine } from '@/lib/appeal/fields';
import { APPEAL_TEXT_FIELDS } from '@/lib/appeal/field-names';
import { LABEL_TOKENS_FIELD, ZAppealSchema, fieldErrors, type TAppeal } from '@/lib/appeal/schema';
import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { AppError, isAppError } from '@/lib/server/app-error';
import { coverageFor } from '@/lib/server/evidence-pdf/fonts';
import { undrawable } from '@/lib/server/evidence-pdf/text-font';
import { readMultipart, type UploadedFile } from '@/lib/server/multipart';
import type { UploadReservation } from '@/lib/server/upload-budget';

export type AppealRequest = {
  appeal: TAppeal;
  files: UploadedFile[];
  /** Signed box-label readings from the evidence check, unverified (lib/server/label-token.ts). */
  labelTokens: string[];
};

/** One token per box or receipt photo at most (the photos the form checks); anything beyond is not from our form. */
const MAX_LABEL_TOKENS = EVIDENCE_RULES.boxPhoto.max + EVIDENCE_RULES.receipt.max;

/** An appeal without any file, as a field error (`evidence`) next to the text fields' own. */
function missingFileErrors(files: readonly UploadedFile[]): Record<string, string> {
  return files.length < MIN_EVIDENCE_FILES ? { evidence: msg('files.missingEvidence') } : {};
}

/** At most this many characters are quoted back in the message. */
const UNDRAWABLE_QUOTED = 8;

/**
 * Text fields with characters no font of the PDF can draw (Ethiopic, Hangul, hieroglyphs…): they
 * would leave a hole in the letter, so the field is refused and the characters named.
 */
async function undrawableFieldErrors(appeal: TAppeal): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const texts = APPEAL_TEXT_FIELDS.map((field) => [field, appeal[field]] as const).filter(
    (entry): entry is readonly [(typeof APPEAL_TEXT_FIELDS)[number], string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
  const faces = await coverageFor(texts.map(([, text]) => text).join('\n'));
  for (const [field, text] of texts) {
    const missing = undrawable(text, faces);
    if (missing.length > 0) errors[field] = msg('undrawable', { chars: missing.slice(0, UNDRAWABLE_QUOTED).join(' ') });
  }
  return errors;
}

/**
 * Reads POST /api/appeal: the multipart body within its limits, every text field through the one
 * appeal schema, whether the PDF can draw them, and the file counts. Every invalid field is reported at once (400). An error
 * carries the request's `locale` when that field had already arrived.
 */
export async function readAppealRequest(request: Request, memory?: UploadReservation): Promise<AppealRequest> {
  let locale: Locale | undefined;
  try {
    const body = await readMultipart(
      request,
      (name, value) => {
        const hint = singleLine(value).toLowerCase();
        if (name === 'locale' && isLocale(hint)) locale = hint;
      },
      { memory },
    );
    const text = Object.fromEntries(APPEAL_TEXT_FIELDS.map((field) => [field, body.fields[field]]));
    const parsed = ZAppealSchema.safeParse(text);
    const errors = {
      ...(parsed.success ? await undrawableFieldErrors(parsed.data) : fieldErrors(parsed.error)),
      ...missingFileErrors(body.files),
    };
    const invalid = Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined);
    if (!parsed.success || invalid.length > 0) {
      throw new AppError('invalid-fields', msg('request.invalidFields', { count: invalid.length }), {
        fields: Object.fromEntries(invalid),
      });
    }
    // The schema reads `locale` strictly; keep the language the request asked for in so many words.
    const labelTokens = (body.fields[LABEL_TOKENS_FIELD] ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_LABEL_TOKENS);
    // Ticks about a receipt that did not come, or about a second-hand sale record, are no error (the
    // form hides the question then), but they are no fact either: nothing downstream may describe
    // a receipt support never sees.
    const receiptShows = receiptFactsInForce(parsed.data.receiptShows, countEvidence(body.files), parsed.data);
    return { appeal: { ...parsed.data, receiptShows, locale: locale ?? parsed.data.locale }, files: body.files, labelTokens };
  } catch (error) {
    if (isAppError(error)) error.locale ??= locale;
    throw error;
  }
}
