import type { ReceiptFact } from '@/lib/appeal/schema';
import { countEvidence, EVIDENCE_ROLES, EVIDENCE_RULES, MAX_FILES } from '@/lib/appeal/evidence-rules';
import { inUploadOrder, type AppealDraft, type AppealResult, type ContactValues, type DeviceValues, type EvidenceFile, type PurchaseValues } from '@/lib/form/draft';
import type { PlacedServerErrors } from '@/lib/form/server-errors';
import type { Locale } from '@/lib/i18n/locales';
import { FIELD_STEP, FORM_STEPS, type FormStep, type WizardStep } from '@/lib/form/steps';

/** Everything the wizard holds: the saved draft, the evidence files and the finished PDF. */
export type WizardState = { draft: AppealDraft; files: EvidenceFile[]; result: AppealResult | null };

export type WizardAction =
  /** A saved appeal read back from the browser, or a fresh one after "Start over". */
  | { type: 'restore'; state: WizardState }
  | { type: 'device'; device: DeviceValues }
  | { type: 'purchase'; purchase: PurchaseValues }
  | { type: 'recipient'; recipient: string; edited: boolean }
  | { type: 'receiptShows'; receiptShows: ReceiptFact[] }
  | { type: 'contact'; contact: ContactValues }
  | { type: 'ticket'; ticket: string }
  /** Files change from several places at once (uploads finishing, the box-label reader adding notes). */
  | { type: 'files'; update: (files: EvidenceFile[]) => EvidenceFile[] }
  /** The box-label photo read on the device step: it is proof too, so it joins the box photos. */
  | { type: 'labelPhoto'; file: EvidenceFile }
  | { type: 'goTo'; step: WizardStep }
  /** "Continue" on a valid step: the server's old messages for it are answered, so they go. */
  | { type: 'next'; from: FormStep }
  | { type: 'back'; from: FormStep }
  /** The server refused the appeal: its messages go to their fields and the user to the first such step. */
  | { type: 'serverErrors'; placed: PlacedServerErrors }
  /** The server made the PDF (`fileName` from its Content-Disposition, if it sent one). */
  | { type: 'pdf'; pdf: Blob; fileName: string | null; locale: Locale };

/**
 * Where "Continue" on `from` leads: the next step (the review follows the last form step), or,
 * once the review has been reached, straight back to it, unless a later step still holds a
 * message from the server. A user who pressed "Change" on the review to fix one answer was walked
 * through every step after it again.
 */
export function stepAfter(from: FormStep, draft: Pick<AppealDraft, 'furthest' | 'serverErrors'>): FormStep {
  const following = FORM_STEPS.slice(FORM_STEPS.indexOf(from) + 1);
  if (draft.furthest < FORM_STEPS.indexOf('review')) return following[0] ?? 'review';
  return following.find((step) => Object.keys(serverErrorsOf(draft, step)).length > 0) ?? 'review';
}

export function stepBefore(from: FormStep): FormStep {
  return FORM_STEPS[Math.max(0, FORM_STEPS.indexOf(from) - 1)] ?? 'device';
}

/** Which step's code is worth fetching while the user works on `step`. */
export function followingStep(step: WizardStep): WizardStep | null {
  if (step === 'result') return null;
  return FORM_STEPS[FORM_STEPS.indexOf(step) + 1] ?? 'result';
}

/** The server's messages for the fields one step asks for. */
export function serverErrorsOf(draft: Pick<AppealDraft, 'serverErrors'>, step: FormStep): Record<string, string> {
  return Object.fromEntries(Object.entries(draft.serverErrors).filter(([field]) => FIELD_STEP[field] === step));
}

function withoutServerErrorsOf(draft: AppealDraft, step: FormStep): Record<string, string> {
  return Object.fromEntries(Object.entries(draft.serverErrors).filter(([field]) => FIELD_STEP[field] !== step));
}

function moveTo(draft: AppealDraft, step: WizardStep): AppealDraft {
  const index = step === 'result' ? FORM_STEPS.length - 1 : FORM_STEPS.indexOf(step);
  return { ...draft, step, furthest: Math.max(draft.furthest, index) };
}

/**
 * Adds the photo read on the device step to the box photos, unless that same picked file is in
 * any zone already or the box photos (or all files) are at their limit: it is a convenience, never a reason
 * to push out a photo the user chose on the Proof step.
 */
export function withLabelPhoto(files: EvidenceFile[], photo: EvidenceFile): EvidenceFile[] {
  const boxPhotos = files.filter((f) => f.role === 'boxPhoto');
  // In any zone: the same file under two captions only lengthens the PDF (admitEvidence's rule).
  const already = photo.source !== undefined && files.some((f) => f.source === photo.source);
  if (already || boxPhotos.length >= EVIDENCE_RULES.boxPhoto.max || files.length >= MAX_FILES) return files;
  return inUploadOrder([...files, { ...photo, role: 'boxPhoto' }]);
}

const editDraft = (state: WizardState, draft: AppealDraft): WizardState => ({ ...state, draft });

/**
 * A server's message about a field goes as soon as the user changes that field: it judged the old
 * value. Kept (it is saved with the draft), it would come back on every visit to the step and
 * block its Continue after the problem was gone.
 */
function withoutAnswered(draft: AppealDraft, changed: readonly string[]): AppealDraft {
  if (!changed.some((field) => field in draft.serverErrors)) return draft;
  return { ...draft, serverErrors: Object.fromEntries(Object.entries(draft.serverErrors).filter(([field]) => !changed.includes(field))) };
}

const changedFields = <T extends Record<string, string>>(before: T, after: T): string[] => Object.keys(after).filter((field) => before[field] !== after[field]);

/** The roles whose files were added, removed or replaced (not merely given notes); with any, the evidence as a whole. */
function changedRoles(before: readonly EvidenceFile[], after: readonly EvidenceFile[]): string[] {
  const ids = (files: readonly EvidenceFile[], role: string) => files.filter((f) => f.role === role).map((f) => f.id).join(' ');
  const roles: string[] = EVIDENCE_ROLES.filter((role) => ids(before, role) !== ids(after, role));
  return roles.length > 0 ? [...roles, 'evidence'] : roles;
}

function withFiles(state: WizardState, files: EvidenceFile[]): WizardState {
  return { ...state, files, draft: withoutAnswered(state.draft, changedRoles(state.files, files)) };
}

const sameValues = (a: Record<string, string>, b: Record<string, string>) => changedFields(a, b).length === 0 && changedFields(b, a).length === 0;

/** Whether two states would make the same appeal: every answer and file the PDF is made from. */
function sameAppeal(a: WizardState, b: WizardState): boolean {
  return (
    sameValues(a.draft.device, b.draft.device) &&
    sameValues(a.draft.purchase, b.draft.purchase) &&
    sameValues(a.draft.contact, b.draft.contact) &&
    a.draft.recipient === b.draft.recipient &&
    a.draft.receiptShows.join() === b.draft.receiptShows.join() &&
    changedRoles(a.files, b.files).length === 0
  );
}

/**
 * The wizard's state changes, as a pure function: the component layer only dispatches, saves and
 * moves focus. `null` is the appeal still being read from the browser's storage.
 *
 * A finished appeal stays while the answers are those it was made from, so Back from the result
 * page and Forward again shows it once more; once an answer or a file changes it no longer says
 * what the form does and is dropped: only a new PDF leads to the result again.
 */
export function wizardReducer(state: WizardState | null, action: WizardAction): WizardState | null {
  if (action.type === 'restore') return action.state;
  if (!state) return state;
  const next = change(state, action);
  return state.result && next.result === state.result && !sameAppeal(state, next) ? { ...next, result: null } : next;
}

function change(state: WizardState, action: Exclude<WizardAction, { type: 'restore' }>): WizardState {
  const { draft } = state;
  switch (action.type) {
    case 'device':
      return editDraft(state, withoutAnswered({ ...draft, device: action.device }, changedFields(draft.device, action.device)));
    case 'purchase':
      return editDraft(state, withoutAnswered({ ...draft, purchase: action.purchase }, changedFields(draft.purchase, action.purchase)));
    case 'recipient':
      return editDraft(state, { ...draft, recipient: action.recipient, recipientEdited: action.edited });
    case 'receiptShows':
      return editDraft(state, withoutAnswered({ ...draft, receiptShows: action.receiptShows }, ['receiptShows']));
    case 'contact':
      return editDraft(state, withoutAnswered({ ...draft, contact: action.contact }, changedFields(draft.contact, action.contact)));
    case 'ticket':
      return { ...state, draft: { ...draft, ticket: action.ticket } };
    case 'files':
      return withFiles(state, action.update(state.files));
    case 'labelPhoto':
      return withFiles(state, withLabelPhoto(state.files, action.file));
    case 'goTo':
      return editDraft(state, moveTo(draft, action.step));
    case 'next': {
      return editDraft(state, moveTo({ ...draft, serverErrors: withoutServerErrorsOf(draft, action.from) }, stepAfter(action.from, draft)));
    }
    case 'back':
      return editDraft(state, moveTo(draft, stepBefore(action.from)));
    case 'serverErrors': {
      const { placed } = action;
      if (!placed.firstStep) return state;
      const serverErrors = Object.values(placed.byStep).reduce<Record<string, string>>((all, fields) => ({ ...all, ...fields }), {});
      return editDraft(state, moveTo({ ...draft, serverErrors }, placed.firstStep));
    }
    case 'pdf': {
      const result: AppealResult = {
        pdf: action.pdf,
        fileName: action.fileName ?? `appeal-${draft.caseReference}.pdf`,
        recipient: draft.recipient,
        enclosed: countEvidence(state.files),
        locale: action.locale,
      };
      return { ...state, result, draft: moveTo(draft, 'result') };
    }
  }
}
