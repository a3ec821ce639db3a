import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';

import { buildEml, type EmlInput } from '@/lib/form/eml';

const INPUT: EmlInput = {
  from: 'Иван Петров <ivan.petrov@example.ru>',
  to: 'service.ru@xiaomi.com',
  subject: 'Mi Account ownership appeal: IMEI 868907041234565 [AK-7Q2M-9XK4]',
  body: 'Здравствуйте!\nТелефон мой.',
  attachment: { fileName: 'mi-account-appeal-868907041234565-2025-03-14.pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
};

const headerBlock = (raw: string) => raw.slice(0, raw.indexOf('\r\n\r\n'));

describe('buildEml', () => {
  it('refuses a line break in any header input instead of writing it', async () => {
    for (const field of ['from', 'to', 'subject'] as const) {
      for (const breaker of ['\r\nBcc: evil@example.com', '\nBcc: evil@example.com', '\rX: y']) {
        await expect(buildEml({ ...INPUT, [field]: `${INPUT[field]}${breaker}` }), `${field} ${JSON.stringify(breaker)}`).rejects.toThrow(/line break/);
      }
    }
  });

  it('never writes a Bcc header', async () => {
    const raw = await buildEml(INPUT);
    expect(headerBlock(raw)).not.toMatch(/^Bcc:/im);
  });

  it('folds encoded words to at most 75 characters and header lines to 76 (RFC 2047)', async () => {
    const subject = `Обращение о разблокировке Mi Account: IMEI 868907041234565 [AK-7Q2M-9XK4] — ${'ёж'.repeat(40)} 👨‍👩‍👧`;
    const from = `${'Александра Константиновна '.repeat(3)}<a@example.ru>`;
    const raw = await buildEml({ ...INPUT, subject, from });
    const headers = headerBlock(raw);
    for (const word of headers.match(/=\?[^?]+\?[BQ]\?[^?]*\?=/g) ?? []) expect(word.length, word).toBeLessThanOrEqual(75);
    for (const line of headers.split('\r\n')) expect(line.length, line).toBeLessThanOrEqual(76);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(subject);
    expect(parsed.from?.value[0]).toMatchObject({ name: from.slice(0, from.indexOf(' <')), address: 'a@example.ru' });
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : undefined).toBe('service.ru@xiaomi.com');
    expect(parsed.text?.trim()).toBe('Здравствуйте!\nТелефон мой.');
    expect(parsed.attachments[0]?.filename).toBe(INPUT.attachment.fileName);
  });

  it('folds the headers of every part too: the attachment lines stay within 76 characters', async () => {
    // Unfolded, its Content-Type line was 86 characters and its Content-Disposition 92.
    const fileName = INPUT.attachment.fileName;
    const raw = await buildEml(INPUT);
    const partHeaders = raw.split(/\r\n--\S+\r\n/).slice(1).map(headerBlock);
    expect(partHeaders.length).toBeGreaterThanOrEqual(2);
    for (const line of partHeaders.flatMap((block) => block.split('\r\n'))) expect(line.length, line).toBeLessThanOrEqual(76);
    const parsed = await simpleParser(raw);
    expect(parsed.attachments[0]?.filename).toBe(fileName);
    expect(parsed.attachments[0]?.contentType).toBe('application/pdf');
    expect([...parsed.attachments[0]!.content]).toEqual([...INPUT.attachment.bytes]);
    expect(parsed.text?.trim()).toBe('Здравствуйте!\nТелефон мой.');
  });
});
