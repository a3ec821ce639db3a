'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';

import type { TAppeal } from '@/lib/appeal/schema';
import { isLocale } from '@/lib/i18n/locales';
import { parseDraftAppeal } from '@/lib/form/appeal-payload';
import type { AppealDraft, AppealResult } from '@/lib/form/draft';
import { serviceReach } from '@/lib/support/territories';
import { EmailParts } from '@/app/appeal/_components/EmailParts';
import { OtherChannels } from '@/app/appeal/_components/OtherChannels';
import { ResultActions } from '@/app/appeal/_components/ResultActions';
import { ActionRow } from '@/app/appeal/_components/StepActions';
import { useAppealEmail } from '@/app/appeal/_components/use-appeal-email';
import { withReferenceWord } from '@/app/appeal/_components/reference-word';
import { inEnglish } from '@/app/_components/in-english';

/**
 * The finished appeal, as a frame of sections in the order a person needs them:
 *   0. for a sanctioned territory, what the appeal cannot do there (the sales-territory block);
 *   1. the two actions (download the PDF, open the e-mail in the mail app), compact and first;
 *   2. the e-mail in parts to copy, the full letter behind a disclosure, other ways to send;
 *   3. other ways to reach support (chat, hotline, Xiaomi's no-access form, a service centre);
 *   4. what happens next;
 *   5. `followUps`: what to send if support does not answer;
 *   6. the way back to the answers, last.
 */
export default function ResultView({
  draft,
  result,
  onEdit,
  followUps,
}: {
  draft: AppealDraft;
  result: AppealResult | null;
  onEdit: () => void;
  followUps?: ReactNode;
}) {
  const t = useTranslations('result');
  const locale = useLocale();
  // In the language it was sent in, whatever the page is switched to since.
  const appealLocale = result?.locale ?? (isLocale(locale) ? locale : 'en');
  const appeal = useMemo(() => parseDraftAppeal(draft, appealLocale), [draft, appealLocale]);
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
  return <FinishedAppeal appeal={appeal} result={result} onEdit={onEdit} followUps={followUps} />;
}

function FinishedAppeal({
  appeal,
  result,
  onEdit,
  followUps,
}: {
  appeal: TAppeal;
  result: AppealResult;
  onEdit: () => void;
  followUps: ReactNode;
}) {
  const t = useTranslations('result');
  const email = useAppealEmail(appeal, result);
  return (
    <div className="result">
      <p className="lead">{t('lead')}</p>
      <p className="case-reference">
        {t('caseReference')} <strong>{appeal.caseReference}</strong>
      </p>

      {serviceReach(appeal.country) === 'sanctioned' ? (
        // Before the actions: the block this appeal cannot lift looks like a lock on the same screen.
        <section className="card" aria-labelledby="result-territory" data-testid="territory-caution">
          <h2 id="result-territory">{t('territory.title')}</h2>
          <p className="note warning">{t.rich('territory.text', { en: inEnglish })}</p>
        </section>
      ) : null}
      <ResultActions result={result} email={email} />
      {email ? <EmailParts appeal={appeal} result={result} email={email} /> : null}
      <OtherChannels appeal={appeal} fileName={result.fileName} enclosed={result.enclosed} />

      <section className="card" aria-labelledby="result-next">
        <h2 id="result-next">{t('next.heading')}</h2>
        <ol>
          <li>{t('next.send')}</li>
          <li>{t('next.wait')}</li>
          <li>{t('next.spam')}</li>
          <li>{withReferenceWord((reference) => t('next.followUp', { reference }), appeal.caseReference)}</li>
          <li>{t('next.approved')}</li>
          <li>{t('next.keep')}</li>
        </ol>
      </section>

      {followUps}

      <ActionRow>
        <button type="button" className="button" onClick={onEdit}>
          {t('edit')}
        </button>
      </ActionRow>
    </div>
  );
}
