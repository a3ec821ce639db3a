'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';

import {
  cleanTicket,
  composeFollowUpEmail,
  FOLLOW_UP_DAYS,
  followUpDueDate,
  isCaseReference,
  TICKET_MAX,
} from '@/lib/appeal/follow-up';
import { parseDraftAppeal } from '@/lib/form/appeal-payload';
import { localTodayIso } from '@/lib/form/dates';
import type { AppealDraft } from '@/lib/form/draft';
import { formatLongDate } from '@/lib/i18n/format';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { CopyButton } from '@/app/appeal/_components/CopyButton';
import { withReferenceWord } from '@/app/appeal/_components/reference-word';
import { Help } from '@/app/_components/Help';

/**
 * Ready reminders for when support stays silent: after 7 and after 14 days, quoting the case
 * reference, in English and the user's language. The send date defaults to today and can be
 * changed (the user may send the appeal later than they made it).
 */
export default function FollowUpPanel({
  draft,
  recipient,
  appealLocale,
  onTicketChange,
}: {
  draft: AppealDraft;
  recipient: string;
  /** The language the appeal was sent in (see AppealResult.locale). */
  appealLocale: Locale | undefined;
  onTicketChange: (ticket: string) => void;
}) {
  const t = useTranslations('assistant.followUp');
  const rawLocale = useLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const [sentOn, setSentOn] = useState(() => localTodayIso());
  // The appeal as the server read it (the PDF exists, so the draft is valid), in the language it
  // was sent in: the reminders quote the same values in the same language.
  const sentIn = appealLocale ?? locale;
  const appeal = useMemo(() => parseDraftAppeal(draft, sentIn), [draft, sentIn]);
  if (!appeal || !isCaseReference(appeal.caseReference)) return null;
  const { caseReference } = appeal;

  return (
    <section className="card follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('title')}</h2>
      <p>{withReferenceWord((hole) => t('intro', { caseReference: hole }), caseReference)}</p>
      <p className="case-reference">{withReferenceWord((hole) => t('caseReference', { caseReference: hole }), caseReference)}</p>
      <div className="field">
        <label htmlFor="xiaomi-ticket">{t('ticketLabel')}</label>
        <p className="hint" id="xiaomi-ticket-hint">
          {t('ticketHint')}
        </p>
        <input
          id="xiaomi-ticket"
          type="text"
          autoComplete="off"
          maxLength={TICKET_MAX}
          aria-describedby="xiaomi-ticket-hint"
          value={draft.ticket}
          onChange={(event) => onTicketChange(cleanTicket(event.target.value))}
        />
      </div>
      <label className="field">
        <span>{t('sentOn')}</span>
        <input type="date" className="date-input" value={sentOn} max={localTodayIso()} onChange={(event) => setSentOn(event.target.value || localTodayIso())} />
      </label>
      {FOLLOW_UP_DAYS.map((days) => {
        const email = composeFollowUpEmail(appeal, { daysSinceSent: days, to: recipient, caseReference, sentOn, ticket: draft.ticket });
        const due = formatLongDate(followUpDueDate(sentOn, days), locale);
        return (
          <Help key={days} data-testid={`follow-up-${days}`} summary={<>{t('after', { days })} ({t('dueOn', { date: due })})</>}>
            <p>
              <strong>{t('subjectLabel')}:</strong> <span lang="en">{email.subject}</span>
            </p>
            <textarea readOnly rows={12} className="email-body" aria-label={t('bodyLabel')} value={email.body} />
            <p className="action-stack">
              <a className="button" href={email.mailtoUrl}>
                {t('open')}
              </a>{' '}
              <CopyButton text={`${email.subject}\n\n${email.body}`} label={t('copy')} />
            </p>
          </Help>
        );
      })}
    </section>
  );
}
