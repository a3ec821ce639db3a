'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';

import type { TAppeal } from '@/lib/appeal/schema';
import { composeFollowUpEmail, FOLLOW_UP_DAYS, followUpDueDate } from '@/lib/assistant/follow-up';
import { CopyButton } from '@/app/appeal/_components/CopyButton';

/** Today in the user's own time zone, YYYY-MM-DD (what a date input shows). */
function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * Ready reminders for when support stays silent: after 7 and after 14 days, quoting the case
 * reference, in English and the user's language. The send date defaults to today and can be
 * changed (the user may send the appeal later than they made it).
 */
export default function FollowUpPanel({ appeal, recipient }: { appeal: TAppeal; recipient: string }) {
  const t = useTranslations('assistant.followUp');
  const format = useFormatter();
  const [sentOn, setSentOn] = useState(localToday);
  if (!appeal.caseReference) return null;
  const caseReference = appeal.caseReference;

  return (
    <section className="card follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('title')}</h2>
      <p>{t('intro', { caseReference })}</p>
      <p className="case-reference">{t('caseReference', { caseReference })}</p>
      <label className="field">
        <span>{t('sentOn')}</span>
        <input type="date" className="date-input" value={sentOn} max={localToday()} onChange={(event) => setSentOn(event.target.value || localToday())} />
      </label>
      {FOLLOW_UP_DAYS.map((days) => {
        const email = composeFollowUpEmail(appeal, { daysSinceSent: days, to: recipient, caseReference, sentOn });
        const due = format.dateTime(new Date(`${followUpDueDate(sentOn, days)}T12:00:00`), { dateStyle: 'long' });
        return (
          <details key={days} className="help follow-up-email" data-testid={`follow-up-${days}`}>
            <summary>
              {t('after', { days })} ({t('dueOn', { date: due })})
            </summary>
            <p>
              <strong>{t('subjectLabel')}:</strong> {email.subject}
            </p>
            <pre className="email-body">{email.body}</pre>
            <p className="send-options">
              <a className="button" href={email.mailtoUrl}>
                {t('open')}
              </a>{' '}
              <CopyButton text={`${email.subject}\n\n${email.body}`} what={t('copyWhat')} />
            </p>
          </details>
        );
      })}
    </section>
  );
}
