'use client';

import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';

import { FORM_STEPS, type FormStep, type WizardStep } from '@/lib/form/steps';
import { serverErrorsOf, withLabelPhoto, type WizardState } from '@/lib/form/wizard-state';
import type { WizardActions } from '@/app/appeal/_components/use-wizard';

/**
 * Each step's code loads when the step opens, so the first visit downloads the shell and one
 * step rather than the whole wizard (the form page must stay under 200 KB of compressed JS).
 * The next step is fetched as soon as the user starts working on the current one.
 */
export const STEP_LOADERS = {
  device: () => import('@/app/appeal/_components/StepDevice'),
  purchase: () => import('@/app/appeal/_components/StepPurchase'),
  evidence: () => import('@/app/appeal/_components/StepEvidence'),
  contact: () => import('@/app/appeal/_components/StepContact'),
  review: () => import('@/app/appeal/_components/StepReview'),
  result: () => import('@/app/appeal/_components/ResultView'),
} satisfies Record<WizardStep, () => Promise<unknown>>;

function StepLoading() {
  return <p className="loading" aria-busy="true" />;
}

const StepDevice = dynamic(STEP_LOADERS.device, { loading: StepLoading });
const StepPurchase = dynamic(STEP_LOADERS.purchase, { loading: StepLoading });
const StepEvidence = dynamic(STEP_LOADERS.evidence, { loading: StepLoading });
const StepContact = dynamic(STEP_LOADERS.contact, { loading: StepLoading });
const StepReview = dynamic(STEP_LOADERS.review, { loading: StepLoading });
const ResultView = dynamic(STEP_LOADERS.result, { loading: StepLoading });
// The evidence assistant (issue 6): loaded with the step it belongs to.
const BoxLabelAssistant = dynamic(() => import('@/app/appeal/_components/assistant/BoxLabelAssistant'));
const EvidenceReview = dynamic(() => import('@/app/appeal/_components/assistant/EvidenceReview'));
const FollowUpPanel = dynamic(() => import('@/app/appeal/_components/assistant/FollowUpPanel'));

type StepView = (state: WizardState, actions: WizardActions) => ReactNode;

/** Whether the user has been past `step` (Back, the stepper or Review's "Change" brought them here). */
const passed = (draft: WizardState['draft'], step: FormStep) => draft.furthest > FORM_STEPS.indexOf(step);

/** What each step shows, keyed by step id: the wizard renders the current one. */
export const STEP_VIEWS: Record<WizardStep, StepView> = {
  device: ({ draft, files }, actions) => (
    <StepDevice
      values={draft.device}
      serverErrors={serverErrorsOf(draft, 'device')}
      checkOnOpen={passed(draft, 'device')}
      onChange={actions.setDevice}
      onLabelPhoto={(photo) => {
        actions.addLabelPhoto(photo);
        // The reducer applies the same rule to the files of that moment; this only words the note.
        return withLabelPhoto(files, photo) !== files;
      }}
      onNext={() => actions.next('device')}
    />
  ),
  purchase: ({ draft }, actions) => (
    <StepPurchase
      values={draft.purchase}
      recipient={draft.recipient}
      recipientEdited={draft.recipientEdited}
      serverErrors={serverErrorsOf(draft, 'purchase')}
      checkOnOpen={passed(draft, 'purchase')}
      onChange={actions.setPurchase}
      onRecipientChange={actions.setRecipient}
      onNext={() => actions.next('purchase')}
      onBack={() => actions.back('purchase')}
    />
  ),
  evidence: ({ draft, files }, actions) => (
    <>
      <BoxLabelAssistant files={files} device={draft.device} onFilesChange={actions.updateFiles} onDeviceChange={actions.setDevice} />
      <StepEvidence
        files={files}
        receiptShows={draft.receiptShows}
        purchase={draft.purchase}
        serverErrors={serverErrorsOf(draft, 'evidence')}
        checkOnOpen={passed(draft, 'evidence')}
        onFilesChange={actions.updateFiles}
        onReceiptShowsChange={actions.setReceiptShows}
        onNext={() => actions.next('evidence')}
        onBack={() => actions.back('evidence')}
      />
    </>
  ),
  contact: ({ draft }, actions) => (
    <StepContact
      values={draft.contact}
      serverErrors={serverErrorsOf(draft, 'contact')}
      checkOnOpen={passed(draft, 'contact')}
      onChange={actions.setContact}
      onNext={() => actions.next('contact')}
      onBack={() => actions.back('contact')}
    />
  ),
  review: ({ draft, files }, actions) => (
    <>
      <EvidenceReview draft={draft} files={files} />
      <StepReview
        draft={draft}
        files={files}
        onEdit={actions.goTo}
        onBack={() => actions.back('review')}
        onPdf={actions.finish}
        onFieldErrors={actions.showServerErrors}
        onUseContactEmail={(contactEmail) => actions.setContact({ ...draft.contact, contactEmail })}
      />
    </>
  ),
  result: ({ draft, result }, actions) => (
    <ResultView
      draft={draft}
      result={result}
      onEdit={() => actions.goTo('review')}
      followUps={result ? <FollowUpPanel draft={draft} recipient={result.recipient} appealLocale={result.locale} onTicketChange={actions.setTicket} /> : null}
    />
  ),
};
