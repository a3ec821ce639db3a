import { FIELD_STEP, FORM_STEPS, type FormStep } from '@/lib/form/steps';

/** The JSON error body of POST /api/appeal. Messages arrive already translated. */
export type ServerError = {
  code: string;
  message: string;
  fields: Record<string, string>;
};

export type PlacedServerErrors = {
  /** Field messages grouped by the step that asks for the field. */
  byStep: Partial<Record<FormStep, Record<string, string>>>;
  /** The earliest step with an error: where the user is sent. */
  firstStep: FormStep | null;
  /** Messages for fields no step owns (shown beside the Generate button). */
  unplaced: string[];
};

/**
 * Sends each server field error back to the step and field that asks for it. A file error may be
 * keyed by role (`receipt`) or by an indexed role (`receipt[1]`, `receipt.1`): both map to the role.
 */
export function placeServerErrors(fields: Record<string, string>): PlacedServerErrors {
  const byStep: PlacedServerErrors['byStep'] = {};
  const unplaced: string[] = [];
  for (const [rawField, message] of Object.entries(fields)) {
    const field = rawField.replace(/[[.].*$/, '');
    const step = FIELD_STEP[field];
    if (!step) {
      unplaced.push(message);
      continue;
    }
    (byStep[step] ??= {})[field] = message;
  }
  const firstStep = FORM_STEPS.find((step) => byStep[step] !== undefined) ?? null;
  return { byStep, firstStep, unplaced };
}

export function parseServerError(value: unknown): ServerError | null {
  if (typeof value !== 'object' || value === null || !('error' in value)) return null;
  const error = (value as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, fields } = error as Record<string, unknown>;
  const cleanFields: Record<string, string> = {};
  if (typeof fields === 'object' && fields !== null) {
    for (const [k, v] of Object.entries(fields)) if (typeof v === 'string') cleanFields[k] = v;
  }
  return {
    code: typeof code === 'string' ? code : 'unknown',
    message: typeof message === 'string' ? message : '',
    fields: cleanFields,
  };
}
