import { MIN_EVIDENCE_FILES } from '@/lib/appeal/evidence-rules';
import { ZContactStepSchema, ZDeviceStepSchema, ZPurchaseStepSchema } from '@/lib/appeal/schema';
import type { AppealDraft, EvidenceFile } from '@/lib/form/draft';
import { recipientProblem } from '@/lib/form/email-address';
import type { FormStep } from '@/lib/form/steps';

/** Steps whose answers would not pass their own check, so Review can send the user back first. */
export function incompleteSteps(draft: AppealDraft, files: readonly EvidenceFile[]): FormStep[] {
  const out: FormStep[] = [];
  if (!ZDeviceStepSchema.safeParse(draft.device).success) out.push('device');
  if (!ZPurchaseStepSchema.safeParse(draft.purchase).success || recipientProblem(draft.recipient) !== null) out.push('purchase');
  if (files.length < MIN_EVIDENCE_FILES) out.push('evidence');
  if (!ZContactStepSchema.safeParse(draft.contact).success) out.push('contact');
  return out;
}
