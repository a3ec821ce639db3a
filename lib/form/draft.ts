import { countEvidence, inEvidenceOrder, type EvidenceCounts, type EvidenceKind, type EvidenceRole } from '@/lib/appeal/evidence-rules';
import { STEP_TEXT_FIELDS, type StepValues, type TextStep } from '@/lib/appeal/field-names';
import type { ReceiptFact } from '@/lib/appeal/schema';
import { generateCaseReference } from '@/lib/form/case-reference';
import { isWizardStep, type WizardStep } from '@/lib/form/steps';
import { parseTriage, type Triage } from '@/lib/form/triage';
import type { Locale } from '@/lib/i18n/locales';

/** What the draft keeps of the start page's answers (the account hint joins the contact step). */
export type DraftTriage = Omit<Triage, 'accountHint'>;

/** The form's values as typed (before the schema normalises them): what is saved and restored. */
export type DeviceValues = StepValues<'device'>;
export type PurchaseValues = StepValues<'purchase'>;
export type ContactValues = StepValues<'contact'>;

/** A remark about one file, shown under its thumbnail (e.g. "label read: IMEI 86…", "photo is blurred"). */
export type EvidenceNote = { key: string; values?: Record<string, string | number>; tone: 'info' | 'warning' };

export type EvidenceFile = {
  id: string;
  role: EvidenceRole;
  /**
   * The name the user's file has, shown and sent as it is, also when the photo is sent as a JPEG
   * (the server decides the type from the bytes). Drafts from older builds may hold `….jpg` here.
   */
  name: string;
  kind: EvidenceKind;
  /** What will be uploaded: the shrunk photo, or the original when shrinking would not help. */
  blob: Blob;
  originalSize: number;
  /**
   * When the user chose the file (ms since the epoch; files chosen together share it and keep
   * their order): the upload and the PDF follow it within a role, never the order in which
   * shrinking finished. A replaced file keeps the time of the one it replaces.
   */
  addedAt: number;
  /** The evidence check's signed reading of a box or receipt photo (see EvidenceCheck), sent with the appeal. */
  labelToken?: string;
  /** Open slot for checks that run on the file (box-label reader, photo warnings). */
  notes: EvidenceNote[];
  /**
   * The picked file's name, size and date (see sourceOf): the same photo picked again, on the
   * device step and then on the Proof step, is not added twice. Absent in older drafts.
   */
  source?: string;
};

/**
 * The files in the order they are uploaded and shown in the PDF: by role (box, receipt, extra),
 * then in the order the user chose them. Shrinking a 12 MP photo takes longer than a screenshot,
 * so the order in which files were ready says nothing.
 */
export function inUploadOrder(files: readonly EvidenceFile[]): EvidenceFile[] {
  return inEvidenceOrder([...files].sort((a, b) => a.addedAt - b.addedAt));
}

export type AppealDraft = {
  version: 1;
  step: WizardStep;
  /** The furthest form step reached (its index): the stepper links back to any step up to it. */
  furthest: number;
  caseReference: string;
  device: DeviceValues;
  purchase: PurchaseValues;
  /** Where the e-mail goes; follows the country until the user types their own. */
  recipient: string;
  recipientEdited: boolean;
  receiptShows: ReceiptFact[];
  contact: ContactValues;
  /** The start page's answers: whose account, what was tried first. */
  triage: DraftTriage;
  /** Xiaomi's ticket or case number, noted after sending; the follow-ups quote it. */
  ticket: string;
  /** Messages from the server for fields, already translated, until the user edits the step. */
  serverErrors: Record<string, string>;
};

export type AppealResult = {
  pdf: Blob;
  fileName: string;
  recipient: string;
  /** What the PDF carries, per role, so the e-mail's letter says what the PDF's letter says. */
  enclosed: EvidenceCounts;
  /**
   * The language the appeal was sent in: the PDF's letter is in it, so the e-mail and the
   * reminders stay in it when the page is switched to another language. Absent in results saved
   * by an older build (the page's language is used then).
   */
  locale?: Locale;
};

/**
 * One step's values from what a store holds: every field of the step, as saved when it is text
 * and empty otherwise; anything else the store holds (a field an older build had) is dropped.
 */
function stepValues<Step extends TextStep>(step: Step, saved?: unknown): StepValues<Step> {
  const source: Partial<Record<string, unknown>> = typeof saved === 'object' && saved !== null ? { ...saved } : {};
  const values: Partial<Record<string, string>> = {};
  for (const field of STEP_TEXT_FIELDS[step]) {
    const value = source[field];
    values[field] = typeof value === 'string' ? value : '';
  }
  return values as StepValues<Step>;
}

export function emptyDraft(): AppealDraft {
  return {
    version: 1,
    step: 'device',
    furthest: 0,
    caseReference: generateCaseReference(),
    device: stepValues('device'),
    purchase: stepValues('purchase'),
    recipient: '',
    recipientEdited: false,
    receiptShows: [],
    contact: stepValues('contact'),
    triage: { whose: '', triedFirst: '' },
    ticket: '',
    serverErrors: {},
  };
}

/**
 * The start page's answers joined to a draft: a second-hand buyer's purchase channel is chosen for
 * them (unless they already picked one); a new hint replaces an older one, an empty one does not.
 * What was tried first stays when the same owner comes back without trying anything new: the
 * answers are handed over as they are given, so a second look at the start page says nothing of it.
 */
export function applyTriage(draft: AppealDraft, triage: Triage): AppealDraft {
  const secondHand = triage.whose === 'previous-owner' && draft.purchase.purchaseChannel === '';
  const triedFirst = triage.triedFirst || (triage.whose === draft.triage.whose ? draft.triage.triedFirst : '');
  return {
    ...draft,
    triage: { whose: triage.whose, triedFirst },
    purchase: secondHand ? { ...draft.purchase, purchaseChannel: 'second-hand' } : draft.purchase,
    contact: triage.accountHint ? { ...draft.contact, accountHint: triage.accountHint } : draft.contact,
  };
}

/**
 * Fills gaps in a draft saved by an older build, so a saved draft never breaks the form; anything
 * unrecognisable starts afresh.
 */
export function reviveDraft(saved: unknown): AppealDraft {
  const fresh = emptyDraft();
  if (typeof saved !== 'object' || saved === null || (saved as { version?: unknown }).version !== 1) return fresh;
  const s = saved as Partial<AppealDraft>;
  return {
    ...fresh,
    ...s,
    device: stepValues('device', s.device),
    purchase: stepValues('purchase', s.purchase),
    contact: stepValues('contact', s.contact),
    // A step name from an older build (or a damaged store) would leave the wizard showing nothing.
    step: isWizardStep(s.step) ? s.step : fresh.step,
    caseReference: typeof s.caseReference === 'string' && s.caseReference ? s.caseReference : fresh.caseReference,
    furthest: typeof s.furthest === 'number' ? s.furthest : 0,
    receiptShows: Array.isArray(s.receiptShows) ? s.receiptShows : [],
    triage: (({ whose, triedFirst }) => ({ whose, triedFirst }))(parseTriage(s.triage)),
    ticket: typeof s.ticket === 'string' ? s.ticket : '',
    serverErrors: s.serverErrors ?? {},
  };
}

/** Saved files from an older build gain the fields added since (no notes, no choice time). */
export function reviveFiles(saved: unknown): EvidenceFile[] {
  if (!Array.isArray(saved)) return [];
  return (saved as (Omit<EvidenceFile, 'notes' | 'addedAt'> & Partial<EvidenceFile>)[]).map((f) => ({ ...f, notes: f.notes ?? [], addedAt: f.addedAt ?? 0 }));
}

/**
 * A finished appeal saved by an older build has no `enclosed`: it is counted from the saved files.
 * While the result is shown they are the ones its PDF was made from: changing them means going
 * back a step, and only a new PDF leads to the result step again.
 */
export function reviveResult(saved: (Omit<AppealResult, 'enclosed'> & Partial<AppealResult>) | undefined, files: readonly EvidenceFile[]): AppealResult | null {
  return saved ? { ...saved, enclosed: saved.enclosed ?? countEvidence(files) } : null;
}
