import { describe, expect, test } from 'vitest';

import { composeFollowUpEmail, followUpDueDate, isCaseReference, type FollowUpAppeal } from '@/lib/appeal/follow-up';
import { generateCaseReference } from '@/lib/form/case-reference';
import { MAILTO_MAX_LENGTH } from '@/lib/appeal/email';

const appeal: FollowUpAppeal = { imei: '868907041234565', lockCode: '', model: 'Redmi Note 12 Pro 5G', ownerName: 'Иван Петров', locale: 'ru' };
const options = { daysSinceSent: 7 as const, to: 'service.ru@xiaomi.com', caseReference: 'AK-7KQ2-M9XD', sentOn: '2025-03-20' };

function mailtoBody(url: string): string {
  return decodeURIComponent(/[?&]body=([^&]*)/.exec(url)?.[1] ?? '');
}

describe('case reference', () => {
  test('generated references match the schema pattern and differ', () => {
    const refs = new Set(Array.from({ length: 50 }, () => generateCaseReference()));
    expect(refs.size).toBe(50);
    for (const ref of refs) expect(isCaseReference(ref)).toBe(true);
    expect(isCaseReference('AK-1234')).toBe(false);
  });

  test('due dates cross month ends', () => {
    expect(followUpDueDate('2025-03-28', 7)).toBe('2025-04-04');
    expect(followUpDueDate('2025-12-25', 14)).toBe('2026-01-08');
  });
});

describe('composeFollowUpEmail', () => {
  test('7 days, Russian user: English subject with the reference; English then Russian body', () => {
    const email = composeFollowUpEmail(appeal, options);
    expect(email.subject).toBe('Reminder (7 days): Mi Account lock removal request AK-7KQ2-M9XD');
    const [english, russian] = email.body.split('* * *');
    expect(english).toContain('On 20 March 2025 I sent you a request');
    expect(english).toContain('Redmi Note 12 Pro 5G, IMEI 868907041234565');
    expect(english).toContain('reference AK-7KQ2-M9XD');
    expect(english).toContain('Kind regards,\nИван Петров');
    expect(russian).toContain('20 марта 2025');
    expect(russian).toContain('номер обращения AK-7KQ2-M9XD');
    expect(russian).toContain('русский');
    expect(email.body).not.toMatch(/\{|\}|followUp\./);
  });

  test('14 days asks for the status and offers to resend the evidence', () => {
    const email = composeFollowUpEmail({ ...appeal, locale: 'en' }, { ...options, daysSinceSent: 14 });
    expect(email.subject).toContain('(14 days)');
    expect(email.body).toContain('two weeks');
    expect(email.body).not.toContain('* * *');
    expect(mailtoBody(email.mailtoUrl).replace(/\r\n/g, '\n')).toBe(email.body);
  });

  test('a mailto link stays under the limit; a long bilingual text falls back to English in the link', () => {
    for (const locale of ['ru', 'bg', 'uk'] as const) {
      for (const daysSinceSent of [7, 14] as const) {
        const email = composeFollowUpEmail({ ...appeal, locale }, { ...options, daysSinceSent });
        expect(email.mailtoUrl.length).toBeLessThan(MAILTO_MAX_LENGTH);
        expect(email.mailtoUrl.startsWith('mailto:service.ru@xiaomi.com?subject=Reminder%20(')).toBe(true);
        const carried = mailtoBody(email.mailtoUrl).replace(/\r\n/g, '\n');
        // Either the whole text or the whole English part: never a cut-off sentence.
        expect([email.body, email.body.split('\n\n* * *')[0]]).toContain(carried);
      }
    }
  });

  test('without an IMEI the lock code names the phone; a line break in the name cannot add a header', () => {
    const email = composeFollowUpEmail({ ...appeal, imei: '', lockCode: 'X7Y8Z9', model: '', locale: 'uk' }, { ...options, caseReference: 'ak-7kq2-m9xd\r\nBcc: x@y' });
    expect(email.body).toContain('(lock code X7Y8Z9)');
    expect(email.body).toContain('(код блокування X7Y8Z9)');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.mailtoUrl).not.toMatch(/%0[AD]Bcc|&bcc=/i);
  });
});
