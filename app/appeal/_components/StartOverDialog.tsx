'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';

import { ActionRow } from '@/app/appeal/_components/StepActions';

import styles from './StartOverDialog.module.css';

/** "Start over" asks first: clearing throws away every answer and photo in this browser. */
export function StartOver({ onConfirm }: { onConfirm: () => void }) {
  const t = useTranslations('form.startOver');
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="button small" onClick={() => dialog.current?.showModal()}>
        {t('button')}
      </button>
      <dialog ref={dialog} aria-labelledby="start-over-title" aria-describedby="start-over-text" className={styles.dialog}>
        <h2 id="start-over-title">{t('title')}</h2>
        <p id="start-over-text">{t('text')}</p>
        <ActionRow>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {t('confirm')}
          </button>
          <button type="button" className="button" autoFocus onClick={() => dialog.current?.close()}>
            {t('cancel')}
          </button>
        </ActionRow>
      </dialog>
    </>
  );
}
