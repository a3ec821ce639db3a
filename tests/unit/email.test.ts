import { describe, expect, it } from 'vitest';

import { MAILTO_MAX_LENGTH, buildMailtoUrl, composeAppealEmail } from '@/lib/appeal/email';
import { bundleFileName } from '@/lib/appeal/file-name';
import { composeAppealLetter, letterHeading, letterToText } from '@/lib/appeal/letter';
import { LOCALES } from '@/lib/i18n/locales';
import { EVERY_ROLE_ENCLOSED, HOSTILE, hostileAppeal, longestInput, parseAppeal, realisticAppeal } from './appeal-samples';

const TO = 'service.ru@xiaomi.com';

/** The mailto URL's parts, decoded exactly as RFC 6068 says (no "+" → space). */
function decodeMailto(url: string): { to: string; subject?: string; body?: string; keys: string[] } {
  expect(url.startsWith('mailto:')).toBe(true);
  const [to = '', query = ''] = url.slice('mailto:'.length).split('?');
  const pairs = query ? query.split('&').map((pair) => pair.split('=') as [string, string]) : [];
  const get = (key: string) => {
    const value = pairs.find(([k]) => k === key)?.[1];
    return value === undefined ? undefined : decodeURIComponent(value);
  };
  return { to: decodeURIComponent(to), subject: get('subject'), body: get('body'), keys: pairs.map(([k]) => k) };
}

describe('invisible characters', () => {
  it('never reach the letter, the subject or the mailto body', () => {
    const invisible = /[\u00AD\u061C\u2061-\u2064\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/u;
    const appeal = realisticAppeal({
      ownerName: 'Иван\u00AD Пет\u061Cров',
      sellerName: 'Shop\u2062\uFFF9 One\uFFFB',
      model: 'Redmi\u{E0041} Note 13',
      notes: 'Телефон\u2064 мой.\n\u00ADВсегда был у меня.',
    });
    const email = composeAppealEmail(appeal, { to: TO, attachmentName: bundleFileName(appeal), enclosed: EVERY_ROLE_ENCLOSED });
    for (const text of [email.subject, email.body, email.mailtoBody, decodeMailto(email.mailtoUrl).body ?? '']) {
      expect(text).not.toMatch(invisible);
    }
    expect(email.body).toContain('Иван Петров');
  });
});

describe('buildMailtoUrl', () => {
  it('percent-encodes per RFC 6068: %20 for spaces, %2B for plus, %0D%0A for line breaks', () => {
    const url = buildMailtoUrl(TO, 'Тема с пробелом', 'a b+c\nd\r\ne');
    expect(url).toBe(
      'mailto:service.ru@xiaomi.com?subject=%D0%A2%D0%B5%D0%BC%D0%B0%20%D1%81%20%D0%BF%D1%80%D0%BE%D0%B1%D0%B5%D0%BB%D0%BE%D0%BC&body=a%20b%2Bc%0D%0Ad%0D%0Ae',
    );
    expect(url).not.toContain('+');
  });

  it('decodes back to the same text', () => {
    const subject = 'Просьба: IMEI 868907041234565 [AK-7Q2M-9XK4] & more? #1 100%';
    const body = 'Здравствуйте!\n\nЦена: 18 990 ₽ + доставка\n— «кавычки» & ?&= 👍';
    const decoded = decodeMailto(buildMailtoUrl(TO, subject, body));
    expect(decoded).toEqual({ to: TO, subject, body: body.replace(/\n/g, '\r\n'), keys: ['subject', 'body'] });
  });

  it('never lets a line break or control character into the address or subject', () => {
    const url = buildMailtoUrl(`${TO}\r\nBcc: victim@example.com`, HOSTILE, 'ok');
    const decoded = decodeMailto(url);
    expect(decoded.keys).toEqual(['subject', 'body']);
    expect(decoded.to).not.toMatch(/[\s\u0000-\u001f]/);
    expect(decoded.subject).not.toMatch(/[\r\n\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(url.split('?')[0]).not.toMatch(/%0[AD]/i);
  });

  it('keeps control characters other than line breaks out of the body', () => {
    const decoded = decodeMailto(buildMailtoUrl(TO, 's', `a\u0000b\u001bc\u2028d\r\ne`));
    expect(decoded.body).toBe('a b c d\r\ne');
  });

  it('cuts a body that does not fit at a whole character and says so with "…"', () => {
    for (const body of ['Ж'.repeat(10_240), '👍'.repeat(5000), `${'a'.repeat(1980)}\r\n${'b'.repeat(100)}`]) {
      const url = buildMailtoUrl(TO, 'Subject', body);
      expect(url.length).toBeLessThan(MAILTO_MAX_LENGTH);
      const decoded = decodeMailto(url);
      expect(decoded.body?.endsWith('…')).toBe(true);
      expect(body.replace(/\r\n/g, '\n').startsWith((decoded.body ?? '').slice(0, -1).replace(/\r\n/g, '\n'))).toBe(true);
      expect(url.length).toBeGreaterThan(MAILTO_MAX_LENGTH - 40);
    }
  });

  it('cuts the subject too when even that does not fit, and drops an address no one can have', () => {
    const url = buildMailtoUrl('x'.repeat(300), 'Ж'.repeat(5000), 'body');
    expect(url.length).toBeLessThan(MAILTO_MAX_LENGTH);
    expect(url.startsWith('mailto:?subject=')).toBe(true);
    expect(buildMailtoUrl('', '', '')).toBe('mailto:');
  });

  it('survives a lone surrogate', () => {
    expect(() => buildMailtoUrl(TO, 'a\ud83d', 'b\udc00')).not.toThrow();
  });
});

describe('composeAppealEmail', () => {
  const email = (appeal = realisticAppeal(), to = TO) => composeAppealEmail(appeal, { to, attachmentName: bundleFileName(appeal), enclosed: EVERY_ROLE_ENCLOSED });

  it('puts the IMEI and the case reference in the subject', () => {
    expect(email().subject).toBe('Request to remove the Mi Account lock: IMEI 868907041234565 [AK-7Q2M-9XK4]');
    expect(composeAppealEmail(realisticAppeal(), { to: TO, attachmentName: 'x.pdf', caseReference: 'AK-AAAA-BBBB', enclosed: EVERY_ROLE_ENCLOSED }).subject).toContain('[AK-AAAA-BBBB]');
    expect(email(realisticAppeal({ caseReference: '' })).subject).toBe('Request to remove the Mi Account lock: IMEI 868907041234565');
  });

  it('puts the lock code in the subject when there is no IMEI', () => {
    expect(email(realisticAppeal({ imei: '', imei2: '', lockCode: 'AB12-CD34', caseReference: '' })).subject).toBe(
      'Request to remove the Mi Account lock: lock code AB12-CD34',
    );
  });

  it('does not repeat the subject line at the top of the body; the second language keeps its heading', () => {
    const appeal = realisticAppeal({ locale: 'ru' });
    const result = email(appeal);
    expect(result.subject.startsWith(letterHeading(appeal, 'en'))).toBe(true);
    expect(result.body).not.toContain(letterHeading(appeal, 'en'));
    expect(result.body.startsWith('Dear Xiaomi Support team,')).toBe(true);
    expect(result.body).toContain(`* * *\n\n${letterHeading(appeal, 'ru')}\n\n`);
  });

  it('has the full letter as body, and as the mailto body when it fits', () => {
    // Spaces cost 3 characters each, so only a lean English letter fits whole in a link.
    const appeal = realisticAppeal({
      locale: 'en', imei2: '', ownerName: 'Ivan Petrov', sellerName: '', orderNumber: '', price: '', serialNumber: '',
      contactPhone: '', linkedAccount: '', notes: '', receiptShows: '', caseReference: '', model: '',
    });
    const result = email(appeal);
    const letter = letterToText(composeAppealLetter(appeal, { attachmentName: bundleFileName(appeal), enclosed: EVERY_ROLE_ENCLOSED }));
    expect(`${letterHeading(appeal, 'en')}\n\n${result.body}`).toBe(letter);
    expect(result.mailtoBodyKind).toBe('full');
    expect(decodeMailto(result.mailtoUrl).body).toBe(result.body.replace(/\n/g, '\r\n'));
  });

  it('falls back to a short body in English and Russian for a typical Russian appeal', () => {
    const result = email();
    expect(result.mailtoBodyKind).toBe('short');
    const body = decodeMailto(result.mailtoUrl).body ?? '';
    expect(body).toContain('The full text of my request and all my evidence are in the attached PDF file “mi-account-appeal-868907041234565-2025-03-14.pdf”.');
    expect(body).toContain('Полный текст обращения и все доказательства — в приложенном PDF-файле');
    expect(body.replace(/\r\n/g, '\n')).toBe(result.mailtoBody);
    expect(result.body).toContain('Серийный номер: 44871/F2ZX01234');
    // Each part signs in its own language, as the full letter does; no English under the Russian part.
    const [english, russian] = result.mailtoBody.split('\n\n* * *\n\n');
    expect(english).toMatch(/Kind regards,\nИван Петров$/);
    expect(russian).toMatch(/С уважением,\nИван Петров$/);
    expect(russian).not.toContain('Kind regards');
  });

  it.each(LOCALES)('stays under 2,000 characters with every field at its maximum, Cyrillic and CJK (%s)', (locale) => {
    for (const letter of ['Ж', '中', '👍']) {
      const appeal = parseAppeal(longestInput(letter, { locale, ...(letter === '👍' ? { lockCode: 'Ж'.repeat(64) } : {}) }));
      for (const to of [TO, `${'a'.repeat(64)}@${'b'.repeat(185)}.com`]) {
        const result = email(appeal, to);
        expect(result.mailtoUrl.length, `${letter} ${to.length}`).toBeLessThan(MAILTO_MAX_LENGTH);
        const decoded = decodeMailto(result.mailtoUrl);
        expect(decoded.to).toBe(to);
        expect(decoded.subject).toBe(result.subject);
        expect(decoded.body?.replace(/\r\n/g, '\n')).toBe(result.mailtoBody);
        expect(result.mailtoBody).toMatch(/attached PDF file “mi-account-appeal-868907041234565-2025-03-14\.pdf”/);
      }
    }
  });

  it('keeps CR, LF and controls from every field out of the subject, address and mailto header part', () => {
    for (const locale of LOCALES) {
      const result = composeAppealEmail(hostileAppeal(locale), { to: `${TO}\r\nBcc: x@y.ru`, attachmentName: `a\r\nb.pdf`, caseReference: HOSTILE, enclosed: EVERY_ROLE_ENCLOSED });
      expect(result.subject).not.toMatch(/[\r\n\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      expect(result.to).not.toMatch(/[\s\u0000-\u001f]/);
      const decoded = decodeMailto(result.mailtoUrl);
      expect(decoded.keys).toEqual(['subject', 'body']);
      expect(decoded.subject).not.toMatch(/[\r\n]/);
      expect(decoded.body).not.toMatch(/\r(?!\n)|(?<!\r)\n|[\u0000-\u0009\u000b\u000c\u000e-\u001f]/);
      expect(result.mailtoUrl.length).toBeLessThan(MAILTO_MAX_LENGTH);
    }
  });
});
