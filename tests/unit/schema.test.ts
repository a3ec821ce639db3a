import { describe, expect, it } from 'vitest';

import examples from '../fixtures/imei-examples.json';
import { APPEAL_TEXT_FIELDS } from '@/lib/appeal/field-names';
import {
  EARLIEST_PURCHASE_DATE,
  FIELD_MAX,
  ZAppealSchema,
  ZContactStepSchema,
  ZDeviceStepSchema,
  ZPurchaseStepSchema,
  emailSlip,
  fieldErrors,
  latestTodayIso,
  type TAppealInput,
} from '@/lib/appeal/schema';
import { decodeFieldMessage } from '@/lib/i18n/field-message';
import { HOSTILE_SHORT, longestInput, realisticInput } from './appeal-samples';

function errorsOf(input: unknown): Partial<Record<string, string>> {
  const result = ZAppealSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

const SINGLE_LINE_TEXT_FIELDS = ['serialNumber', 'model', 'sellerName', 'orderNumber', 'price', 'ownerName', 'linkedAccount'] as const;

describe('ZAppealSchema: a whole appeal', () => {
  it('accepts a realistic appeal and keeps Cyrillic as it is', () => {
    const result = ZAppealSchema.safeParse(realisticInput());
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ ownerName: 'Иван Петров', sellerName: 'Электроника Плюс', country: 'RU', locale: 'ru' });
    expect(result.data?.receiptShows).toEqual(['seller', 'date', 'imei', 'price']);
  });

  it('reports every missing required field of an empty appeal at once', () => {
    expect(errorsOf({})).toEqual({
      imei: 'imeiOrLockCode',
      // A drop-down and a radio group are chosen, not filled in.
      country: 'choice.required',
      purchaseChannel: 'choice.required',
      purchaseDate: 'required',
      ownerName: 'required',
      contactEmail: 'required',
    });
  });

  it('treats blanks as empty', () => {
    const blanks = Object.fromEntries(APPEAL_TEXT_FIELDS.map((field) => [field, ' \t \u00a0 ']));
    expect(errorsOf(blanks)).toEqual(errorsOf({}));
  });

  it.each([undefined, null, 5, 'x', [], true])('refuses a non-object (%s) without throwing', (input) => {
    expect(() => ZAppealSchema.safeParse(input)).not.toThrow();
    expect(ZAppealSchema.safeParse(input).success).toBe(false);
  });

  it('says "not text" for a number or an object in a text field', () => {
    expect(errorsOf(realisticInput({ ownerName: 42 as unknown as string, model: {} as unknown as string }))).toEqual({
      ownerName: 'notText',
      model: 'notText',
    });
  });

  it('runs the device rules even when other fields fail, and lists every invalid field', () => {
    const errors = errorsOf(realisticInput({ imei: '', imei2: '', lockCode: '', contactEmail: 'nope', purchaseDate: '2025-02-30', country: 'XX' }));
    expect(errors).toEqual({ imei: 'imeiOrLockCode', contactEmail: 'email.noAt', purchaseDate: 'date.invalid', country: 'country.invalid' });
  });

  it('passes emoji, Cyrillic, Bulgarian and Ukrainian text through unchanged', () => {
    const text = 'Іван Ґонта — «Техно» ъ ѝ 👨‍👩‍👧 ✅';
    const result = ZAppealSchema.parse(realisticInput({ ownerName: text, sellerName: text, notes: `${text}\n${text}` }));
    expect(result.ownerName).toBe(text);
    expect(result.sellerName).toBe(text);
    expect(result.notes).toBe(`${text}\n${text}`);
  });

  it('replaces a lone surrogate (which would break URL encoding) with U+FFFD', () => {
    const result = ZAppealSchema.parse(realisticInput({ ownerName: 'Иван \ud83d', notes: '\udc00x' }));
    expect(result.ownerName).toBe('Иван \ufffd');
    expect(result.notes).toBe('\ufffdx');
    expect(() => encodeURIComponent(result.ownerName + result.notes)).not.toThrow();
  });

  it('accepts every field at its maximum length, in Cyrillic and in CJK', () => {
    expect(ZAppealSchema.safeParse(longestInput('Ж')).success).toBe(true);
    expect(ZAppealSchema.safeParse(longestInput('中')).success).toBe(true);
  });

  it('answers a 10 KB value in any field with a message, never a crash', () => {
    const huge = 'Ж'.repeat(10_240);
    for (const field of APPEAL_TEXT_FIELDS) {
      const errors = errorsOf(realisticInput({ [field]: huge }));
      if (field === 'locale') expect(errors).toEqual({});
      else expect(errors[field], field).toBeDefined();
    }
    for (const [field, max] of Object.entries(FIELD_MAX)) {
      expect(errorsOf(realisticInput({ [field]: 'x'.repeat(max + 1) }))[field], field).toBe(`tooLong?max=${max}`);
    }
  });

  it('flattens CR, LF and other controls in every single-line field', () => {
    for (const field of SINGLE_LINE_TEXT_FIELDS) {
      const result = ZAppealSchema.parse(realisticInput({ [field]: HOSTILE_SHORT }));
      expect(result[field], field).toBe('Evil Bcc: a@b.ru X: 1');
    }
    const withBreaks = ZAppealSchema.parse(realisticInput({ lockCode: 'AB12\r\nCD34', imei: '', imei2: '', serialNumber: 'a\u2028b' }));
    // A lock code has no spaces: a line break in it is taken out, not made a space.
    expect(withBreaks.lockCode).toBe('AB12CD34');
    expect(withBreaks.serialNumber).toBe('a b');
  });

  it('never lets a line break survive in any field but notes', () => {
    const input: TAppealInput = realisticInput({ imei: '86890704\r\n1234565', country: 'RU\r\n', purchaseChannel: 'mi-store\r\n', purchaseDate: '2025-03-14\n', caseReference: 'AK-7Q2M-9XK4\r\n', locale: 'bg\n' });
    const result = ZAppealSchema.parse(input);
    for (const [field, value] of Object.entries(result)) {
      if (field !== 'notes') expect(JSON.stringify(value), field).not.toMatch(/\\[rn]|[\u0000-\u001f]/);
    }
    expect(result).toMatchObject({ imei: '868907041234565', purchaseChannel: 'mi-store', locale: 'bg' });
  });

  it('keeps line breaks in notes as LF, with at most one blank line', () => {
    const result = ZAppealSchema.parse(realisticInput({ notes: ' a\r\nb\rc\n\n\n\n d \u0000e\t ' }));
    expect(result.notes).toBe('a\nb\nc\n\nd e');
  });

  it('removes invisible characters copied from web pages', () => {
    const result = ZAppealSchema.parse(realisticInput({ imei: '\u200e868907041234565\u200b', contactEmail: 'ivan@example.ru\u2060' }));
    expect(result.imei).toBe('868907041234565');
    expect(result.contactEmail).toBe('ivan@example.ru');
  });
});

describe('IMEI fields', () => {
  const deviceErrors = (input: Record<string, string>) => {
    const result = ZDeviceStepSchema.safeParse(input);
    return result.success ? {} : fieldErrors(result.error);
  };

  it.each(examples.valid)('accepts %s and stores the bare digits', (imei) => {
    expect(ZDeviceStepSchema.parse({ imei }).imei).toBe(imei.replace(/\D/g, ''));
  });

  it('explains 14 digits with the suggested IMEI', () => {
    expect(decodeFieldMessage(deviceErrors({ imei: examples.withoutCheckDigit.input }).imei ?? '')).toEqual({
      key: 'imei.missingCheckDigit',
      values: { suggestion: examples.withoutCheckDigit.imei },
    });
  });

  it('explains an IMEISV with the derived IMEI', () => {
    expect(decodeFieldMessage(deviceErrors({ imei: examples.imeisv.input }).imei ?? '')).toEqual({
      key: 'imei.imeisv',
      values: { suggestion: examples.imeisv.imei },
    });
  });

  it.each(examples.wrongCheckDigit)('flags the wrong check digit of %s', (imei) => {
    expect(deviceErrors({ imei }).imei).toBe('imei.wrongCheckDigit?digits=15');
  });

  it.each(examples.notAnImei)('says %s is not an IMEI, with the digit count', (imei) => {
    const { key, values } = decodeFieldMessage(deviceErrors({ imei }).imei ?? '');
    expect(key).toBe('imei.notAnImei');
    expect(values.digits).toBe(String(imei.replace(/\D/g, '').length));
  });

  it('asks to remove letters only when there are some, and speaks of the letter O only when there is one', () => {
    const stray = (imei: string) => decodeFieldMessage(deviceErrors({ imei }).imei ?? '').values.stray;
    expect(stray('12345')).toBe('none');
    expect(stray('12 345-678')).toBe('none');
    expect(stray('86890704123456O')).toBe('letterO');
    expect(stray('8689О7041234565')).toBe('letterO'); // Cyrillic О
    // The word "IMEI" typed into the box has letters, and no O to mistake for a zero.
    expect(stray('IMEI')).toBe('letters');
    expect(stray('86890704_1234565')).toBe('signs');
  });

  it('checks the second IMEI by the same rules', () => {
    expect(deviceErrors({ imei: examples.valid[0] ?? '', imei2: examples.withoutCheckDigit.input }).imei2).toMatch(/^imei\.missingCheckDigit\?/);
    expect(deviceErrors({ imei: examples.valid[0] ?? '', imei2: examples.wrongCheckDigit[1] ?? '' }).imei2).toBe('imei.wrongCheckDigit?digits=15');
  });

  it('refuses a second IMEI equal to the first, however it is typed', () => {
    expect(deviceErrors({ imei: '868907041234565', imei2: '86-890704-123456-5' })).toEqual({ imei2: 'imei.sameAsFirst' });
  });

  it('refuses a second IMEI without a first', () => {
    expect(deviceErrors({ imei2: '867443033012349', lockCode: 'ABCD-1234' })).toEqual({ imei: 'imei.secondWithoutFirst' });
  });

  it('says "only a second IMEI" when that is all there is, not the general "IMEI or lock code"', () => {
    // The usual slip: IMEI1 left empty, IMEI2 filled, no lock code. The form shows the first
    // message on a field, so the precise one must be the only one.
    const result = ZDeviceStepSchema.safeParse({ imei: '', imei2: '490154203237518', lockCode: '' });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['imei.secondWithoutFirst']);
    expect(errorsOf(realisticInput({ imei: '', imei2: '490154203237518', lockCode: '' })).imei).toBe('imei.secondWithoutFirst');
    // A second IMEI that failed its own rule is no IMEI: the general message, beside its own.
    expect(deviceErrors({ imei2: '12345' })).toMatchObject({ imei: 'imeiOrLockCode' });
  });

  it('does not pile a cross-field message onto a field that failed its own rule', () => {
    const long = '8'.repeat(FIELD_MAX.imei + 1);
    expect(deviceErrors({ imei: long, imei2: long })).toEqual({ imei: `tooLong?max=${FIELD_MAX.imei}`, imei2: `tooLong?max=${FIELD_MAX.imei}` });
    const result = ZDeviceStepSchema.safeParse({ imei: long, imei2: long });
    expect(result.error?.issues.map((issue) => issue.message)).not.toContain('imei.sameAsFirst');
  });

  it('does not ask for an IMEI or lock code when the IMEI given is wrong (its own message says why)', () => {
    expect(Object.keys(deviceErrors({ imei: '123' }))).toEqual(['imei']);
    expect(deviceErrors({ imei: '123' }).imei).toMatch(/^imei\.notAnImei\?/);
  });
});

describe('lock code', () => {
  const parse = (lockCode: string) => ZDeviceStepSchema.safeParse({ lockCode });

  it.each(['ABCD', 'a1b2-c3d4', 'AB12 CD34 EF56', 'Жук-1234', 'X'.repeat(FIELD_MAX.lockCode)])('accepts %s, never Luhn-checked', (code) => {
    expect(parse(code).success).toBe(true);
  });

  it('takes the spaces out of a lock code, so the letter gives it as the screen does (letters, digits, hyphens)', () => {
    expect(parse('A1B2 C3D4').data?.lockCode).toBe('A1B2C3D4');
    expect(parse(' AB12\u00a0CD34\tEF-56 ').data?.lockCode).toBe('AB12CD34EF-56');
    expect(ZAppealSchema.parse(realisticInput({ lockCode: 'A1B2 C3D4' })).lockCode).toBe('A1B2C3D4');
    // Spaces are no characters of the code: "A 1 B" is three characters, too short.
    expect(fieldErrors(parse('A 1 B').error!).lockCode).toBe('lockCode.tooShort?min=4');
  });

  it('accepts a 15-digit lock code with a wrong Luhn digit (it is not an IMEI)', () => {
    expect(parse('868907041234568').success).toBe(true);
  });

  it.each(['AB!D', 'ab_cd', 'code👍', 'a/b/c/d'])('refuses characters a lock code has not: %s', (code) => {
    expect(fieldErrors(parse(code).error!).lockCode).toBe('lockCode.characters');
  });

  it('refuses fewer than 4 characters', () => {
    expect(fieldErrors(parse('A-1').error!).lockCode).toBe('lockCode.tooShort?min=4');
  });
});

describe('purchase date', () => {
  const dateError = (purchaseDate: string) => {
    const result = ZPurchaseStepSchema.safeParse({ country: 'BG', purchaseChannel: 'mi-store', purchaseDate });
    return result.success ? undefined : fieldErrors(result.error).purchaseDate;
  };

  it.each(['2024-02-29', EARLIEST_PURCHASE_DATE, '2025-03-14', ' 2025-03-14 '])('accepts %s', (date) => {
    expect(dateError(date)).toBeUndefined();
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '14.03.2025', '2025-3-14', '20250314', '2025-03-14T10:00', 'вчера', '２０２５-０３-１４'])(
    'refuses %s as not a date',
    (date) => {
      expect(dateError(date)).toBe('date.invalid');
    },
  );

  it('refuses a date after the latest "today" on Earth, accepts that today', () => {
    const today = latestTodayIso();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(dateError(today)).toBeUndefined();
    expect(dateError(tomorrow)).toBe('date.future');
    expect(dateError('9999-12-31')).toBe('date.future');
  });

  it('computes the latest today from UTC+14', () => {
    expect(latestTodayIso(new Date('2025-03-14T09:59:59Z'))).toBe('2025-03-14');
    expect(latestTodayIso(new Date('2025-03-14T10:00:00Z'))).toBe('2025-03-15');
  });

  it.each(['2009-12-31', '1999-01-01', '0099-01-01', '0001-01-01'])('refuses %s as too early', (date) => {
    expect(dateError(date)).toBe('date.tooEarly');
  });
});

describe('purchase and contact fields', () => {
  it('reads the country in any case and refuses unknown codes', () => {
    expect(ZPurchaseStepSchema.parse({ country: ' bg ', purchaseChannel: 'mi-store', purchaseDate: '2025-01-01' }).country).toBe('BG');
    for (const country of ['XX', 'BGR', 'Болгария', 'EU', 'global']) {
      const result = ZPurchaseStepSchema.safeParse({ country, purchaseChannel: 'mi-store', purchaseDate: '2025-01-01' });
      expect(fieldErrors(result.error!).country, country).toBe('country.invalid');
    }
  });

  it('asks to choose a country that is not chosen, not to "fill it in"', () => {
    const country = (value: string) => ZPurchaseStepSchema.safeParse({ country: value, purchaseChannel: 'mi-store', purchaseDate: '2025-01-01' });
    expect(fieldErrors(country('').error!).country).toBe('choice.required');
    expect(fieldErrors(country('  ').error!).country).toBe('choice.required');
  });

  it('knows the purchase channels, with blanks trimmed', () => {
    const channel = (purchaseChannel: string) => ZPurchaseStepSchema.safeParse({ country: 'RU', purchaseChannel, purchaseDate: '2025-01-01' });
    expect(channel(' second-hand ').data?.purchaseChannel).toBe('second-hand');
    expect(fieldErrors(channel('ebay').error!).purchaseChannel).toBe('channel.invalid');
    expect(fieldErrors(channel('').error!).purchaseChannel).toBe('choice.required');
  });

  it('checks e-mail addresses and refuses header tricks', () => {
    const email = (contactEmail: string) => ZContactStepSchema.safeParse({ ownerName: 'Иван', contactEmail });
    expect(email(' Ivan.Petrov@Example.RU ').data?.contactEmail).toBe('Ivan.Petrov@Example.RU');
    const cases: [string, string][] = [
      ['ivan', 'email.noAt'],
      ['ivan.mail.ru', 'email.noAt'],
      ['a@b.ru\r\nBcc: x@y.ru', 'email.manyAt'],
      ['a@b.ru, c@d.ru', 'email.manyAt'],
      ['maria ivanova@mail.ru', 'email.space'],
      ['ivan@example', 'email.noDomainEnding'],
      ['maria@gmail', 'email.noDomainEnding'],
      ['иван@пример', 'email.noDomainEnding'],
      ['ivan@', 'email.invalid'],
      ['@example.ru', 'email.invalid'],
      ['ivan@mail..ru', 'email.doubleDot'],
      ['ivan.petrov@gmail,com', 'email.comma'],
      ['ivan.petrov@gmail.com.', 'email.trailingDot'],
    ];
    for (const [bad, message] of cases) expect(fieldErrors(email(bad).error!).contactEmail, bad).toBe(message);
    expect(fieldErrors(email('   ').error!).contactEmail).toBe('required');
  });

  it('names the slip in an address: a comma for a dot, a dot at the end, two dots in a row', () => {
    // "lacks the ending such as .com" was said for all three, and the ending was there.
    expect(emailSlip('ivan.petrov@gmail,com')).toBe('comma');
    expect(emailSlip('ivan,petrov@gmail.com')).toBe('comma');
    expect(emailSlip('ivan@mail,ru')).toBe('comma');
    expect(emailSlip('ivan.petrov@gmail.com.')).toBe('trailingDot');
    expect(emailSlip('ivan@abv.bg..')).toBe('trailingDot');
    expect(emailSlip('ivan@gmail..com')).toBe('doubleDot');
    expect(emailSlip('ivan..petrov@gmail.com')).toBe('doubleDot');
    // Two addresses are two addresses, whatever separates them; a dot after a bare name is no ending.
    expect(emailSlip('a@b.ru, c@d.ru')).toBe('manyAt');
    expect(emailSlip('maria@gmail.')).toBe('noDomainEnding');
    expect(emailSlip('maria ivanova@gmail,com')).toBe('comma');
    for (const good of ['ivan.petrov@gmail.com', 'o.ivanova@ukr.net', 'a.b.c@mail.example.bg']) expect(emailSlip(good), good).toBeNull();
  });

  it('takes the account hint as the lock screen shows it, e-mail or phone mask alike', () => {
    const hint = (accountHint: string) => ZContactStepSchema.safeParse({ ownerName: 'Иван', contactEmail: 'i@example.ru', accountHint });
    // An audit typed these from lock screens: "_" and "( )" were refused as "not on the screen".
    for (const good of ['ivan_p***@mail.ru', '+7(912)***-**-89', '221****878', 'ivan.p***@gmail.com', 'a+b***@mail.ru', '+359 88 ••• ••67', 'иван***@почта.рф']) {
      expect(hint(good).success, good).toBe(true);
    }
    for (const bad of ['221<script>', 'a#b***@mail.ru', 'ivan***@mail.ru, petr@mail.ru']) {
      expect(fieldErrors(hint(bad).error!).accountHint, bad).toBe('accountHint.characters');
    }
    expect(fieldErrors(hint('1'.repeat(FIELD_MAX.accountHint + 1)).error!).accountHint).toBe(`tooLong?max=${FIELD_MAX.accountHint}`);
  });

  it('checks phone numbers loosely: digits with the usual punctuation, 5 to 20 digits', () => {
    const phone = (contactPhone: string) => ZContactStepSchema.safeParse({ ownerName: 'Иван', contactEmail: 'i@example.ru', contactPhone });
    for (const good of ['+7 912 345-67-89', '+359 (88) 123 4567', '0881234567', '']) expect(phone(good).success, good).toBe(true);
    for (const bad of ['1234', 'звоните', '+7 912 345 67 89 ext. 5', '++79123456789', '1'.repeat(21)]) {
      expect(fieldErrors(phone(bad).error!).contactPhone, bad).toBe('phone.invalid');
    }
  });

  it('reads the receipt checklist as a de-duplicated list in checklist order', () => {
    const shows = (receiptShows: string) => ZAppealSchema.safeParse(realisticInput({ receiptShows }));
    expect(shows('imei, seller,imei,,date').data?.receiptShows).toEqual(['seller', 'date', 'imei']);
    expect(shows('').data?.receiptShows).toEqual([]);
    expect(fieldErrors(shows('seller,bribe').error!).receiptShows).toBe('receiptShows.invalid');
  });

  it('checks the case reference shape', () => {
    const ref = (caseReference: string) => ZAppealSchema.safeParse(realisticInput({ caseReference }));
    expect(ref(' ak-7q2m-9xk4 ').data?.caseReference).toBe('AK-7Q2M-9XK4');
    expect(ref('').data?.caseReference).toBe('');
    expect(fieldErrors(ref('AK-7Q2M-9XK').error!).caseReference).toBe('caseReference.invalid');
  });

  it('reads the locale loosely and falls back to English', () => {
    const locale = (value: unknown) => ZAppealSchema.parse({ ...realisticInput(), locale: value }).locale;
    expect(locale(' UK ')).toBe('uk');
    expect(locale('de')).toBe('en');
    expect(locale(undefined)).toBe('en');
    expect(locale(5)).toBe('en');
  });
});
