'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect } from 'react';

import { countryName } from '@/lib/countries';
import {
  addressEntry,
  resellerAddressesFor,
  supportAddressFor,
  supportAddressesFor,
  type SupportAddress,
} from '@/lib/support/addresses';
import { recipientProblem } from '@/lib/form/email-address';
import { SourceStatus, StatusBadge } from '@/app/appeal/_components/SourceStatus';
import { Help } from '@/app/_components/Help';

function AddressStatus({ entry }: { entry: SupportAddress }) {
  return <SourceStatus status={entry.status} sourceUrl={entry.sourceUrl} lastChecked={entry.lastChecked} />;
}

import styles from './RecipientBox.module.css';

/**
 * The support address the chosen country selects and how far it can be trusted. Addresses change,
 * so the user may type another recipient; until they do, the recipient follows the country. A
 * reseller's address (Ukraine, Belarus) is never proposed: it is shown apart, with why, as an opt-in.
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
  const entry = country ? supportAddressFor(country) : null;
  const suggested = entry?.email ?? '';

  useEffect(() => {
    if (!edited && suggested && recipient !== suggested) onChange(suggested, false);
  }, [edited, suggested, recipient, onChange]);

  if (!entry) return null;
  const problem = recipientProblem(recipient);
  const error = serverError ?? (problem ? t(problem) : undefined);
  const alternatives = supportAddressesFor(country).filter((alt) => alt.email !== recipient);
  const resellers = resellerAddressesFor(country);
  const chosen = recipient && recipient !== suggested ? addressEntry(recipient) : undefined;
  const isFallback = entry.country.toUpperCase() !== country.toUpperCase();
  const name = countryName(country, locale);

  return (
    <section className="card" aria-labelledby="recipient-heading">
      <h2 id="recipient-heading">{t('heading')}</h2>
      <p>
        {isFallback ? t('fallback', { country: name }) : t('forCountry', { country: name })}{' '}
        <strong className={styles.address}>{suggested}</strong>
      </p>
      <AddressStatus entry={entry} />
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
          aria-required="true"
          value={recipient}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'recipient-hint recipient-error' : 'recipient-hint'}
          onChange={(event) => onChange(event.target.value.trim(), true)}
        />
        {chosen ? (
          <div className="chosen-status" data-testid="chosen-status">
            <AddressStatus entry={chosen} />
          </div>
        ) : null}
        {alternatives.length > 0 ? (
          <div className={styles.alternatives}>
            <p className="hint">{t('alternatives')}</p>
            {/* Each with how far it can be trusted, before it is picked (US: only how-to articles name one). */}
            {alternatives.map((alt) => (
              <p key={alt.email} className={styles.alternative}>
                <button type="button" className="button small" onClick={() => onChange(alt.email, alt.email !== suggested)}>
                  {t('useAddress', { address: alt.email })}
                </button>{' '}
                <StatusBadge status={alt.status} />
              </p>
            ))}
          </div>
        ) : null}
      </div>
      {resellers.map((reseller) => (
        <Help key={reseller.email} open={recipient === reseller.email} summary={t('reseller.summary', { country: name })}>
          <p>{t('reseller.explain', { address: reseller.email })}</p>
          <AddressStatus entry={reseller} />
          {recipient === reseller.email ? (
            <p className="hint important">{t('reseller.chosen')}</p>
          ) : (
            <button type="button" className="button small" onClick={() => onChange(reseller.email, true)}>
              {t('reseller.optIn', { address: reseller.email })}
            </button>
          )}
        </Help>
      ))}
    </section>
  );
}
