/** Appeals for the domain tests: a realistic one, and worst cases for length and encoding. */
import { FIELD_MAX, ZAppealSchema, type TAppeal, type TAppealInput } from '@/lib/appeal/schema';

export function realisticInput(overrides: Partial<TAppealInput> = {}): TAppealInput {
  return {
    imei: '868907041234565',
    imei2: '867443033012349',
    lockCode: '',
    serialNumber: '44871/F2ZX01234',
    model: 'Redmi Note 13',
    country: 'RU',
    purchaseChannel: 'authorized-retailer',
    sellerName: 'Электроника Плюс',
    purchaseDate: '2025-03-14',
    orderNumber: '5123-778-0042',
    price: '18 990 ₽',
    ownerName: 'Иван Петров',
    contactEmail: 'ivan.petrov@example.ru',
    contactPhone: '+7 912 345-67-89',
    linkedAccount: '+7 912 000-11-22',
    notes: 'Забыл пароль от Mi аккаунта после сброса.\nТелефон всегда был у меня.',
    receiptShows: 'seller,date,imei,price',
    caseReference: 'AK-7Q2M-9XK4',
    locale: 'ru',
    ...overrides,
  };
}

export function parseAppeal(input: TAppealInput): TAppeal {
  const result = ZAppealSchema.safeParse(input);
  if (!result.success) throw new Error(`sample appeal is invalid: ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

/** A full evidence set (box photo, receipt, other proof): what the letter may call enclosed. */
export const EVERY_ROLE_ENCLOSED = { boxPhoto: 1, receipt: 1, extra: 1 } as const;

export const realisticAppeal = (overrides: Partial<TAppealInput> = {}): TAppeal => parseAppeal(realisticInput(overrides));

/**
 * Every free-text field at its maximum length in `letter` (Cyrillic costs 6 characters in a
 * mailto URL, CJK 9), notes with line breaks, and an e-mail address of 254 characters.
 */
export function longestInput(letter: string, overrides: Partial<TAppealInput> = {}): TAppealInput {
  const fill = (max: number) => letter.repeat(max);
  const notesLine = fill(100);
  const notes = Array.from({ length: 20 }, () => notesLine).join('\n').slice(0, FIELD_MAX.notes);
  const local = 'a'.repeat(64);
  const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.ru`;
  return realisticInput({
    lockCode: fill(FIELD_MAX.lockCode),
    serialNumber: fill(FIELD_MAX.serialNumber),
    model: fill(FIELD_MAX.model),
    sellerName: fill(FIELD_MAX.sellerName),
    orderNumber: fill(FIELD_MAX.orderNumber),
    price: fill(FIELD_MAX.price),
    ownerName: fill(FIELD_MAX.ownerName),
    contactEmail: `${local}@${domain}`,
    contactPhone: '+7 (912) 345-67-89 (1) (2) (3) (4) (5) 6',
    linkedAccount: fill(FIELD_MAX.linkedAccount),
    notes,
    receiptShows: 'seller,date,model,imei,price,stamp',
    ...overrides,
  });
}

/** Line breaks and controls a header must never carry, short enough for every field (≤ 40). */
export const HOSTILE_SHORT = 'Evil\r\nBcc: a@b.ru\rX: 1\u0085\u2028\u001b\t';
/** A value with every kind of line break and control character a header must never carry. */
export const HOSTILE = 'Evil\r\nBcc: victim@example.com\rX-Injected: 1\nSubject: hi\u0000\u0085\u2028\u2029\u001b[31m\t';

/**
 * An appeal built by hand, past the schema, with line breaks and controls in every text field:
 * the text functions must stay safe even when a caller forgets to validate.
 */
export function hostileAppeal(locale: TAppeal['locale'] = 'ru'): TAppeal {
  return {
    ...realisticAppeal({ locale }),
    imei: `86890704${HOSTILE}1234565`,
    imei2: HOSTILE,
    lockCode: HOSTILE,
    serialNumber: HOSTILE,
    model: HOSTILE,
    sellerName: HOSTILE,
    orderNumber: HOSTILE,
    price: HOSTILE,
    ownerName: HOSTILE,
    contactEmail: `a@b.ru${HOSTILE}`,
    contactPhone: HOSTILE,
    linkedAccount: HOSTILE,
    notes: HOSTILE,
    caseReference: `AK-7Q2M-9XK4${HOSTILE}`,
  };
}
