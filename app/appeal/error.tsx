'use client';

import { useTranslations } from 'next-intl';

/**
 * What the form shows if a step cannot be drawn: most often a piece of it (a step, the checks)
 * failed to download on a dropped connection. Retrying in place would only meet the same failed
 * download, so the way on is a reload, which brings back what the browser saved.
 */
export default function AppealError() {
  const t = useTranslations('form.pageError');
  return (
    <>
      <div role="alert">
        <h1>{t('heading')}</h1>
        <p>{t('text')}</p>
      </div>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('reload')}
      </button>
    </>
  );
}
