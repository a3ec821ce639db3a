'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState, useSyncExternalStore } from 'react';

/**
 * On a phone, one button opens the share sheet with the evidence PDF and the message, so the mail
 * app starts with the PDF attached (a mailto: link cannot attach a file, and webmail cannot open an
 * .eml draft). Shown only where the browser says it can share that file.
 */
export function ShareAppeal({
  className,
  pdf,
  fileName,
  subject,
  body,
}: {
  className?: string;
  pdf: Blob;
  fileName: string;
  subject: string;
  body: string;
}) {
  const t = useTranslations('result.share');
  const file = useMemo(() => new File([pdf], fileName, { type: 'application/pdf' }), [pdf, fileName]);
  const canShare = useSyncExternalStore(
    subscribeToNothing,
    () => typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] }),
    () => false,
  );
  const [state, setState] = useState<'idle' | 'failed'>('idle');
  if (!canShare) return null;

  const share = () => {
    setState('idle');
    navigator.share({ files: [file], title: subject, text: `${subject}\n\n${body}` }).catch((error: unknown) => {
      // Closing the sheet is the user's choice, not a failure.
      if (!(error instanceof DOMException && error.name === 'AbortError')) setState('failed');
    });
  };

  return (
    <div className={className} data-testid="share-appeal">
      <button type="button" className="button primary" onClick={share}>
        {t('button')}
      </button>
      <p className="hint">{t('explain')}</p>
      <p aria-live="polite" className="hint">
        {state === 'failed' ? t('failed') : ''}
      </p>
    </div>
  );
}

const subscribeToNothing = () => () => undefined;
