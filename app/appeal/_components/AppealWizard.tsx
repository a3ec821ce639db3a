'use client';

import { useTranslations } from 'next-intl';
import { useLayoutEffect, useState } from 'react';

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
  const stepOf = current === 'result' ? null : t('stepOf', { step: stepIndex + 1, total: FORM_STEPS.length });
  useWindowTitle(saved ? `${stepOf ? `${stepOf} ` : ''}${title} – ${t('metaTitle')}` : null);
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
        {stepOf ? <span className={styles.count}>{stepOf} </span> : null}
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

/**
 * The window's title names the step too: it is what a screen reader says on switching to this tab,
 * and what the browser's history lists for each step's entry (all "Your appeal" before). Next
 * writes the page's own title into <head> again when the language changes; the step's is put back.
 * A layout effect: leaving the form, the watch ends in the same commit that writes the next page's
 * title, before the observer could put the step's back over it.
 */
function useWindowTitle(text: string | null) {
  useLayoutEffect(() => {
    if (!text) return;
    const apply = () => {
      if (document.title !== text) document.title = text;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [text]);
}
