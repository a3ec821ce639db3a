'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

import { MAX_REQUEST_BYTES } from '@/lib/appeal/evidence-rules';
import { unexplainedFailure, uploadAppeal, type UploadOutcome } from '@/lib/form/upload';
import { useFormatBytes } from '@/app/appeal/_components/use-format-bytes';
import { UploadProgress } from '@/app/appeal/_components/UploadProgress';

import summaryStyles from './ErrorSummary.module.css';
import styles from './GeneratePanel.module.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'processing' }
  /** The user pressed Cancel: said plainly, so a stray click never passes unnoticed. */
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string; details: string[] };

/**
 * Sends the appeal in one upload and shows what is happening: bytes sent, then the server building
 * the PDF. Cancel aborts the request. Field errors go back to the wizard, which opens the step.
 * A second click on "Create" while working is ignored, and Cancel sits under the progress bar,
 * never where the Create button was: a reflexive double click must not cancel the upload.
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
  const tErrors = useTranslations('errors');
  const formatBytes = useFormatBytes();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const createRef = useRef<HTMLButtonElement>(null);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (phase.kind === 'failed') statusRef.current?.focus();
    // Cancel has gone from the page: focus returns to the button that starts again.
    if (phase.kind === 'cancelled') createRef.current?.focus();
  }, [phase.kind]);

  const unexplainedMessage = (status: number, retryAfterSeconds: number | null): string => {
    switch (unexplainedFailure(status)) {
      case 'busy':
        return t('busy', { seconds: retryAfterSeconds ?? 60 });
      case 'tooLarge':
        return tErrors('request.tooLarge', { maxMb: MAX_REQUEST_BYTES / (1024 * 1024) });
      case 'notFromServer':
        return t('notFromServer');
      case 'failed':
        return t('failed', { status });
    }
  };

  const start = async () => {
    // The button stays enabled while working (so it keeps focus): a second press is ignored here.
    if (controller.current) return;
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
        setPhase({ kind: 'cancelled' });
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
        const message = outcome.error.message || unexplainedMessage(outcome.status, outcome.retryAfterSeconds);
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
          ? t('sizeShrunk', { size: formatBytes(uploadSize), original: formatBytes(originalSize) })
          : t('size', { size: formatBytes(uploadSize) })}
      </p>
      {blockedReason ? <p className="field-error">{blockedReason}</p> : null}
      <div className={styles.actions}>
        {/* Only marked unavailable while working (start() ignores a second press): a disabled button
            drops the focus it holds to the page's start, and a keyboard user would lose their place. */}
        <button
          ref={createRef}
          type="button"
          className="button primary"
          disabled={blockedReason !== null}
          aria-disabled={working || undefined}
          onClick={() => void start()}
        >
          {t('start')}
        </button>
      </div>

      <div className="generate-status">
        {/* Always on the page: its status line must be a live region before the upload starts for
            its first words to be heard. Only that line is announced (the phase, or "cancelled"),
            once each; not the byte counts, which change many times a second. */}
        <UploadProgress
          active={working}
          status={working ? (phase.kind === 'uploading' ? t('uploading') : t('processing')) : phase.kind === 'cancelled' ? t('cancelled') : ''}
          statusClassName={working ? undefined : styles.cancelled}
          percent={phase.kind === 'uploading' ? percent : 100}
          detail={
            phase.kind === 'uploading' ? t('uploadedBytes', { percent, sent: formatBytes(phase.sent), total: formatBytes(phase.total) }) : null
          }
          cancelLabel={t('cancel')}
          onCancel={() => controller.current?.abort()}
        />
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
