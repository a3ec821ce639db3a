'use client';

import { useTranslations } from 'next-intl';

import { checkImei, normalizeImeiInput, strayInImei } from '@/lib/imei';
import { groupImeiDigits } from '@/lib/form/imei-display';

import styles from './ImeiFeedback.module.css';

/**
 * What the typed IMEI looks like so far: grouped like the label, whether the check digit adds up,
 * and for 14 or 16 digits the IMEI it most likely is, with a one-click fix. Once the field shows
 * its error, that error says what is wrong: this line then keeps only the digits and the fix
 * (the same message three times filled a phone's screen).
 */
export function ImeiFeedback({
  id,
  value,
  onUse,
  hasFieldError = false,
}: {
  id: string;
  value: string;
  onUse: (imei: string) => void;
  /** The field already shows the full error: the live line then only groups the digits. */
  hasFieldError?: boolean;
}) {
  const t = useTranslations('form.device.imeiLive');
  const check = checkImei(value);
  const digits = normalizeImeiInput(value);
  const grouped = groupImeiDigits(value);
  const stray = strayInImei(value);
  const verdict = (() => {
    if (check.kind === 'valid') return <p className={styles.ok}>{t('valid')}</p>;
    if (hasFieldError) return null;
    if (check.kind === 'wrong-check-digit') return <p className={styles.warn}>{t('wrongCheckDigit')}</p>;
    if (check.kind === 'not-an-imei' && stray) return <p className={styles.warn}>{t('notDigits', { stray })}</p>;
    if (check.kind === 'missing-check-digit' || check.kind === 'imeisv') {
      return (
        <p className={styles.warn}>
          {check.kind === 'imeisv' ? t('imeisv') : t('missingCheckDigit')} {t('suggestion', { imei: groupImeiDigits(check.suggestion) })}
        </p>
      );
    }
    return null;
  })();
  // Only the verdict is announced, when it changes. The digits typed so far and their count change
  // with every key: in the live region a screen reader read them out after each digit, over the
  // typing echo. They stay on screen, and in the box's description (this block's id).
  return (
    <div id={id} className={styles.live}>
      {check.kind !== 'empty' && /^\d+$/.test(digits) ? (
        <p>
          <span className="visually-hidden">{t('typed')} </span>
          <span className={styles.digits}>{grouped}</span> <span className={styles.count}>{t('count', { count: digits.length })}</span>
        </p>
      ) : null}
      <div aria-live="polite">{verdict}</div>
      {check.kind === 'not-an-imei' && !stray && !hasFieldError ? <p className={styles.warn}>{t('digitCount', { count: digits.length })}</p> : null}
      {check.kind === 'missing-check-digit' || check.kind === 'imeisv' ? (
        <button type="button" className={`button small ${styles.fix}`} onClick={() => onUse(check.suggestion)}>
          {t('use', { imei: check.suggestion })}
        </button>
      ) : null}
    </div>
  );
}
