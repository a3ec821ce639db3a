'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { emptyDraft } from '@/lib/form/draft';
import { FORM_STEPS } from '@/lib/form/steps';
import { followingStep, type WizardState } from '@/lib/form/wizard-state';
import { StartOver } from '@/app/appeal/_components/StartOverDialog';
import { prefetch } from '@/app/appeal/_components/prefetch';
import { STEP_LOADERS, STEP_VIEWS } from '@/app/appeal/_components/step-views';
import { Stepper } from '@/app/appeal/_components/Stepper';
import { useWizard } from '@/app/appeal/_components/use-wizard';

import styles from './AppealWizard.module.css';

/** The wizard's frame: save state, stepper and heading around the current step (see STEP_VIEWS). */
export function AppealWizard() {
  const t = useTranslations('form');
  const tResult = useTranslations('result');
  const { state: saved, saveState, headingRef, actions } = useWizard();
  // Until the browser's storage answers, the first step is drawn empty (on the server too), so the
  // form is visible at once; the saved draft then replaces it (the key below remounts the step).
  const [blank] = useState<WizardState>(() => ({ draft: emptyDraft(), files: [], result: null }));
  const state = saved ?? blank;

  const current = state.draft.step;
  const stepIndex = current === 'result' ? FORM_STEPS.length : FORM_STEPS.indexOf(current);
  const title = current === 'result' ? tResult('heading') : t(`steps.${current}`);
  const preloadNext = () => {
    const following = followingStep(current);
    if (following) prefetch(STEP_LOADERS[following]);
  };

  return (
    <div onFocusCapture={preloadNext}>
      <div className={styles.bar}>
        <p className={styles.saveState} aria-live="polite">
          {saved ? (saveState === 'saved' ? t('saved') : t('saveFailed')) : t('loading')}
        </p>
        <StartOver onConfirm={actions.startOver} />
      </div>
      <Stepper current={current} reached={state.draft.furthest} onGo={(index) => actions.goTo(FORM_STEPS[index] ?? 'device')} />

      <h1 tabIndex={-1} ref={headingRef} className={styles.title}>
        {current === 'result' ? null : <span className={styles.count}>{t('stepOf', { step: stepIndex + 1, total: FORM_STEPS.length })} </span>}
        {title}
      </h1>

      {/* Disabled until the draft is read (a fraction of a second): what is typed into the blank step
          would be lost when the saved one replaces it. Inert too: `disabled` stops only form
          controls, and a disclosure opened (or a link followed) in the blank step would be undone by
          the remount, the <details> shut again under the user's finger. */}
      <fieldset key={saved ? state.draft.caseReference : 'blank'} disabled={!saved} inert={!saved} className={styles.step}>
        {STEP_VIEWS[current](state, actions)}
      </fieldset>
    </div>
  );
}
