/**
 * The catalogues' `<en>…</en>` tag: English quoted inside another language ("This device is
 * locked", the sales-territory screen), rendered on the page as <span lang="en"> by t.rich
 * (app/_components/in-english.tsx). A tag in a message formatted as plain text would fail to
 * format, or leak "<en>" into what the user copies or sends: so it is allowed only in the messages
 * the page renders with the tag, and never reaches a letter, an e-mail or an API message.
 */
import { describe, expect, it } from 'vitest';

import { composeAppealEmail } from '@/lib/appeal/email';
import { bundleFileName } from '@/lib/appeal/file-name';
import { composeFollowUpEmail } from '@/lib/appeal/follow-up';
import { composeAppealLetter, composeShortAppealLetter, letterToText } from '@/lib/appeal/letter';
import { ACCOUNT_OWNERS, PURCHASE_CHANNELS, TRIED_FIRST } from '@/lib/appeal/schema';
import { LOCALES } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { translateFieldMessage } from '@/lib/i18n/translate-field-message';
import { EVERY_ROLE_ENCLOSED, realisticAppeal } from './appeal-samples';

/** The messages rendered with t.rich and `en: inEnglish`: the only ones that may hold the tag. */
const RENDERED_WITH_TAG = new Set(['errors.imeiOrLockCode', 'home.check.territory.label', 'result.territory.text']);

const TAG = /<\/?en>/;

function leaves(catalogue: unknown, prefix = ''): [string, string][] {
  if (typeof catalogue !== 'object' || catalogue === null) return [[prefix, String(catalogue)]];
  return Object.entries(catalogue).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

describe('the <en> tag in the catalogues', () => {
  it.each(LOCALES)('%s: only in the messages the page renders with it, around Latin text alone', (locale) => {
    const tagged = leaves(MESSAGES[locale]).filter(([, message]) => TAG.test(message));
    for (const [key, message] of tagged) {
      expect(RENDERED_WITH_TAG.has(key), `${locale} ${key} is not rendered with the <en> tag`).toBe(true);
      const quoted = [...message.matchAll(/<en>([^<]*)<\/en>/g)].map((match) => match[1] ?? '');
      expect(quoted.length, `${locale} ${key}: every <en> is closed`).toBe(message.match(/<en>/g)?.length);
      for (const text of quoted) expect(text, `${locale} ${key}`).toMatch(/^[\p{Script=Latin}\s….,!?'’-]+$/u);
    }
  });

  it('marks the English quotations of every translated interface', () => {
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const tagged = leaves(MESSAGES[locale]).filter(([, message]) => TAG.test(message)).map(([key]) => key);
      expect(new Set(tagged), locale).toEqual(RENDERED_WITH_TAG);
    }
  });
});

describe.each(LOCALES)('plain text in %s never carries the tag', (locale) => {
  it('the API’s field messages keep the quoted words and lose the tag', () => {
    const text = translateFieldMessage('imeiOrLockCode', locale);
    expect(text).not.toMatch(TAG);
    expect(text).toContain('This device is locked');
    expect(text).toBe(MESSAGES[locale].errors.imeiOrLockCode.replace(/<\/?en>/g, ''));
  });

  it('the letters, the e-mail and the follow-ups', () => {
    const texts: string[] = [];
    // Every sentence the letter can hold: each channel, whose account it is, what was tried first.
    for (const purchaseChannel of PURCHASE_CHANNELS) {
      for (const accountOwner of ['', ...ACCOUNT_OWNERS]) {
        for (const triedFirst of ['', ...TRIED_FIRST]) {
          const appeal = realisticAppeal({ locale, purchaseChannel, accountOwner, triedFirst, lockCode: 'AB12-CD34' });
          const attachmentName = bundleFileName(appeal);
          texts.push(letterToText(composeAppealLetter(appeal, { attachmentName, enclosed: EVERY_ROLE_ENCLOSED })));
          texts.push(letterToText(composeShortAppealLetter(appeal, { attachmentName })));
          const email = composeAppealEmail(appeal, { to: 'service.global@support.mi.com', attachmentName, enclosed: EVERY_ROLE_ENCLOSED });
          texts.push(email.subject, email.body, email.mailtoBody, decodeURIComponent(email.mailtoUrl));
        }
      }
    }
    for (const daysSinceSent of [7, 14] as const) {
      const followUp = composeFollowUpEmail(realisticAppeal({ locale }), {
        daysSinceSent,
        to: 'service.global@support.mi.com',
        caseReference: 'AK-7Q2M-9XK4',
        sentOn: '2025-04-01',
        ticket: '12345',
      });
      texts.push(followUp.subject, followUp.body, decodeURIComponent(followUp.mailtoUrl));
    }
    for (const text of texts) {
      expect(text).not.toMatch(TAG);
      // A message that failed to format shows its key instead.
      expect(text).not.toMatch(/\bletter\.|\bfollowUp\./);
    }
  });
});
