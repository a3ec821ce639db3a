export type ByteUnit = 'kilobytes' | 'megabytes';

/**
 * A size as an amount in the user's number format and its unit: 2.4 (megabytes), 380 (kilobytes).
 * The unit's symbol comes from the catalogues (`form.units`), not Intl's `style: 'unit'`: CLDR
 * gives Bulgarian "MB"/"kB" and Russian "кБ", where people write МБ/КБ.
 */
export function byteSize(bytes: number, locale: string): { unit: ByteUnit; size: string } {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return { unit: 'megabytes', size: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mb) };
  return { unit: 'kilobytes', size: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024)) };
}
