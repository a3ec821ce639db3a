'use client';

import { useTranslations } from 'next-intl';

import { cyrillicInLockCode } from '@/lib/appeal/lock-code';

import styles from './ImeiFeedback.module.css';

/**
 * Under the lock code: Cyrillic letters typed on a Russian, Bulgarian or Ukrainian keyboard look
 * like the Latin ones the screen may show, and support copies the code letter for letter. Says
 * which letters, and offers the code in Latin where every one of them has a Latin look-alike.
 * The code is never changed without the user's click: no public source gives its alphabet.
 */
export function LockCodeFeedback({ id, value, onUse }: { id: string; value: string; onUse: (code: string) => void }) {
  const t = useTranslations('form.device.lockCodeLive');
  const found = cyrillicInLockCode(value);
  return (
    <div id={id} className={styles.live} aria-live="polite">
      {found ? <p className={styles.warn}>{t('cyrillic', { letters: found.letters.join(', ') })}</p> : null}
      {found?.latin ? (
        <button type="button" className={`button small ${styles.fix}`} onClick={() => onUse(found.latin!)}>
          {t('use', { code: found.latin })}
        </button>
      ) : null}
    </div>
  );
}
