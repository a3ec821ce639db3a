'use client';

import dynamic from 'next/dynamic';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { EVIDENCE_ROLES, EVIDENCE_RULES } from '@/lib/appeal/evidence-rules';
import { ZContactStepSchema, ZDeviceStepSchema, ZPurchaseStepSchema, type ReceiptFact } from '@/lib/appeal/schema';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { buildAppealFormData, parseDraftAppeal, uploadBytes } from '@/lib/form/appeal-payload';
import { emptyDraft, type AppealDraft, type AppealResult, type EvidenceFile } from '@/lib/form/draft';
import { clearAppeal, loadAppeal, saveDraft, saveFiles, saveResult } from '@/lib/form/draft-store';
import { isPlausibleEmail } from '@/lib/form/email-address';
import { placeServerErrors } from '@/lib/form/server-errors';
import { FIELD_STEP, FORM_STEPS, type FormStep, type WizardStep } from '@/lib/form/steps';
import { GeneratePanel } from '@/app/appeal/_components/GeneratePanel';
import { StartOver } from '@/app/appeal/_components/StartOverDialog';
import { StepContact } from '@/app/appeal/_components/StepContact';
import { StepDevice } from '@/app/appeal/_components/StepDevice';
import { StepEvidence } from '@/app/appeal/_components/StepEvidence';
import { StepPurchase } from '@/app/appeal/_components/StepPurchase';
import { StepReview } from '@/app/appeal/_components/StepReview';
import { Stepper } from '@/app/appeal/_components/Stepper';

// The result screen (and the e-mail composer it loads) is not needed until the PDF exists.
const ResultView = dynamic(() => import('@/app/appeal/_components/ResultView'));

type Saved = { draft: AppealDraft; files: EvidenceFile[]; result: AppealResult | null };
type SaveState = 'saved' | 'failed';

export function AppealWizard() {
  const t = useTranslations('form');
  const tResult = useTranslations('result');
  const rawLocale = useLocale();
  const locale: Locale = isLocale(rawLocale) ? rawLocale : 'en';
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
    (next: WizardStep) => {
      moved.current = true;
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

  const appeal = useMemo(() => (draft ? parseDraftAppeal(draft, locale) : null), [draft, locale]);

  const problems = useMemo(() => {
    if (!draft || !files) return {};
    const out: Partial<Record<FormStep, string>> = {};
    if (!ZDeviceStepSchema.safeParse(draft.device).success) out.device = t('review.incomplete');
    if (!ZPurchaseStepSchema.safeParse(draft.purchase).success || !isPlausibleEmail(draft.recipient)) out.purchase = t('review.incomplete');
    if (EVIDENCE_ROLES.some((role) => files.filter((f) => f.role === role).length < EVIDENCE_RULES[role].min))
      out.evidence = t('review.incomplete');
    if (!ZContactStepSchema.safeParse(draft.contact).success) out.contact = t('review.incomplete');
    return out;
  }, [draft, files, t]);

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
  const sizes = uploadBytes(saved.files);
  const hasProblems = Object.keys(problems).length > 0;

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
      goTo(firstStep);
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
    <div className="wizard">
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
      {current === 'review' ? (
        <StepReview draft={saved.draft} files={saved.files} problems={problems} onEdit={goTo} onBack={back('review')}>
          <GeneratePanel
            buildBody={() => buildAppealFormData(saved.draft, saved.files, locale)}
            uploadSize={sizes.sent}
            originalSize={sizes.original}
            blockedReason={hasProblems ? t('generate.blocked') : null}
            onPdf={onPdf}
            onFieldErrors={onServerFieldErrors}
          />
        </StepReview>
      ) : null}
      {current === 'result' && saved.result && appeal ? (
        <ResultView appeal={appeal} result={saved.result} onEdit={() => goTo('review')} />
      ) : null}
      {current === 'result' && !(saved.result && appeal) ? (
        <div className="card">
          <p>{tResult('missing')}</p>
          <button type="button" className="button" onClick={() => goTo('review')}>
            {tResult('edit')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
