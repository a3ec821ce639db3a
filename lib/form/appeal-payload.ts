import { countEvidence, receiptFactsInForce } from '@/lib/appeal/evidence-rules';
import { APPEAL_TEXT_FIELDS, type AppealTextField } from '@/lib/appeal/field-names';
import { LABEL_TOKENS_FIELD, ZAppealSchema, type TAppeal } from '@/lib/appeal/schema';
import type { Locale } from '@/lib/i18n/locales';
import { inUploadOrder, type AppealDraft, type EvidenceFile } from '@/lib/form/draft';

/** Every text field of the HTTP contract, as the draft holds it. */
export function appealTextFields(draft: AppealDraft, locale: Locale): Record<AppealTextField, string> {
  const values: Record<AppealTextField, string> = {
    ...draft.device,
    ...draft.purchase,
    ...draft.contact,
    receiptShows: draft.receiptShows.join(','),
    accountOwner: draft.triage.whose,
    triedFirst: draft.triage.triedFirst,
    caseReference: draft.caseReference,
    locale,
  };
  return values;
}

/** The appeal as the server will read it, or null while a step is still invalid. */
export function parseDraftAppeal(draft: AppealDraft, locale: Locale): TAppeal | null {
  const parsed = ZAppealSchema.safeParse(appealTextFields(draft, locale));
  return parsed.success ? parsed.data : null;
}

/** The one multipart body POST /api/appeal takes: text fields, then files under their role in the PDF's order. */
export function buildAppealFormData(draft: AppealDraft, files: readonly EvidenceFile[], locale: Locale): FormData {
  const body = new FormData();
  // The receipt checklist's ticks go only with a receipt, not with a second-hand sale record: they
  // are kept in the draft, not sent.
  const text = { ...appealTextFields(draft, locale), receiptShows: receiptFactsInForce(draft.receiptShows, countEvidence(files), draft.purchase).join(',') };
  for (const field of APPEAL_TEXT_FIELDS) {
    if (text[field] !== '') body.append(field, text[field]);
  }
  const tokens = files.flatMap((file) => (file.labelToken ? [file.labelToken] : []));
  if (tokens.length > 0) body.append(LABEL_TOKENS_FIELD, tokens.join(' '));
  for (const file of inUploadOrder(files)) body.append(file.role, file.blob, file.name);
  return body;
}

export function uploadBytes(files: readonly EvidenceFile[]): { sent: number; original: number } {
  return files.reduce(
    (sum, f) => ({ sent: sum.sent + f.blob.size, original: sum.original + f.originalSize }),
    { sent: 0, original: 0 },
  );
}
