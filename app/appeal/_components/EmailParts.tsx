'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

import type { AppealEmail } from '@/lib/appeal/email';
import type { TAppeal } from '@/lib/appeal/schema';
import type { AppealResult } from '@/lib/form/draft';
import { Help } from '@/app/_components/Help';
import { CopyButton } from '@/app/appeal/_components/CopyButton';
import { TermList } from '@/app/appeal/_components/TermList';

import styles from './EmailParts.module.css';

/**
 * The e-mail in parts to copy (address, subject, the full letter behind a disclosure) and the
 * other ways to send it: an .eml draft with the PDF attached, or webmail by hand.
 */
export function EmailParts({ appeal, result, email }: { appeal: TAppeal; result: AppealResult; email: AppealEmail }) {
  const t = useTranslations('result');
  const [emlState, setEmlState] = useState<'idle' | 'building' | 'failed'>('idle');

  const downloadEml = async () => {
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
    <section className="card" aria-labelledby="result-email">
      <h2 id="result-email">{t('email.heading')}</h2>
      <TermList
        className={styles.parts}
        terms={[
          {
            term: t('email.to'),
            detail: (
              <>
                <span className="address">{email.to}</span> <CopyButton text={email.to} label={t('email.copyTo')} />
              </>
            ),
          },
          {
            term: t('email.subject'),
            detail: (
              <>
                {/* The subject is always English (support's working language): read out as English. */}
                <span lang="en">{email.subject}</span> <CopyButton text={email.subject} label={t('email.copySubject')} />
              </>
            ),
          },
        ]}
      />
      <Help summary={t('email.showLetter')}>
        <label htmlFor="email-body" className="visually-hidden">
          {t('email.body')}
        </label>
        <textarea id="email-body" readOnly value={email.body} rows={14} className="email-body" />
        <CopyButton text={email.body} label={t('email.copyBody')} />
      </Help>

      <h3>{t('send.heading')}</h3>
      <div className="action-stack">
        <div className={styles.option}>
          <button type="button" className="button" onClick={() => void downloadEml()} disabled={emlState === 'building'}>
            {t('send.eml')}
          </button>
          <p className="hint">{t('send.emlExplain')}</p>
          <p aria-live="polite" className="hint">
            {emlState === 'building' ? t('send.emlBuilding') : emlState === 'failed' ? t('send.emlFailed') : ''}
          </p>
        </div>
        <p className="hint">{t('send.copyPaste')}</p>
      </div>
    </section>
  );
}
