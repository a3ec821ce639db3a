/**
 * Ways to reach Xiaomi besides the e-mail, per country (support-channels.json, each with its source
 * and last-checked date), plus two more where Xiaomi offers service: its own web form for owners
 * without access to their account, and a visit to a service centre with the phone and the proof
 * (not where Xiaomi sells no phones or blocks activation: lib/support/territories.ts).
 * Pure data and ordering; the result page renders them.
 */
import { z } from 'zod';

import { isCountryCode } from '@/lib/countries';
import { ADDRESS_STATUSES } from '@/lib/support/addresses';
import data from '@/lib/support/support-channels.json';
import { serviceReach } from '@/lib/support/territories';

const CHANNEL_KINDS = ['chat', 'hotline', 'web-form', 'contact-page'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

const ZChannelSchema = z
  .object({
    country: z.string().refine(isCountryCode, 'not an ISO 3166-1 alpha-2 code'),
    kind: z.enum(CHANNEL_KINDS),
    /** A phone number as published, or the https page to open. */
    value: z.string().min(1),
    status: z.enum(ADDRESS_STATUSES).exclude(['reseller']),
    sourceUrl: z.url({ protocol: /^https$/ }).nullable(),
    lastChecked: z.iso.date(),
    note: z.string().optional(),
  })
  .refine((c) => c.kind === 'hotline' || /^https:\/\/www\.mi\.com\//.test(c.value), 'a page channel links to mi.com')
  .refine((c) => c.kind !== 'hotline' || /^[\d\s-]{6,20}$/.test(c.value), 'a hotline is a phone number')
  .refine((c) => c.status !== 'official' || c.sourceUrl !== null, 'an official channel needs its source page');
export type SupportChannel = z.infer<typeof ZChannelSchema>;

export const SUPPORT_CHANNELS: readonly SupportChannel[] = Object.freeze(z.array(ZChannelSchema).parse(data));

/**
 * A live conversation first (chat, then a call: an answer the same day), then a form Xiaomi answers
 * in writing; official before what only listings name.
 */
const KIND_ORDER: readonly ChannelKind[] = ['chat', 'hotline', 'web-form', 'contact-page'];

/** The country's own channels, best first. */
export function channelsFor(country: string): SupportChannel[] {
  const code = country.trim().toUpperCase();
  return SUPPORT_CHANNELS.filter((channel) => channel.country === code).sort(
    (a, b) =>
      ADDRESS_STATUSES.indexOf(a.status) - ADDRESS_STATUSES.indexOf(b.status) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
}

/**
 * What the channels shown have as their sources, so the words above them say the same as the badge
 * under each: "Xiaomi's own pages list these" only when every one is on a Xiaomi page.
 */
export type ChannelSources = 'none' | 'official' | 'articles' | 'mixed';

export function channelSources(channels: readonly Pick<SupportChannel, 'status'>[]): ChannelSources {
  if (channels.length === 0) return 'none';
  const official = channels.filter((channel) => channel.status === 'official').length;
  return official === channels.length ? 'official' : official === 0 ? 'articles' : 'mixed';
}

/** tel: link for a published number (digits only; a leading + kept). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

export type OtherWays = {
  /** The country's own channels, best first. */
  own: SupportChannel[];
  /** The result.channels message that introduces them. */
  intro: 'introOfficial' | 'introArticles' | 'introMixed' | 'introNone' | 'introNoSales' | 'introSanctioned';
  /** Whether a visit to an authorised service centre is a next step there. */
  serviceCentre: boolean;
};

const SOURCES_INTRO = { official: 'introOfficial', articles: 'introArticles', mixed: 'introMixed' } as const;

/**
 * What the result page offers besides the e-mail for the country of purchase, and how it is
 * introduced: every way it names must exist there. Where Xiaomi sells no phones officially or
 * blocks activation, no service centre is offered and the intro says why.
 */
export function otherWaysFor(country: string): OtherWays {
  const own = channelsFor(country);
  const reach = serviceReach(country);
  const sources = channelSources(own);
  const intro =
    sources !== 'none' ? SOURCES_INTRO[sources] : reach === 'sanctioned' ? 'introSanctioned' : reach === 'noOfficialSales' ? 'introNoSales' : 'introNone';
  return { own, intro, serviceCentre: reach === 'service' };
}
