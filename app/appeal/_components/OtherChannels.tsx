'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect } from 'react';

import type { TAppeal } from '@/lib/appeal/schema';
import { countryName } from '@/lib/countries';
import { otherWaysFor, telHref, type SupportChannel } from '@/lib/support/channels';
import type { EvidenceCounts } from '@/lib/appeal/evidence-rules';
import { noAccessFormRows } from '@/lib/support/no-access-form';
import { serviceCentreItems } from '@/lib/support/service-centre';
import { Help } from '@/app/_components/Help';
import { NewTabLink } from '@/app/_components/NewTabLink';
import { CopyButton } from '@/app/appeal/_components/CopyButton';
import { withReferenceWord } from '@/app/appeal/_components/reference-word';
import { SourceStatus } from '@/app/appeal/_components/SourceStatus';

import styles from './OtherChannels.module.css';

type ChannelAppeal = Pick<
  TAppeal,
  'imei' | 'lockCode' | 'model' | 'country' | 'linkedAccount' | 'sellerName' | 'orderNumber' | 'purchaseDate' | 'caseReference'
  // What is under "Receipt": a receipt, or a second-hand sale record (the service-centre checklist).
  | 'purchaseChannel' | 'saleVenue' | 'firstBuyerReceipt'
>;

/**
 * Ways to reach Xiaomi besides the e-mail, best first: the country's chat, hotline or web form (with
 * what to have ready), Xiaomi's own no-access form with a copy sheet in that form's order, and,
 * where Xiaomi offers service, a service-centre visit with a one-page checklist to print. The intro
 * says where the channels come from, as the badge under each does (otherWaysFor).
 */
export function OtherChannels({ appeal, fileName, enclosed }: { appeal: ChannelAppeal; fileName: string; enclosed: EvidenceCounts }) {
  const t = useTranslations('result.channels');
  const locale = useLocale();
  const { own, intro, serviceCentre } = otherWaysFor(appeal.country);
  const country = countryName(appeal.country, locale);

  return (
    <section className="card channels" aria-labelledby="result-channels">
      <h2 id="result-channels">{t('heading')}</h2>
      <p>{t(intro, { country })}</p>
      <ol className={styles.channelList}>
        {own.map((channel) => (
          <CountryChannel key={`${channel.kind}-${channel.value}`} channel={channel} reference={appeal.caseReference} />
        ))}
        <li className={styles.channel} data-testid="channel-no-access-form">
          <h3>{t('form.heading')}</h3>
          <p>{t('form.explain')}</p>
          {/* Folded: six answers with copy buttons are needed only by those who open that form. */}
          <Help summary={t('form.show')}>
            <NoAccessFormSheet appeal={appeal} enclosed={enclosed} />
          </Help>
        </li>
        {serviceCentre ? (
          <li className={styles.channel} data-testid="channel-service-centre">
            <h3>{t('centre.heading')}</h3>
            <p>{t('centre.explain')}</p>
            <Help summary={t('centre.show')}>
              <ServiceCentreChecklist appeal={appeal} fileName={fileName} enclosed={enclosed} />
            </Help>
          </li>
        ) : null}
      </ol>
    </section>
  );
}

function CountryChannel({ channel, reference }: { channel: SupportChannel; reference: string }) {
  const t = useTranslations('result.channels');
  const tForm = useTranslations('form');
  return (
    <li className={styles.channel} data-testid={`channel-${channel.kind}`}>
      <h3>{t(`kind.${channel.kind}`)}</h3>
      {channel.kind === 'hotline' ? (
        <p className="hotline">
          <a className="button" href={telHref(channel.value)}>
            {t('call', { number: channel.value })}
          </a>
        </p>
      ) : (
        <p>
          <NewTabLink className="button" href={channel.value} opensInNewTab={tForm('opensInNewTab')}>
            {t(`open.${channel.kind}`)}
          </NewTabLink>
        </p>
      )}
      <SourceStatus status={channel.status} sourceUrl={channel.sourceUrl} lastChecked={channel.lastChecked} />
      <p className="hint">{withReferenceWord((hole) => t(`ready.${channel.kind}`, { reference: hole }), reference)}</p>
    </li>
  );
}

function NoAccessFormSheet({ appeal, enclosed }: { appeal: ChannelAppeal; enclosed: EvidenceCounts }) {
  const t = useTranslations('result.channels.form');
  const locale = useLocale();
  const rows = noAccessFormRows(appeal, enclosed, locale);
  return (
    <ol className={`copy-sheet ${styles.copySheet}`}>
      {rows.map((row) => (
        <li key={row.field}>
          <span className={styles.copySheetLabel}>{t(`field.${row.field}`)}</span>
          {'value' in row ? (
            <span className={styles.copySheetValue}>
              <strong>{row.value}</strong> <CopyButton text={row.value} label={t('copy')} />
            </span>
          ) : (
            <span className={`hint ${styles.copySheetValue}`}>{t(`action.${row.field}`)}</span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Prints only the checklist: a class on <html> narrows the print style sheet to it. */
function printChecklist() {
  const root = document.documentElement;
  root.classList.add('print-checklist');
  window.print();
}

function ServiceCentreChecklist({ appeal, fileName, enclosed }: { appeal: ChannelAppeal; fileName: string; enclosed: EvidenceCounts }) {
  const t = useTranslations('result.channels.centre');
  useEffect(() => {
    const done = () => document.documentElement.classList.remove('print-checklist');
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);
  const device = appeal.imei ? t('imei', { imei: appeal.imei }) : t('lockCode', { lockCode: appeal.lockCode });
  return (
    <div className={styles.checklist} data-testid="service-checklist">
      <p className={styles.printOnly}>
        <strong>{t('printTitle')}</strong>
      </p>
      <p>
        {appeal.model ? `${appeal.model} · ` : ''}
        {device} · {withReferenceWord((reference) => t('reference', { reference }), appeal.caseReference)}
      </p>
      <ul className="checklist">
        {serviceCentreItems(appeal, enclosed).map((item) => (
          <li key={item}>{item === 'pdf' ? t('item.pdf', { fileName }) : t(`item.${item}`)}</li>
        ))}
      </ul>
      <p className="hint">{t('ask')}</p>
      <button type="button" className={`button small ${styles.noPrint}`} onClick={printChecklist}>
        {t('print')}
      </button>
    </div>
  );
}
