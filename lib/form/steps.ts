import { EVIDENCE_ROLES } from '@/lib/appeal/evidence-rules';
import { STEP_TEXT_FIELDS, type TextStep } from '@/lib/appeal/field-names';

/** The wizard's steps in order. `result` follows once the PDF exists; it is not a form step. */
export const FORM_STEPS = ['device', 'purchase', 'evidence', 'contact', 'review'] as const;
export type FormStep = (typeof FORM_STEPS)[number];
export type WizardStep = FormStep | 'result';

export function isWizardStep(value: unknown): value is WizardStep {
  return value === 'result' || (FORM_STEPS as readonly unknown[]).includes(value);
}

/**
 * Which step asks for each field the server may name in an error: the text fields by their step,
 * the files by their role, what the receipt shows and the missing-proof error
 * (`evidence`) on the evidence step.
 */
export const FIELD_STEP: Readonly<Record<string, FormStep>> = Object.fromEntries([
  ...Object.entries(STEP_TEXT_FIELDS).flatMap(([step, fields]) => fields.map((field) => [field, step as TextStep] as const)),
  ...[...EVIDENCE_ROLES, 'receiptShows', 'evidence'].map((field) => [field, 'evidence'] as const),
]);
