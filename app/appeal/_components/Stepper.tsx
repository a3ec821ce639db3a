'use client';

import { useTranslations } from 'next-intl';

import { FORM_STEPS, type WizardStep } from '@/lib/form/steps';

import styles from './Stepper.module.css';

/** Where the user is; steps already reached can be revisited directly. */
export function Stepper({ current, reached, onGo }: { current: WizardStep; reached: number; onGo: (index: number) => void }) {
  const t = useTranslations('form');
  const currentIndex = current === 'result' ? FORM_STEPS.length : FORM_STEPS.indexOf(current);
  return (
    <nav aria-label={t('progress')} className={styles.stepper}>
      <ol>
        {FORM_STEPS.map((step, index) => {
          const state = index === currentIndex ? 'current' : index < currentIndex ? 'done' : 'todo';
          const label = (
            <>
              <span className={styles.number} aria-hidden="true">
                {index + 1}
              </span>
              <span className={styles.name}>{t(`steps.${step}`)}</span>
            </>
          );
          return (
            <li key={step} className={styles[state]} aria-current={state === 'current' ? 'step' : undefined}>
              {index <= reached && state !== 'current' ? (
                <button type="button" className={styles.link} onClick={() => onGo(index)}>
                  {label}
                </button>
              ) : (
                <span className={styles.link}>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
