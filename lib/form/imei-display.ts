import { normalizeImeiInput } from '@/lib/imei';

/**
 * Digits grouped as on a Xiaomi box label (2-6-6-1, then the IMEISV's extra digit), also while
 * they are still being typed, so a person can compare group by group with the label.
 */
export function groupImeiDigits(input: string): string {
  const digits = normalizeImeiInput(input);
  const groups = [digits.slice(0, 2), digits.slice(2, 8), digits.slice(8, 14), digits.slice(14)];
  return groups.filter(Boolean).join(' ');
}
