/**
 * Xiaomi support addresses, kept as data (support-addresses.json) with where each was seen, when
 * the entry was last compared with its source, and how far it can be trusted.
 * Addresses change: the UI shows the status and source and lets the user pick another recipient.
 *
 * Which global address: support.global@support.mi.com is the one an official mi.com page lists
 * (the Turkish terms page, 2024–2025), and it follows Xiaomi's newer service.<cc>@support.mi.com
 * pattern. service.global@xiaomi.com comes only from third-party how-to articles and the older
 * pattern, so it is offered as an alternative, never chosen for the user.
 *
 * An appeal carries an IMEI, a name and receipts, so an address that belongs to a reseller (the
 * Ukrainian and Belarusian Mi-shop chains) is never proposed: the user may opt in after reading why.
 */
import { z } from 'zod';

import { isCountryCode } from '@/lib/countries';
import data from '@/lib/support/support-addresses.json';

/** How far an address can be trusted, in the words the recipient box uses. */
export const ADDRESS_STATUSES = [
  /** Shown on an official mi.com page. */
  'official',
  /** Only in how-to articles or consumer-care listings, not on an official page. */
  'articles',
  /** Belongs to a reseller, not to Xiaomi. */
  'reseller',
] as const;
export type AddressStatus = (typeof ADDRESS_STATUSES)[number];

/**
 * default: may be proposed for its country (the first one wins);
 * alternative: offered, never proposed; opt-in: shown apart, with why it is not Xiaomi's.
 */
const OFFERS = ['default', 'alternative', 'opt-in'] as const;

/** ISO 3166-1 alpha-2; "EU" (exceptionally reserved in ISO 3166-1) for the European address. */
const ZSupportAddressSchema = z
  .object({
    country: z.string().refine((c) => c === 'global' || c === 'EU' || isCountryCode(c), 'not an ISO 3166-1 alpha-2 code'),
    email: z.email(),
    /** BCP 47 language codes support is expected to read and answer in. */
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1),
    status: z.enum(ADDRESS_STATUSES),
    offer: z.enum(OFFERS),
    /** The page (or site) the address was seen on; null when only third-party texts name it. */
    sourceUrl: z.url({ protocol: /^https$/ }).nullable(),
    /** When this entry was last compared with its source (YYYY-MM-DD). */
    lastChecked: z.iso.date(),
    /** For maintainers (English): scope or caveats of the entry. */
    note: z.string().optional(),
  })
  .refine((entry) => (entry.status === 'reseller') === (entry.offer === 'opt-in'), 'a reseller address is opt-in, and only a reseller address is')
  .refine((entry) => entry.status !== 'official' || entry.sourceUrl !== null, 'an official address needs its source page');
export type SupportAddress = z.infer<typeof ZSupportAddressSchema>;

/** Parsed at load, so a typo in the data fails every test instead of reaching a user. */
export const SUPPORT_ADDRESSES: readonly SupportAddress[] = Object.freeze(z.array(ZSupportAddressSchema).parse(data));

/** Member states, for offering the (unconfirmed) European address as an alternative. */
const EU_MEMBERS = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]);

/** Official before articles; otherwise the data file's order (newer address pattern first). */
function byTrust(entries: readonly SupportAddress[]): SupportAddress[] {
  const rank = (entry: SupportAddress) => ADDRESS_STATUSES.indexOf(entry.status);
  return [...entries].sort((a, b) => rank(a) - rank(b));
}

function entriesFor(scope: string): SupportAddress[] {
  return byTrust(SUPPORT_ADDRESSES.filter((entry) => entry.country === scope));
}

const GLOBAL_ADDRESS: SupportAddress = (() => {
  const global = entriesFor('global').find((entry) => entry.offer === 'default');
  if (global?.status !== 'official') throw new Error('support-addresses.json needs an official global address');
  return global;
})();

/**
 * The recipient to propose for a phone bought in `country` (ISO alpha-2, any case). A country's own
 * Xiaomi address wins even when only articles name it, because it reaches support in the buyer's
 * language; the UI shows the status. Every other country, and any unknown value, gets the global
 * address; a reseller's address never.
 */
export function supportAddressFor(country: string): SupportAddress {
  return entriesFor(country.trim().toUpperCase()).find((entry) => entry.offer === 'default') ?? GLOBAL_ADDRESS;
}

/** Every Xiaomi address worth offering for `country`, the proposed one first, no duplicates, no reseller. */
export function supportAddressesFor(country: string): SupportAddress[] {
  const code = country.trim().toUpperCase();
  const candidates = [
    supportAddressFor(code),
    ...entriesFor(code),
    ...(EU_MEMBERS.has(code) ? entriesFor('EU') : []),
    ...entriesFor('global'),
  ].filter((entry) => entry.offer !== 'opt-in');
  return candidates.filter((entry, index) => candidates.findIndex((other) => other.email === entry.email) === index);
}

/** A reseller's address for `country`, shown only as an explained opt-in. */
export function resellerAddressesFor(country: string): SupportAddress[] {
  return entriesFor(country.trim().toUpperCase()).filter((entry) => entry.offer === 'opt-in');
}

/** The entry behind an address the user picked or typed, if the book knows it. */
export function addressEntry(email: string): SupportAddress | undefined {
  const wanted = email.trim().toLowerCase();
  return SUPPORT_ADDRESSES.find((entry) => entry.email === wanted);
}

/**
 * Xiaomi addresses that never handle an appeal, with what they are for (domain notes, "Address
 * corrections"): an appeal sent there goes unanswered, so the recipient box refuses them.
 */
const NOT_FOR_APPEALS: Readonly<Record<string, 'promotions' | 'orders'>> = {
  'mi-event@xiaomi.com': 'promotions',
  'service.tr.orders@support.mi.com': 'orders',
};

/** What `email` is for when it is one of Xiaomi's addresses that does not take appeals, or null. */
export function notForAppeals(email: string): 'promotions' | 'orders' | null {
  return NOT_FOR_APPEALS[email.trim().toLowerCase()] ?? null;
}
