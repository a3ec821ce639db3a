'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';

import type { TAppeal } from '@/lib/appeal/schema';
import { isLocale } from '@/lib/i18n/locales';
import { parseDraftAppeal } from '@/lib/form/appeal-payload';
import type { AppealDraft, AppealResult } from '@/lib/form/draft';
import { CopyButton } from '@/app/appeal/_components/CopyButton';
import { OtherChannels } from '@/app/appeal/_components/OtherChannels';
import { ShareAppeal } from '@/app/appeal/_components/ShareAppeal';
import { useFormatBytes } from '@/app/appeal/_components/use-format-bytes';
import { useObjectUrlRef } from '@/app/appeal/_components/use-object-url';

import styles from './ResultView.module.css';

type ComposedEmail = { to: string; subject: string; body: string; mailtoUrl: string };

/**
 * The finished appeal: the PDF to download, the e-mail to send (three ways: mail app, copy and
 * paste, or an .eml draft with the PDF already attached) and what happens next.
 */
export default function ResultView({
  draft,
  result,
  onEdit,
}: {
  draft: AppealDraft;
  result: AppealResult | null;
  onEdit: () => void;
}) {
  const t = useTranslations('result');
  const locale = useLocale();
  const appeal = useMemo(() => parseDraftAppeal(draft, isLocale(locale) ? locale : 'en'), [draft, locale]);
  if (!result || !appeal) {
    return (
      <div className="card">
        <p>{t('missing')}</p>
        <button type="button" className="button" onClick={onEdit}>
          {t('edit')}
        </button>
      </div>
    );
  }
  return <FinishedAppeal appeal={appeal} result={result} onEdit={onEdit} />;
}

function FinishedAppeal({ appeal, result, onEdit }: { appeal: TAppeal; result: AppealResult; onEdit: () => void }) {
  const t = useTranslations('result');
  const formatBytes = useFormatBytes();
  const pdfLinkRef = useObjectUrlRef<HTMLAnchorElement>(result.pdf);
  const [email, setEmail] = useState<ComposedEmail | null>(null);
  const [emlState, setEmlState] = useState<'idle' | 'building' | 'failed'>('idle');

  useEffect(() => {
    let live = true;
    void import('@/lib/appeal/email').then(({ composeAppealEmail }) => {
      if (!live) return;
      setEmail(
        composeAppealEmail(appeal, { to: result.recipient, attachmentName: result.fileName, caseReference: appeal.caseReference }),
      );
    });
    return () => {
      live = false;
    };
  }, [appeal, result.recipient, result.fileName]);

  const downloadEml = async () => {
    if (!email) return;
    setEmlState('building');
    try {
      const { buildEml } = await import('@/lib/form/eml');
      const raw = await buildEml({
        from: appeal.contactEmail,
        to: email.to,
        subject: email.subject,
        body: email.body,
        attachment: { fileName: result.fileName, bytes: new Uint8Array(await result.pdf.arrayBuffer()) },
      });
      const url = URL.createObjectURL(new Blob([raw], { type: 'message/rfc822' }));
      setEmlState('idle');
      const link = document.createElement('a');
      link.href = url;
      link.download = result.fileName.replace(/\.pdf$/i, '') + '.eml';
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started from the URL; a minute is ample before letting it go.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setEmlState('failed');
    }
  };

  return (
    <div className="result">
      <p className="lead">{t('lead')}</p>
      <p className="case-reference">
        {t('caseReference')} <strong>{appeal.caseReference}</strong>
      </p>

      <section className="card" aria-labelledby="result-pdf">
        <h2 id="result-pdf">{t('pdf.heading')}</h2>
        <p>{t('pdf.explain')}</p>
        <a className="button primary" ref={pdfLinkRef} download={result.fileName}>
          {t('pdf.download', { size: formatBytes(result.pdf.size) })}
        </a>
        <p className={`hint ${styles.fileName}`}>{result.fileName}</p>
      </section>

      <section className="card" aria-labelledby="result-email">
        <h2 id="result-email">{t('email.heading')}</h2>
        {email ? (
          <>
            <dl className={styles.emailParts}>
              <div className="row">
                <dt>{t('email.to')}</dt>
                <dd>
                  <span className="address">{email.to}</span> <CopyButton text={email.to} what={t('email.to')} />
                </dd>
              </div>
              <div className="row">
                <dt>{t('email.subject')}</dt>
                <dd>
                  <span>{email.subject}</span> <CopyButton text={email.subject} what={t('email.subject')} />
                </dd>
              </div>
            </dl>
            <label htmlFor="email-body">{t('email.body')}</label>
            <textarea id="email-body" readOnly value={email.body} rows={12} className="email-body" />
            <CopyButton text={email.body} what={t('email.body')} />

            <h3>{t('send.heading')}</h3>
            <div className="send-options">
              <ShareAppeal className={styles.sendOption} pdf={result.pdf} fileName={result.fileName} subject={email.subject} body={email.body} />
              <div className={styles.sendOption}>
                <a className="button primary" href={email.mailtoUrl}>
                  {t('send.mailto')}
                </a>
                <p className="hint important">{t('send.mailtoAttach')}</p>
              </div>
              <div className={styles.sendOption}>
                <button type="button" className="button" onClick={() => void downloadEml()} disabled={emlState === 'building'}>
                  {t('send.eml')}
                </button>
                <p className="hint">{t('send.emlExplain')}</p>
                <p aria-live="polite" className="hint">
                  {emlState === 'building' ? t('send.emlBuilding') : emlState === 'failed' ? t('send.emlFailed') : ''}
                </p>
              </div>
              <div className={styles.sendOption}>
                <p className="hint">{t('send.copyPaste')}</p>
              </div>
            </div>
          </>
        ) : (
          <p aria-live="polite">{t('email.preparing')}</p>
        )}
      </section>

      <OtherChannels appeal={appeal} fileName={result.fileName} />

      <section className="card" aria-labelledby="result-next">
        <h2 id="result-next">{t('next.heading')}</h2>
        <ol>
          <li>{t('next.send')}</li>
          <li>{t('next.wait')}</li>
          <li>{t('next.spam')}</li>
          <li>{t('next.followUp', { reference: appeal.caseReference })}</li>
          <li>{t('next.approved')}</li>
          <li>{t('next.keep')}</li>
        </ol>
      </section>

      <div className="step-actions">
        <button type="button" className="button" onClick={onEdit}>
          {t('edit')}
        </button>
      </div>
    </div>
  );
}
