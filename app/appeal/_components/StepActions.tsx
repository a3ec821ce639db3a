'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

import styles from './StepActions.module.css';

/** A row of buttons at the end of a step or dialog: the first child is the main one, shown last. */
export function ActionRow({ children }: { children: ReactNode }) {
  return <div className={styles.actions}>{children}</div>;
}

/** Back and Continue, in that visual order but Continue first for the keyboard (it is the usual move). */
export function StepActions({ onBack, nextLabel }: { onBack?: () => void; nextLabel?: string }) {
  const t = useTranslations('form');
  return (
    <ActionRow>
      <button type="submit" className="button primary">
        {nextLabel ?? t('continue')}
      </button>
      {onBack ? (
        <button type="button" className="button" onClick={onBack}>
          {t('back')}
        </button>
      ) : null}
    </ActionRow>
  );
}
