'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useEffect } from 'react';

import { countryName } from '@/lib/countries';
import { supportAddressFor, supportAddressesFor } from '@/lib/support/addresses';
import { isPlausibleEmail } from '@/lib/form/email-address';

import styles from './RecipientBox.module.css';

/**
 * The support address the chosen country selects, where that address was seen and whether an
 * official page confirms it. Addresses change, so the user may type another recipient; until they
 * do, the recipient follows the country.
 */
export function RecipientBox({
  country,
  recipient,
  edited,
  onChange,
  serverError,
}: {
  country: string;
  recipient: string;
  edited: boolean;
  onChange: (recipient: string, edited: boolean) => void;
  serverError?: string;
}) {
  const t = useTranslations('form.purchase.recipient');
  const locale = useLocale();
  const format = useFormatter();
  const entry = country ? supportAddressFor(country) : null;
  const suggested = entry?.email ?? '';

  useEffect(() => {
    if (!edited && suggested && recipient !== suggested) onChange(suggested, false);
  }, [edited, suggested, recipient, onChange]);

  if (!entry) return null;
  const invalid = recipient !== '' && !isPlausibleEmail(recipient);
  const error = serverError ?? (invalid ? t('invalid') : recipient === '' ? t('empty') : undefined);
  const alternatives = supportAddressesFor(country).filter((alt) => alt.email !== recipient);
  const isFallback = entry.country.toUpperCase() !== country.toUpperCase();

  return (
    <section className="card" aria-labelledby="recipient-heading">
      <h2 id="recipient-heading">{t('heading')}</h2>
      <p>
        {isFallback ? t('fallback', { country: countryName(country, locale) }) : t('forCountry', { country: countryName(country, locale) })}{' '}
        <strong className={styles.address}>{suggested}</strong>
      </p>
      <p className={styles.source}>
        {entry.confirmed ? <span className={`${styles.badge} ${styles.ok}`}>{t('confirmed')}</span> : <span className={`${styles.badge} ${styles.warn}`}>{t('notConfirmed')}</span>}{' '}
        {entry.sourceUrl ? (
          <>
            {t('source')}{' '}
            <a href={entry.sourceUrl} target="_blank" rel="noopener noreferrer">
              {entry.sourceUrl.replace(/^https?:\/\//, '')}
            </a>
          </>
        ) : (
          t('noSource')
        )}{' '}
        {t('lastChecked', { date: format.dateTime(new Date(`${entry.lastChecked}T12:00:00Z`), { dateStyle: 'medium' }) })}
      </p>
      <div className={error ? 'field has-error' : 'field'}>
        <label htmlFor="recipient">{t('label')}</label>
        <p className="hint" id="recipient-hint">
          {t('hint')}
        </p>
        {error ? (
          <p className="field-error" id="recipient-error">
            {error}
          </p>
        ) : null}
        <input
          id="recipient"
          type="email"
          autoComplete="off"
          value={recipient}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'recipient-hint recipient-error' : 'recipient-hint'}
          onChange={(event) => onChange(event.target.value.trim(), true)}
        />
        {alternatives.length > 0 ? (
          <div className={styles.alternatives}>
            <p className="hint">{t('alternatives')}</p>
            {alternatives.map((alt) => (
              <button
                key={alt.email}
                type="button"
                className="button small"
                onClick={() => onChange(alt.email, alt.email !== suggested)}
              >
                {t('useAddress', { address: alt.email })}
              </button>
            ))}
          </div>
        ) : null}
      </div>
    </section>
  );
}
