/**
 * The case reference and the reminders sent when support has not answered. Pure and browser-safe:
 * the result page composes them; nothing about the appeal is kept on the server, so the browser
 * makes up the reference (lib/form/case-reference.ts) and the user keeps it.
 */
import { createTranslator } from 'next-intl';

import { fittingMailto } from '@/lib/appeal/email';
import { singleLine } from '@/lib/appeal/fields';
import { CASE_REFERENCE_PATTERN, type TAppeal } from '@/lib/appeal/schema';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { formatLongDate, languageName } from '@/lib/i18n/format';
import { FOLLOW_UP_MESSAGES } from '@/lib/i18n/messages/letter-catalogues';

export function isCaseReference(value: string): boolean {
  return CASE_REFERENCE_PATTERN.test(value);
}

/** Replies take days to weeks (domain.md): a first nudge after a week, a firmer one after two. */
export const FOLLOW_UP_DAYS = [7, 14] as const;
export type FollowUpDays = (typeof FOLLOW_UP_DAYS)[number];

export type FollowUpOptions = {
  daysSinceSent: FollowUpDays;
  to: string;
  caseReference: string;
  /** The day the appeal was sent, YYYY-MM-DD. */
  sentOn: string;
  /** Xiaomi's own ticket or case number, once support has given one; quoted beside ours. */
  ticket?: string;
};

export const TICKET_MAX = 60;

/** A ticket number as typed: one line, letters, digits and the usual separators, or nothing. */
export function cleanTicket(value: string): string {
  const line = singleLine(value).slice(0, TICKET_MAX);
  return /^[\p{L}\p{N} #:./_-]*$/u.test(line) ? line : line.replace(/[^\p{L}\p{N} #:./_-]/gu, '');
}

export type FollowUpEmail = {
  /** English, one line, with the case reference. */
  subject: string;
  /** English first, then the user's language when it is not English; LF line breaks. */
  body: string;
  /** The whole body when it fits a mailto link (about 2,000 characters), else the English part. */
  mailtoUrl: string;
};

export type FollowUpAppeal = Pick<TAppeal, 'imei' | 'lockCode' | 'model' | 'ownerName' | 'locale'>;

/** The day a follow-up becomes due, YYYY-MM-DD. */
export function followUpDueDate(sentOn: string, days: FollowUpDays): string {
  const date = new Date(`${sentOn}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return sentOn;
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function translator(locale: Locale) {
  return createTranslator({ locale, messages: FOLLOW_UP_MESSAGES[locale], namespace: 'assistant.followUp' });
}

function deviceText(appeal: FollowUpAppeal, t: ReturnType<typeof translator>): string {
  const id = appeal.imei ? t('deviceImei', { imei: appeal.imei }) : t('deviceLockCode', { lockCode: appeal.lockCode });
  return appeal.model ? t('deviceWithModel', { model: appeal.model, id }) : id;
}

function section(appeal: FollowUpAppeal, options: FollowUpOptions, locale: Locale): string {
  const t = translator(locale);
  const values = { sentOn: formatLongDate(options.sentOn, locale), device: deviceText(appeal, t), caseReference: options.caseReference };
  const message = options.daysSinceSent === 7 ? t('day7', values) : t('day14', values);
  const ticket = options.ticket ? t('ticket', { ticket: options.ticket }) : null;
  return [t('greeting'), message, ticket, t('thanks'), t('signOff', { ownerName: appeal.ownerName })]
    .filter((part): part is string => part !== null)
    .join('\n\n');
}

export function composeFollowUpEmail(appeal: FollowUpAppeal, options: FollowUpOptions): FollowUpEmail {
  const caseReference = singleLine(options.caseReference).toUpperCase();
  const ticket = cleanTicket(options.ticket ?? '');
  const opts = { ...options, caseReference, ticket };
  const english = translator(DEFAULT_LOCALE);
  const subject = singleLine(
    ticket
      ? english('subjectWithTicket', { days: options.daysSinceSent, caseReference, ticket })
      : english('subject', { days: options.daysSinceSent, caseReference }),
  );
  const englishText = section(appeal, opts, DEFAULT_LOCALE);
  const body =
    appeal.locale === DEFAULT_LOCALE
      ? englishText
      : [englishText, '* * *', translator(appeal.locale)('inLanguage', { language: languageName(appeal.locale) }), section(appeal, opts, appeal.locale)].join('\n\n');
  const { mailtoUrl } = fittingMailto(options.to, subject, [body, englishText]);
  return { subject, body, mailtoUrl };
}
