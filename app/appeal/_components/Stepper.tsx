'use client';

import { useTranslations } from 'next-intl';

import { FORM_STEPS, type WizardStep } from '@/lib/form/steps';

/** Where the user is; steps already reached can be revisited directly. */
export function Stepper({ current, reached, onGo }: { current: WizardStep; reached: number; onGo: (index: number) => void }) {
  const t = useTranslations('form');
  const currentIndex = current === 'result' ? FORM_STEPS.length : FORM_STEPS.indexOf(current);
  return (
    <nav aria-label={t('progress')} className="stepper">
      <ol>
        {FORM_STEPS.map((step, index) => {
          const state = index === currentIndex ? 'current' : index < currentIndex ? 'done' : 'todo';
          const label = (
            <>
              <span className="step-number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="step-name">{t(`steps.${step}`)}</span>
            </>
          );
          return (
            <li key={step} className={state} aria-current={state === 'current' ? 'step' : undefined}>
              {index <= reached && state !== 'current' ? (
                <button type="button" className="step-link" onClick={() => onGo(index)}>
                  {label}
                </button>
              ) : (
                <span className="step-link">{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
