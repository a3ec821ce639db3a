/**
 * The evidence PDF's file name. It travels in a Content-Disposition header, a download, an e-mail
 * attachment and the letter, so it is plain ASCII with no character any OS, mail client or header
 * treats specially; descriptive enough for a support agent juggling many attachments.
 */
import type { TAppeal } from '@/lib/appeal/schema';
import { normalizeImeiInput } from '@/lib/imei';

const PREFIX = 'mi-account-appeal';
const LOCK_CODE_MAX = 32;

/** Lowercase ASCII letters and digits, other runs as one hyphen; accents dropped (é → e). */
function asciiSlug(value: string, max: number): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

function deviceSlug(appeal: Pick<TAppeal, 'imei' | 'lockCode'>): string {
  const imei = normalizeImeiInput(appeal.imei);
  if (/^\d{15}$/.test(imei)) return imei;
  // A lock code written only in Cyrillic (or emoji) has no ASCII left: say what it is instead.
  return `lock-${asciiSlug(appeal.lockCode, LOCK_CODE_MAX) || 'code'}`;
}

/**
 * e.g. `mi-account-appeal-868907041234565-2025-03-14.pdf`, or `mi-account-appeal-lock-ab12-cd34-2025-03-14.pdf`.
 * The date is the purchase date, so rebuilding the same appeal gives the same name.
 */
export function bundleFileName(appeal: Pick<TAppeal, 'imei' | 'lockCode' | 'purchaseDate'>): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(appeal.purchaseDate) ? `-${appeal.purchaseDate}` : '';
  return `${PREFIX}-${deviceSlug(appeal)}${date}.pdf`;
}
