'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { ReceiptFact } from '@/lib/appeal/schema';
import { emptyDraft, type AppealDraft, type AppealResult, type EvidenceFile } from '@/lib/form/draft';
import { clearAppeal, loadAppeal, saveDraft, saveFiles, saveResult } from '@/lib/form/draft-store';
import { placeServerErrors } from '@/lib/form/server-errors';
import { FIELD_STEP, FORM_STEPS, type FormStep, type WizardStep } from '@/lib/form/steps';
import { StartOver } from '@/app/appeal/_components/StartOverDialog';
import { Stepper } from '@/app/appeal/_components/Stepper';

/**
 * Each step's code loads when the step opens, so the first visit downloads the shell and one
 * step rather than the whole wizard (the form page must stay under 200 KB of compressed JS).
 * The next step is fetched as soon as the user starts working on the current one.
 */
const STEP_LOADERS = {
  device: () => import('@/app/appeal/_components/StepDevice'),
  purchase: () => import('@/app/appeal/_components/StepPurchase'),
  evidence: () => import('@/app/appeal/_components/StepEvidence'),
  contact: () => import('@/app/appeal/_components/StepContact'),
  review: () => import('@/app/appeal/_components/StepReview'),
  result: () => import('@/app/appeal/_components/ResultView'),
} satisfies Record<WizardStep, () => Promise<unknown>>;

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

function StepLoading() {
  return <p className="loading" aria-busy="true" />;
}

function preloadAfter(step: WizardStep) {
  const index = step === 'result' ? -1 : FORM_STEPS.indexOf(step);
  const following = index >= 0 ? (FORM_STEPS[index + 1] ?? 'result') : null;
  if (following) void STEP_LOADERS[following]();
}

type Saved = { draft: AppealDraft; files: EvidenceFile[]; result: AppealResult | null };
type SaveState = 'saved' | 'failed';

export function AppealWizard() {
  const t = useTranslations('form');
  const tResult = useTranslations('result');
  const [saved, setSaved] = useState<Saved | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const loaded = useRef<Saved | null>(null);

  useEffect(() => {
    loadAppeal()
      .catch(() => {
        setSaveState('failed');
        return { draft: emptyDraft(), files: [], result: null };
      })
      .then((value) => {
        loaded.current = value;
        setSaved(value);
      })
      .catch(() => setSaveState('failed'));
  }, []);

  const persist = useCallback((write: Promise<void>) => {
    write.then(
      () => setSaveState('saved'),
      () => setSaveState('failed'),
    );
  }, []);

  const draft = saved?.draft;
  const files = saved?.files;
  useEffect(() => {
    if (draft && draft !== loaded.current?.draft) persist(saveDraft(draft));
  }, [draft, persist]);
  useEffect(() => {
    if (files && files !== loaded.current?.files) persist(saveFiles(files));
  }, [files, persist]);

  // Moving between steps puts focus on the new step's heading, so keyboard and screen-reader
  // users start at the top of what changed.
  const step = saved?.draft.step;
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, [step]);

  const updateDraft = useCallback((change: (draft: AppealDraft) => AppealDraft) => {
    setSaved((s) => (s ? { ...s, draft: change(s.draft) } : s));
  }, []);

  const goTo = useCallback(
    (next: WizardStep, { focusHeading = true }: { focusHeading?: boolean } = {}) => {
      // When the server sends the user back, the step's error summary takes focus instead.
      moved.current = focusHeading;
      updateDraft((d) => ({
        ...d,
        step: next,
        furthest: Math.max(d.furthest, next === 'result' ? FORM_STEPS.length - 1 : FORM_STEPS.indexOf(next)),
      }));
    },
    [updateDraft],
  );

  const clearServerErrorsOf = (d: AppealDraft, step: FormStep): Record<string, string> =>
    Object.fromEntries(Object.entries(d.serverErrors).filter(([field]) => FIELD_STEP[field] !== step));

  const next = (from: FormStep) => () => {
    updateDraft((d) => ({ ...d, serverErrors: clearServerErrorsOf(d, from) }));
    const index = FORM_STEPS.indexOf(from);
    goTo(FORM_STEPS[index + 1] ?? 'review');
  };
  const back = (from: FormStep) => () => goTo(FORM_STEPS[Math.max(0, FORM_STEPS.indexOf(from) - 1)] ?? 'device');

  const onDevice = useCallback((device: AppealDraft['device']) => updateDraft((d) => ({ ...d, device })), [updateDraft]);
  const onPurchase = useCallback((purchase: AppealDraft['purchase']) => updateDraft((d) => ({ ...d, purchase })), [updateDraft]);
  const onContact = useCallback((contact: AppealDraft['contact']) => updateDraft((d) => ({ ...d, contact })), [updateDraft]);
  const onRecipient = useCallback(
    (recipient: string, recipientEdited: boolean) => updateDraft((d) => ({ ...d, recipient, recipientEdited })),
    [updateDraft],
  );
  const onReceiptShows = useCallback((receiptShows: ReceiptFact[]) => updateDraft((d) => ({ ...d, receiptShows })), [updateDraft]);
  const onFiles = useCallback((change: (files: EvidenceFile[]) => EvidenceFile[]) => {
    setSaved((s) => (s ? { ...s, files: change(s.files) } : s));
  }, []);

  if (!saved) {
    return (
      <p className="loading" aria-live="polite">
        {t('loading')}
      </p>
    );
  }

  const current = saved.draft.step;
  const stepIndex = current === 'result' ? FORM_STEPS.length : FORM_STEPS.indexOf(current);
  const serverErrors = saved.draft.serverErrors;
  const title = current === 'result' ? tResult('heading') : t(`steps.${current}`);

  const onPdf = (pdf: Blob, fileName: string | null) => {
    const result: AppealResult = {
      pdf,
      fileName: fileName ?? `appeal-${saved.draft.caseReference}.pdf`,
      recipient: saved.draft.recipient,
    };
    setSaved((s) => (s ? { ...s, result } : s));
    persist(saveResult(result));
    goTo('result');
  };

  const onServerFieldErrors = (fields: Record<string, string>): string[] => {
    const placed = placeServerErrors(fields);
    if (placed.firstStep) {
      const firstStep = placed.firstStep;
      const placedFields = Object.assign({}, ...Object.values(placed.byStep)) as Record<string, string>;
      updateDraft((d) => ({ ...d, serverErrors: placedFields }));
      goTo(firstStep, { focusHeading: false });
      window.scrollTo({ top: 0 });
    }
    return placed.unplaced;
  };

  const startOver = () => {
    persist(clearAppeal());
    const fresh: Saved = { draft: emptyDraft(), files: [], result: null };
    loaded.current = fresh;
    setSaved(fresh);
    moved.current = true;
  };

  return (
    <div className="wizard" onFocusCapture={() => preloadAfter(current)}>
      <div className="wizard-bar">
        <p className="save-state" aria-live="polite">
          {saveState === 'saved' ? t('saved') : t('saveFailed')}
        </p>
        <StartOver onConfirm={startOver} />
      </div>
      <Stepper current={current} reached={saved.draft.furthest} onGo={(index) => goTo(FORM_STEPS[index] ?? 'device')} />

      <h1 tabIndex={-1} ref={headingRef} className="step-title">
        {current === 'result' ? null : <span className="step-count">{t('stepOf', { step: stepIndex + 1, total: FORM_STEPS.length })} </span>}
        {title}
      </h1>

      <div key={saved.draft.caseReference} className="step-body">
        {current === 'device' ? (
          <StepDevice values={saved.draft.device} serverErrors={serverErrors} onChange={onDevice} onNext={next('device')} />
        ) : null}
        {current === 'purchase' ? (
          <StepPurchase
            values={saved.draft.purchase}
            recipient={saved.draft.recipient}
            recipientEdited={saved.draft.recipientEdited}
            serverErrors={serverErrors}
            onChange={onPurchase}
            onRecipientChange={onRecipient}
            onNext={next('purchase')}
            onBack={back('purchase')}
          />
        ) : null}
        {current === 'evidence' ? (
          <BoxLabelAssistant files={saved.files} device={saved.draft.device} onFilesChange={onFiles} onDeviceChange={onDevice} />
        ) : null}
        {current === 'evidence' ? (
          <StepEvidence
            files={saved.files}
            receiptShows={saved.draft.receiptShows}
            serverErrors={Object.fromEntries(Object.entries(serverErrors).filter(([field]) => FIELD_STEP[field] === 'evidence'))}
            onFilesChange={onFiles}
            onReceiptShowsChange={onReceiptShows}
            onNext={next('evidence')}
            onBack={back('evidence')}
          />
        ) : null}
        {current === 'contact' ? (
          <StepContact values={saved.draft.contact} serverErrors={serverErrors} onChange={onContact} onNext={next('contact')} onBack={back('contact')} />
        ) : null}
        {current === 'review' ? <EvidenceReview draft={saved.draft} files={saved.files} /> : null}
        {current === 'review' ? (
          <StepReview
            draft={saved.draft}
            files={saved.files}
            onEdit={goTo}
            onBack={back('review')}
            onPdf={onPdf}
            onFieldErrors={onServerFieldErrors}
          />
        ) : null}
        {current === 'result' ? <ResultView draft={saved.draft} result={saved.result} onEdit={() => goTo('review')} /> : null}
        {current === 'result' && saved.result ? <FollowUpPanel draft={saved.draft} recipient={saved.result.recipient} /> : null}
      </div>
    </div>
  );
}
