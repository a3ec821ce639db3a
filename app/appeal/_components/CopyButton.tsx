'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

import styles from './CopyButton.module.css';

/**
 * Copies a text and says so (the confirmation is announced by the live region). `label` is the
 * whole button text, written as a person would ("Copy address"), not built from a field name.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations('result');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span className={styles.copy}>
      <button
        type="button"
        className="button small"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {label}
      </button>
      <span aria-live="polite" className={styles.status}>
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </span>
  );
}
