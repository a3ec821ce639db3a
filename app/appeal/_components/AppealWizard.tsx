'use client';

import { useTranslations } from 'next-intl';

import { FORM_STEPS } from '@/lib/form/steps';
import { followingStep } from '@/lib/form/wizard-state';
import { StartOver } from '@/app/appeal/_components/StartOverDialog';
import { STEP_LOADERS, STEP_VIEWS } from '@/app/appeal/_components/step-views';
import { Stepper } from '@/app/appeal/_components/Stepper';
import { useWizard } from '@/app/appeal/_components/use-wizard';

import styles from './AppealWizard.module.css';

/** The wizard's frame: save state, stepper and heading around the current step (see STEP_VIEWS). */
export function AppealWizard() {
  const t = useTranslations('form');
  const tResult = useTranslations('result');
  const { state, saveState, headingRef, actions } = useWizard();

  if (!state) {
    return (
      <p className="loading" aria-live="polite">
        {t('loading')}
      </p>
    );
  }

  const current = state.draft.step;
  const stepIndex = current === 'result' ? FORM_STEPS.length : FORM_STEPS.indexOf(current);
  const title = current === 'result' ? tResult('heading') : t(`steps.${current}`);
  const preloadNext = () => {
    const following = followingStep(current);
    if (following) void STEP_LOADERS[following]();
  };

  return (
    <div onFocusCapture={preloadNext}>
      <div className={styles.bar}>
        <p className={styles.saveState} aria-live="polite">
          {saveState === 'saved' ? t('saved') : t('saveFailed')}
        </p>
        <StartOver onConfirm={actions.startOver} />
      </div>
      <Stepper current={current} reached={state.draft.furthest} onGo={(index) => actions.goTo(FORM_STEPS[index] ?? 'device')} />

      <h1 tabIndex={-1} ref={headingRef} className={styles.title}>
        {current === 'result' ? null : <span className={styles.count}>{t('stepOf', { step: stepIndex + 1, total: FORM_STEPS.length })} </span>}
        {title}
      </h1>

      <div key={state.draft.caseReference}>
        {STEP_VIEWS[current](state, actions)}
      </div>
    </div>
  );
}
