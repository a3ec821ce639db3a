/**
 * How far Xiaomi's own service reaches in the country of purchase, for the result page's "other
 * ways" (domain notes, "Address corrections found 2026-11-29"; "What Xiaomi accepts as proof":
 * after-sales service is usually limited to the country of purchase):
 *   service          Xiaomi sells there: its form and, where it has them, service centres.
 *   noOfficialSales  Xiaomi sells no phones officially there (the USA): no hotline, chat or
 *                    authorised service centre to send anyone to.
 *   sanctioned       The sales-territory block hits activations there (reports from 2021: Crimea,
 *                    Cuba, Iran, North Korea, Syria, Sudan). Crimea has no country code of its
 *                    own, so it cannot be told from the country chosen; the start page's triage
 *                    names it with the block's on-screen words.
 */
export type ServiceReach = 'service' | 'noOfficialSales' | 'sanctioned';

const NO_OFFICIAL_SALES: ReadonlySet<string> = new Set(['US']);
const SANCTIONED: ReadonlySet<string> = new Set(['CU', 'IR', 'KP', 'SY', 'SD']);

export function serviceReach(country: string): ServiceReach {
  const code = country.trim().toUpperCase();
  if (SANCTIONED.has(code)) return 'sanctioned';
  if (NO_OFFICIAL_SALES.has(code)) return 'noOfficialSales';
  return 'service';
}
