/**
 * The evidence PDF's file name. It travels in a Content-Disposition header, a download, an e-mail
 * attachment and the letter, so it is plain ASCII with no character any OS, mail client or header
 * treats specially; descriptive enough for a support agent juggling many attachments.
 */
import type { TAppeal } from '@/lib/appeal/schema';
import { normalizeImeiInput } from '@/lib/imei';

const PREFIX = 'mi-account-appeal';
const LOCK_CODE_MAX = 32;

/** Accents dropped (é → e, ﬁ → fi): what is left of a Latin text is ASCII. */
function withoutAccents(value: string): string {
  return value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * ASCII letters in their own case and digits, other runs as one hyphen; accents dropped. The case
 * is kept because the letter states the code as the phone shows it, and an agent comparing the
 * two should see the same characters. Empty when a
 * letter, digit or symbol has no ASCII form (Cyrillic, Greek, Arabic digits…): a slug of the rest
 * would read as another code ("ЖЇЄҐ-1234-АБВГ" as "1234"), and this name is in the letter too.
 */
function asciiSlug(value: string, max: number): string {
  const plain = withoutAccents(value);
  if (/[^A-Za-z0-9\p{Z}\p{P}]/u.test(plain)) return '';
  return plain
    .replace(/[^A-Za-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

function deviceSlug(appeal: Pick<TAppeal, 'imei' | 'lockCode'>): string {
  const imei = normalizeImeiInput(appeal.imei);
  if (/^\d{15}$/.test(imei)) return imei;
  // A lock code not wholly in ASCII letters and digits: say what it is instead of part of it.
  return `lock-${asciiSlug(appeal.lockCode, LOCK_CODE_MAX) || 'code'}`;
}

/**
 * e.g. `mi-account-appeal-868907041234565-2025-03-14.pdf`, `mi-account-appeal-lock-AB12-CD34-2025-03-14.pdf`,
 * or `mi-account-appeal-lock-code-2025-03-14.pdf` for a lock code with letters ASCII cannot write.
 * The date is the purchase date, so rebuilding the same appeal gives the same name.
 */
export function bundleFileName(appeal: Pick<TAppeal, 'imei' | 'lockCode' | 'purchaseDate'>): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(appeal.purchaseDate) ? `-${appeal.purchaseDate}` : '';
  return `${PREFIX}-${deviceSlug(appeal)}${date}.pdf`;
}
