/**
 * The e-mail to Xiaomi support: subject, body and a mailto: link (RFC 6068).
 *
 * A mailto link cannot carry the PDF and breaks in browsers and Outlook beyond about 2,000
 * characters (one Cyrillic letter costs 6 once percent-encoded), so the link falls back, step by
 * step, to shorter bodies that point to the attached PDF. `body` is always the full letter, for
 * the .eml draft and the copy button.
 */
import { multiLine, singleLine } from '@/lib/appeal/fields';
import {
  composeAppealLetter,
  composeShortAppealLetter,
  letterHeading,
  letterToText,
  type AppealLetter,
} from '@/lib/appeal/letter';
import type { EvidenceCounts } from '@/lib/appeal/evidence-rules';
import type { TAppeal } from '@/lib/appeal/schema';
import { DEFAULT_LOCALE } from '@/lib/i18n/locales';

/** Every mailto URL we build is shorter than this. */
export const MAILTO_MAX_LENGTH = 2000;
/** RFC 5321: a forward path holds at most 254 characters of address. */
const ADDRESS_MAX_LENGTH = 254;
const ELLIPSIS = '…';

/** Which body the mailto link carries, longest first. */
export type MailtoBodyKind = 'full' | 'short' | 'short-english' | 'truncated';

export type AppealEmail = {
  to: string;
  /** One line, no control characters. */
  subject: string;
  /** The full letter (less the heading the subject repeats), LF line breaks. */
  body: string;
  mailtoUrl: string;
  /** The body text inside `mailtoUrl` (LF line breaks), and which fallback it is. */
  mailtoBody: string;
  mailtoBodyKind: MailtoBodyKind;
};

export type AppealEmailOptions = { to: string; attachmentName: string; caseReference?: string; enclosed: EvidenceCounts };

/** An address as a header-safe value: no blanks or controls; longer than any real address → none. */
function cleanAddress(to: string): string {
  const address = singleLine(to).replace(/\s+/g, '');
  return address.length > ADDRESS_MAX_LENGTH ? '' : address;
}

/** Body text with CRLF line breaks (RFC 6068 section 5) and no other control character. */
function crlfBody(body: string): string {
  return multiLine(body).replace(/\n/g, '\r\n');
}

function encodeAddress(address: string): string {
  // '@' may stay as it is in the to-part (RFC 6068 section 2), and some clients mis-read %40.
  return encodeURIComponent(address).replace(/%40/g, '@');
}

function assemble(to: string, subject: string, body: string): string {
  const fields = [
    subject ? `subject=${encodeURIComponent(subject)}` : '',
    body ? `body=${encodeURIComponent(crlfBody(body))}` : '',
  ].filter(Boolean);
  return `mailto:${encodeAddress(to)}${fields.length ? `?${fields.join('&')}` : ''}`;
}

/** The longest prefix of `text` (in whole code points, ending in "…") for which `fits` holds. */
function longestFittingPrefix(text: string, fits: (candidate: string) => boolean): string {
  const codePoints = Array.from(text);
  let low = 0;
  let high = codePoints.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(codePoints.slice(0, mid).join('') + ELLIPSIS)) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '' : codePoints.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

/**
 * A mailto: URL per RFC 6068: UTF-8 percent-encoding with %20 for spaces (a "+" would stay a
 * plus), CRLF line breaks as %0D%0A, no line break in the subject or address. Always shorter
 * than MAILTO_MAX_LENGTH: a body (then a subject) that does not fit is cut and ends in "…".
 */
export function buildMailtoUrl(to: string, subject: string, body: string): string {
  const address = cleanAddress(to);
  let cleanSubject = singleLine(subject);
  let cleanBody = multiLine(body);
  const fits = (s: string, b: string) => assemble(address, s, b).length < MAILTO_MAX_LENGTH;
  if (!fits(cleanSubject, cleanBody)) cleanBody = longestFittingPrefix(cleanBody, (b) => fits(cleanSubject, b));
  if (!fits(cleanSubject, cleanBody)) cleanSubject = longestFittingPrefix(cleanSubject, (s) => fits(s, ''));
  return assemble(address, cleanSubject, cleanBody);
}

/**
 * The mailto link for the first of `bodies` (longest first) that fits whole; when none does, the
 * last one cut to fit. `whole` is the index of the body carried whole, or null when it was cut;
 * `mailtoBody` is the text the link carries (LF line breaks).
 */
export function fittingMailto(to: string, subject: string, bodies: readonly string[]): { mailtoUrl: string; mailtoBody: string; whole: number | null } {
  const address = cleanAddress(to);
  const cleanSubject = singleLine(subject);
  for (const [index, text] of bodies.entries()) {
    const mailtoBody = multiLine(text);
    const mailtoUrl = assemble(address, cleanSubject, mailtoBody);
    if (mailtoUrl.length < MAILTO_MAX_LENGTH) return { mailtoUrl, mailtoBody, whole: index };
  }
  const mailtoUrl = buildMailtoUrl(address, cleanSubject, bodies.at(-1) ?? '');
  const mailtoBody = decodeURIComponent(/[?&]body=([^&]*)/.exec(mailtoUrl)?.[1] ?? '').replace(/\r\n/g, '\n');
  return { mailtoUrl, mailtoBody, whole: null };
}

/**
 * The full letter as an e-mail body: without the first section's heading, which the subject line
 * already says word for word (a second language keeps its heading: it marks where that part starts).
 */
function fullText(letter: AppealLetter): string {
  const [first, ...rest] = letter.sections;
  if (!first) return '';
  return letterToText({ ...letter, sections: [{ ...first, heading: '' }, ...rest] }).replace(/^\n+/, '');
}

/** Short letters read well without headings: the subject already says what this is. */
function shortText(letter: AppealLetter): string {
  return letter.sections.map((section) => section.paragraphs.join('\n\n')).join('\n\n* * *\n\n');
}

function composeAppealSubject(appeal: TAppeal, caseReference?: string): string {
  const reference = singleLine(caseReference || appeal.caseReference || '');
  return singleLine(`${letterHeading(appeal, DEFAULT_LOCALE)}${reference ? ` [${reference}]` : ''}`);
}

export function composeAppealEmail(appeal: TAppeal, options: AppealEmailOptions): AppealEmail {
  const to = cleanAddress(options.to);
  const caseReference = singleLine(options.caseReference || appeal.caseReference || '') || undefined;
  const letterOptions = { caseReference, attachmentName: options.attachmentName };
  const subject = composeAppealSubject(appeal, caseReference);
  const body = fullText(composeAppealLetter(appeal, { ...letterOptions, enclosed: options.enclosed }));

  const kinds = ['full', 'short', 'short-english'] as const;
  const { mailtoUrl, mailtoBody, whole } = fittingMailto(to, subject, [
    body,
    shortText(composeShortAppealLetter(appeal, letterOptions)),
    shortText(composeShortAppealLetter(appeal, { ...letterOptions, locales: [DEFAULT_LOCALE] })),
  ]);
  return { to, subject, body, mailtoUrl, mailtoBody, mailtoBodyKind: (whole === null ? undefined : kinds[whole]) ?? 'truncated' };
}
