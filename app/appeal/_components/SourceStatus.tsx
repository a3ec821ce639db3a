'use client';

import { useFormatter, useTranslations } from 'next-intl';

import type { AddressStatus } from '@/lib/support/addresses';

import styles from './SourceStatus.module.css';

const BADGE_TONE = { official: styles.ok, articles: styles.warn, reseller: styles.alert } as const;

/**
 * Where an address or a hotline comes from, in words a user understands ("on Xiaomi's own site",
 * "from how-to articles", "a reseller, not Xiaomi"), with its source page and last check.
 */
export function SourceStatus({ status, sourceUrl, lastChecked }: { status: AddressStatus; sourceUrl: string | null; lastChecked: string }) {
  const t = useTranslations('form.purchase.recipient');
  const format = useFormatter();
  return (
    <p className={styles.source}>
      <span className={`${styles.badge} ${BADGE_TONE[status]}`} data-testid="source-status">{t(`status.${status}`)}</span>{' '}
      {sourceUrl ? (
        <>
          {t('source')}{' '}
          <a href={sourceUrl} target="_blank" rel="noopener noreferrer">
            {sourceUrl.replace(/^https?:\/\//, '')}
          </a>
        </>
      ) : (
        t('noSource')
      )}{' '}
      {t('lastChecked', { date: format.dateTime(new Date(`${lastChecked}T12:00:00Z`), { dateStyle: 'medium' }) })}
    </p>
  );
}
