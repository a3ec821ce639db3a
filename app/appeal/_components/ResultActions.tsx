'use client';

import { useTranslations } from 'next-intl';

import type { AppealEmail } from '@/lib/appeal/email';
import type { AppealResult } from '@/lib/form/draft';
import { ShareAppeal } from '@/app/appeal/_components/ShareAppeal';
import { useFormatBytes } from '@/app/appeal/_components/use-format-bytes';
import { useObjectUrlRef } from '@/app/appeal/_components/use-object-url';

import styles from './ResultActions.module.css';

/**
 * The two things left to do, first on the page and side by side where there is room: download
 * the PDF, then open the e-mail in the mail app (on a phone that can share files, first a share
 * button that attaches the PDF). Everything else on the result page can wait.
 */
export function ResultActions({ result, email }: { result: AppealResult; email: AppealEmail | null }) {
  const t = useTranslations('result');
  const formatBytes = useFormatBytes();
  const pdfLinkRef = useObjectUrlRef<HTMLAnchorElement>(result.pdf);
  return (
    <section className={`card ${styles.actions}`} aria-label={t('heading')}>
      <div className={styles.action}>
        <h2 id="result-pdf">{t('pdf.heading')}</h2>
        <a className="button primary" ref={pdfLinkRef} download={result.fileName}>
          {t('pdf.download', { size: formatBytes(result.pdf.size) })}
        </a>
        <p className={`hint ${styles.fileName}`}>{result.fileName}</p>
      </div>
      <div className={styles.action}>
        <h2 id="result-send">{t('send.actionHeading')}</h2>
        {email ? (
          <>
            <ShareAppeal className={styles.share} pdf={result.pdf} fileName={result.fileName} subject={email.subject} body={email.body} />
            <a className="button primary" href={email.mailtoUrl}>
              {t('send.mailto')}
            </a>
            <p className="hint important">{t('send.mailtoAttach')}</p>
            {/* A mailto link holds about 2,000 characters: say so when it carries the short letter. */}
            {email.mailtoBodyKind === 'full' ? null : (
              <p className="hint" data-testid="mailto-short">
                {t('send.mailtoShort')}
              </p>
            )}
          </>
        ) : (
          <p aria-live="polite">{t('email.preparing')}</p>
        )}
      </div>
    </section>
  );
}
