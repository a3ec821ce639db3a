'use client';

import { useFormatter, useTranslations } from 'next-intl';

import type { AddressStatus } from '@/lib/support/addresses';
import { NewTabLink } from '@/app/_components/NewTabLink';

import styles from './SourceStatus.module.css';

const BADGE_TONE = { official: styles.ok, articles: styles.warn, reseller: styles.alert } as const;

/** How far an address can be trusted, in a word: "on Xiaomi's own site", "from how-to articles"… */
export function StatusBadge({ status }: { status: AddressStatus }) {
  const t = useTranslations('form.purchase.recipient');
  return (
    <span className={`${styles.badge} ${BADGE_TONE[status]}`} data-testid="source-status">
      {t(`status.${status}`)}
    </span>
  );
}

/**
 * Where an address or a hotline comes from, in words a user understands ("on Xiaomi's own site",
 * "from how-to articles", "a reseller, not Xiaomi"), with its source page and last check.
 */
export function SourceStatus({ status, sourceUrl, lastChecked }: { status: AddressStatus; sourceUrl: string | null; lastChecked: string }) {
  const t = useTranslations('form.purchase.recipient');
  const tForm = useTranslations('form');
  const format = useFormatter();
  return (
    <p className={styles.source}>
      <StatusBadge status={status} />{' '}
      {sourceUrl ? (
        <>
          {t('source')}{' '}
          <NewTabLink href={sourceUrl} opensInNewTab={tForm('opensInNewTab')}>
            {sourceUrl.replace(/^https?:\/\//, '')}
          </NewTabLink>
        </>
      ) : (
        t('noSource')
      )}{' '}
      {t('lastChecked', { date: format.dateTime(new Date(`${lastChecked}T12:00:00Z`), { dateStyle: 'medium' }) })}
    </p>
  );
}
