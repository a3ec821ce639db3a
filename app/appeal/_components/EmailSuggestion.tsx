'use client';

import { useTranslations } from 'next-intl';

import { suggestEmailAddress } from '@/lib/form/email-address';

import styles from './ImeiFeedback.module.css';

/**
 * "Did you mean …@gmail.com?" under the e-mail box, for the address as it was when the user left
 * the box (not while they type it). Only a question with a one-tap fix: an unusual domain may be
 * right, and support's answer goes to whatever address stays.
 */
export function EmailSuggestion({ id, value, checked, onUse }: { id: string; value: string; checked: string; onUse: (address: string) => void }) {
  const t = useTranslations('form.contact.contactEmail');
  const suggestion = value === checked ? suggestEmailAddress(value) : null;
  return (
    <div id={id} className={styles.live} aria-live="polite">
      {suggestion ? (
        <>
          <p className={styles.warn}>{t('didYouMean', { suggestion })}</p>
          <button type="button" className={`button small ${styles.fix}`} onClick={() => onUse(suggestion)}>
            {t('useSuggestion', { suggestion })}
          </button>
        </>
      ) : null}
    </div>
  );
}
