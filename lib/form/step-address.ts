import type { AppealDraft, AppealResult } from '@/lib/form/draft';
import { FORM_STEPS, isWizardStep, type WizardStep } from '@/lib/form/steps';

/**
 * Each step has its own address, so the browser's Back and Forward (Android's Back gesture) move
 * between steps: `/appeal?step=purchase`. Step 1 is the plain `/appeal` the start page links to.
 */
export const STEP_PARAM = 'step';

/** What the rule needs to know of the saved appeal. */
type Reached = { draft: Pick<AppealDraft, 'step' | 'furthest'>; result: AppealResult | null };

/** The step an address names; null for the plain address, and for a name this build does not know. */
export function stepInAddress(search: string): WizardStep | null {
  const named = new URLSearchParams(search).get(STEP_PARAM);
  return isWizardStep(named) ? named : null;
}

/** The address of `step`, made from the current one (`href`): its other parameters kept, a #fragment dropped. */
export function addressOf(step: WizardStep, href: string): string {
  const url = new URL(href);
  if (step === FORM_STEPS[0]) url.searchParams.delete(STEP_PARAM);
  else url.searchParams.set(STEP_PARAM, step);
  return `${url.pathname}${url.search}`;
}

/**
 * Which step an address may show: one the user has reached, and the result only while there is a
 * finished appeal. Anything further (a typed address, one from before "Start over") opens the
 * furthest step reached instead: an address never skips a step's checks.
 */
export function reachableStep(asked: WizardStep, { draft, result }: Reached): WizardStep {
  const furthest = FORM_STEPS[Math.min(draft.furthest, FORM_STEPS.length - 1)] ?? FORM_STEPS[0];
  if (asked === 'result') return result ? 'result' : furthest;
  return FORM_STEPS.indexOf(asked) <= draft.furthest ? asked : furthest;
}

/**
 * The step to open when the page loads (a reload, a bookmark, the start page's link): the one
 * the address names if it may show it; the plain address goes on where the user left off.
 */
export function stepOnArrival(search: string, reached: Reached): WizardStep {
  const asked = stepInAddress(search);
  return asked ? reachableStep(asked, reached) : reached.draft.step;
}

/** The step to show after Back or Forward within the form: there the plain address is step 1. */
export function stepOnTraversal(search: string, reached: Reached): WizardStep {
  return reachableStep(stepInAddress(search) ?? FORM_STEPS[0], reached);
}
