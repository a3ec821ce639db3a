/**
 * What to type into Xiaomi's own web form for owners without access to their account, field by
 * field in that form's order (domain notes, "Channels besides e-mail": IMEI or lock code → country
 * → bound phone, skippable → store list or "Other seller" → box photo → receipt or order
 * screenshot). Pure: the result page renders each row with a copy button.
 */
import type { EvidenceCounts } from '@/lib/appeal/evidence-rules';
import type { TAppeal } from '@/lib/appeal/schema';
import { countryName } from '@/lib/countries';

export type NoAccessFormRow =
  /** A value to paste as it is. */
  | { field: 'imei' | 'lockCode' | 'country' | 'boundPhone' | 'seller' | 'orderNumber'; value: string }
  /** Nothing to paste: what to pick or upload there. */
  | { field: 'boundPhoneSkip' | 'otherSeller' | 'boxPhoto' | 'boxPhotoNone' | 'receipt' };

/** A bound number someone wrote down: digits with the usual separators, 5–20 digits. */
function looksLikePhone(value: string): boolean {
  return /^\+?[\d\s().-]+$/.test(value) && /^(?:\D*\d){5,20}\D*$/.test(value);
}

export function noAccessFormRows(
  appeal: Pick<TAppeal, 'imei' | 'lockCode' | 'country' | 'linkedAccount' | 'sellerName' | 'orderNumber'>,
  enclosed: EvidenceCounts,
  locale: string,
): NoAccessFormRow[] {
  const rows: NoAccessFormRow[] = [];
  rows.push(appeal.imei ? { field: 'imei', value: appeal.imei } : { field: 'lockCode', value: appeal.lockCode });
  rows.push({ field: 'country', value: countryName(appeal.country, locale) });
  rows.push(looksLikePhone(appeal.linkedAccount) ? { field: 'boundPhone', value: appeal.linkedAccount } : { field: 'boundPhoneSkip' });
  rows.push(appeal.sellerName ? { field: 'seller', value: appeal.sellerName } : { field: 'otherSeller' });
  // Without a box photo in the appeal, "upload the one you added" would send the user looking for nothing.
  rows.push({ field: enclosed.boxPhoto > 0 ? 'boxPhoto' : 'boxPhotoNone' });
  rows.push(appeal.orderNumber ? { field: 'orderNumber', value: appeal.orderNumber } : { field: 'receipt' });
  return rows;
}
