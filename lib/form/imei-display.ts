import { normalizeImeiInput } from '@/lib/imei';

/**
 * Digits grouped as on a Xiaomi box label (2-6-6-1, then the IMEISV's extra digit), also while
 * they are still being typed, so a person can compare group by group with the label. For the
 * screen only: wherever an IMEI can be copied (letter, e-mail, PDF) it stays 15 plain digits,
 * because support agents paste it into a search that does not ignore spaces.
 */
export function imeiDigitGroups(input: string): string[] {
  const digits = normalizeImeiInput(input);
  return [digits.slice(0, 2), digits.slice(2, 8), digits.slice(8, 14), digits.slice(14)].filter(Boolean);
}

/** The groups as text, for live feedback while typing (not for anything that is copied). */
export function groupImeiDigits(input: string): string {
  return imeiDigitGroups(input).join(' ');
}
