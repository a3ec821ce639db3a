/**
 * Xiaomi support addresses, kept as data (support-addresses.json) with where each was seen, when
 * the entry was last compared with its source, and whether an official Xiaomi page shows it.
 * Addresses change: the UI shows the source and lets the user pick another recipient.
 *
 * Which global address: support.global@support.mi.com is the one an official mi.com page lists
 * (the Turkish terms page, 2024–2025), and it follows Xiaomi's newer service.<cc>@support.mi.com
 * pattern that the Spanish, Italian, French, German, British, Polish, Singaporean and Moroccan
 * pages show. service.global@xiaomi.com comes only from third-party how-to articles and the older
 * pattern, so it is offered as an alternative, never chosen for the user.
 */
import { z } from 'zod';

import { isCountryCode } from '@/lib/countries';
import data from '@/lib/support/support-addresses.json';

/** ISO 3166-1 alpha-2; "EU" (exceptionally reserved in ISO 3166-1) for the European address. */
const ZSupportAddressSchema = z.object({
  country: z.string().refine((c) => c === 'global' || c === 'EU' || isCountryCode(c), 'not an ISO 3166-1 alpha-2 code'),
  email: z.email(),
  /** BCP 47 language codes support is expected to read and answer in. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1),
  /** The page the address was seen on; null when only third-party articles name it. */
  sourceUrl: z.url({ protocol: /^https$/ }).nullable(),
  /** When this entry was last compared with its source (YYYY-MM-DD). */
  lastChecked: z.iso.date(),
  /** True only when an official Xiaomi page shows the address. */
  confirmed: z.boolean(),
  /** For maintainers (English): scope or caveats of the entry. */
  note: z.string().optional(),
});
export type SupportAddress = z.infer<typeof ZSupportAddressSchema>;

/** Parsed at load, so a typo in the data fails every test instead of reaching a user. */
export const SUPPORT_ADDRESSES: readonly SupportAddress[] = Object.freeze(z.array(ZSupportAddressSchema).parse(data));

/** Member states, for offering the (unconfirmed) European address as an alternative. */
const EU_MEMBERS = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]);

/** Confirmed before unconfirmed; otherwise the data file's order (newer address pattern first). */
function byConfidence(entries: readonly SupportAddress[]): SupportAddress[] {
  return [...entries].sort((a, b) => Number(b.confirmed) - Number(a.confirmed));
}

function entriesFor(scope: string): SupportAddress[] {
  return byConfidence(SUPPORT_ADDRESSES.filter((entry) => entry.country === scope));
}

const GLOBAL_ADDRESS: SupportAddress = (() => {
  const global = entriesFor('global')[0];
  if (!global?.confirmed) throw new Error('support-addresses.json needs a confirmed global address');
  return global;
})();

/**
 * The recipient to propose for a phone bought in `country` (ISO alpha-2, any case). A country's own
 * address wins even when unconfirmed, because it reaches support in the buyer's language; the UI
 * shows `confirmed`. Every other country, and any unknown value, gets the global address.
 */
export function supportAddressFor(country: string): SupportAddress {
  return entriesFor(country.trim().toUpperCase())[0] ?? GLOBAL_ADDRESS;
}

/** Every address worth offering for `country`, the proposed one first, no duplicates. */
export function supportAddressesFor(country: string): SupportAddress[] {
  const code = country.trim().toUpperCase();
  const candidates = [
    supportAddressFor(code),
    ...entriesFor(code),
    ...(EU_MEMBERS.has(code) ? entriesFor('EU') : []),
    ...entriesFor('global'),
  ];
  return candidates.filter((entry, index) => candidates.findIndex((other) => other.email === entry.email) === index);
}
