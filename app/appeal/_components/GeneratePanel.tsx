'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

import { formatBytes } from '@/lib/form/format-bytes';
import { uploadAppeal, type UploadOutcome } from '@/lib/form/upload';

import summaryStyles from './ErrorSummary.module.css';
import styles from './GeneratePanel.module.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'processing' }
  | { kind: 'failed'; message: string; details: string[] };

/**
 * Sends the appeal in one upload and shows what is happening: bytes sent, then the server building
 * the PDF. Cancel aborts the request. Field errors go back to the wizard, which opens the step.
 */
export function GeneratePanel({
  buildBody,
  uploadSize,
  originalSize,
  blockedReason,
  onPdf,
  onFieldErrors,
}: {
  buildBody: () => FormData;
  uploadSize: number;
  originalSize: number;
  blockedReason: string | null;
  onPdf: (pdf: Blob, fileName: string | null) => void;
  /** Returns the messages no step could place, to show here. */
  onFieldErrors: (fields: Record<string, string>) => string[];
}) {
  const t = useTranslations('form.generate');
  const locale = useLocale();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (phase.kind === 'failed') statusRef.current?.focus();
  }, [phase.kind]);

  const start = async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'uploading', sent: 0, total: uploadSize });
    const outcome = await uploadAppeal(buildBody(), abort.signal, {
      onProgress: (sent, total) => setPhase({ kind: 'uploading', sent, total: total || uploadSize }),
      onUploaded: () => setPhase({ kind: 'processing' }),
    });
    if (controller.current !== abort) return;
    controller.current = null;
    handle(outcome);
  };

  const handle = (outcome: UploadOutcome) => {
    switch (outcome.kind) {
      case 'pdf':
        setPhase({ kind: 'idle' });
        onPdf(outcome.pdf, outcome.fileName);
        return;
      case 'cancelled':
        setPhase({ kind: 'idle' });
        return;
      case 'network':
        setPhase({ kind: 'failed', message: t('network'), details: [] });
        return;
      case 'rejected': {
        // File errors list the file's field (boxPhoto, receipt, extra), so they land in its upload zone.
        const { fields } = outcome.error;
        const unplaced = Object.keys(fields).length > 0 ? onFieldErrors(fields) : [];
        if (Object.keys(fields).length > 0 && unplaced.length === 0) {
          setPhase({ kind: 'idle' });
          return;
        }
        const message =
          outcome.error.message ||
          (outcome.status === 503 ? t('busy', { seconds: outcome.retryAfterSeconds ?? 60 }) : t('failed', { status: outcome.status }));
        setPhase({ kind: 'failed', message, details: unplaced });
        return;
      }
    }
  };

  const working = phase.kind === 'uploading' || phase.kind === 'processing';
  const percent = phase.kind === 'uploading' && phase.total > 0 ? Math.min(100, Math.round((phase.sent / phase.total) * 100)) : 0;

  return (
    <section className="generate card" aria-labelledby="generate-heading">
      <h2 id="generate-heading">{t('heading')}</h2>
      <p>{t('explain')}</p>
      <p className="upload-size">
        {uploadSize < originalSize
          ? t('sizeShrunk', { size: formatBytes(uploadSize, locale), original: formatBytes(originalSize, locale) })
          : t('size', { size: formatBytes(uploadSize, locale) })}
      </p>
      {blockedReason ? <p className="field-error">{blockedReason}</p> : null}
      <div className="step-actions">
        <button type="button" className="button primary" disabled={working || blockedReason !== null} onClick={() => void start()}>
          {t('start')}
        </button>
        {working ? (
          <button type="button" className="button" onClick={() => controller.current?.abort()}>
            {t('cancel')}
          </button>
        ) : null}
      </div>

      <div className="generate-status" aria-live="polite" aria-busy={working}>
        {phase.kind === 'uploading' ? (
          <div className={styles.progress}>
            <label htmlFor="upload-progress">{t('uploading')}</label>
            <progress id="upload-progress" max={100} value={percent}>
              {percent}%
            </progress>
            <p>
              {t('uploadedBytes', {
                percent,
                sent: formatBytes(phase.sent, locale),
                total: formatBytes(phase.total, locale),
              })}
            </p>
          </div>
        ) : null}
        {phase.kind === 'processing' ? (
          <p className={styles.processing}>
            <span className={styles.spinner} aria-hidden="true" /> {t('processing')}
          </p>
        ) : null}
      </div>
      {phase.kind === 'failed' ? (
        <div className={summaryStyles.summary} role="alert" tabIndex={-1} ref={statusRef}>
          <p>{phase.message}</p>
          {phase.details.length > 0 ? (
            <ul>
              {phase.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
