'use client';

import { useTranslations } from 'next-intl';

/** Back and Continue, in that visual order but Continue first for the keyboard (it is the usual move). */
export function StepActions({ onBack, nextLabel }: { onBack?: () => void; nextLabel?: string }) {
  const t = useTranslations('form');
  return (
    <div className="step-actions">
      <button type="submit" className="button primary">
        {nextLabel ?? t('continue')}
      </button>
      {onBack ? (
        <button type="button" className="button" onClick={onBack}>
          {t('back')}
        </button>
      ) : null}
    </div>
  );
}
