import { describe, expect, it } from 'vitest';

import { COUNTRY_CODES } from '@/lib/countries';
import { MESSAGES } from '@/lib/i18n/messages';
import { LOCALES } from '@/lib/i18n/locales';
import { SUPPORT_CHANNELS, channelSources, channelsFor, otherWaysFor, telHref, type SupportChannel } from '@/lib/support/channels';
import { serviceReach } from '@/lib/support/territories';

describe('support channels besides e-mail', () => {
  it('holds the hotlines, chat and forms of the domain notes with their sources', () => {
    const listed = SUPPORT_CHANNELS.map((c) => `${c.country} ${c.kind} ${c.value}`).sort();
    expect(listed).toEqual(
      [
        'IN hotline 1800-103-6286',
        'KZ hotline 8-800-100-30-00',
        'MA web-form https://www.mi.com/ma-ar/universal/aftersales-repair-content',
        'MX contact-page https://www.mi.com/mx/support/',
        'MY chat https://www.mi.com/my/universal/aftersales-return-content',
        'MY hotline 1800-180-112',
        'SG hotline 8008528474',
        'TH hotline 1800014171',
        'TR hotline 0 800 621 22 26',
        'VN hotline 1800400410',
      ].sort(),
    );
    for (const channel of SUPPORT_CHANNELS) {
      expect(channel.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (channel.status === 'official') expect(channel.sourceUrl).toMatch(/^https:\/\/www\.mi\.com\//);
    }
    // Only consumer-care listings give India's and Vietnam's numbers.
    expect(channelsFor('IN')[0]?.status).toBe('articles');
    expect(channelsFor('VN')[0]?.status).toBe('articles');
  });

  it('puts a live conversation first: chat, then the hotline', () => {
    expect(channelsFor('my').map((c) => c.kind)).toEqual(['chat', 'hotline']);
    expect(channelsFor('KZ').map((c) => c.kind)).toEqual(['hotline']);
  });

  it('has nothing for a country without a known channel, and for junk', () => {
    for (const code of ['BG', 'RU', 'UA', '', 'xx', 'R\nU']) expect(channelsFor(code)).toEqual([]);
    expect(COUNTRY_CODES.filter((code) => channelsFor(code).length > 0).sort()).toEqual(['IN', 'KZ', 'MA', 'MX', 'MY', 'SG', 'TH', 'TR', 'VN']);
  });

  it('introduces the channels by where they come from, never calling a listing Xiaomi\'s own page', () => {
    // India and Vietnam: only consumer-care listings give the hotline.
    expect(channelSources(channelsFor('IN'))).toBe('articles');
    expect(channelSources(channelsFor('VN'))).toBe('articles');
    expect(channelSources(channelsFor('KZ'))).toBe('official');
    expect(channelSources(channelsFor('MY'))).toBe('official');
    expect(channelSources(channelsFor('BG'))).toBe('none');
    const [official] = channelsFor('KZ') as [SupportChannel];
    const [listing] = channelsFor('IN') as [SupportChannel];
    expect(channelSources([official, listing])).toBe('mixed');
    // Whatever the data: "official" only when every channel shown is on a Xiaomi page.
    for (const code of COUNTRY_CODES) {
      const own = channelsFor(code);
      if (channelSources(own) === 'official') expect(own.every((c) => c.status === 'official'), code).toBe(true);
    }
  });

  it('offers a service centre only where Xiaomi offers service, and says why not elsewhere', () => {
    expect(otherWaysFor('BG')).toEqual({ own: [], intro: 'introNone', serviceCentre: true });
    expect(otherWaysFor('IN')).toMatchObject({ intro: 'introArticles', serviceCentre: true });
    expect(otherWaysFor('KZ')).toMatchObject({ intro: 'introOfficial', serviceCentre: true });
    // Xiaomi sells no phones officially in the USA: no centre to send anyone to.
    expect(otherWaysFor('US')).toEqual({ own: [], intro: 'introNoSales', serviceCentre: false });
    expect(otherWaysFor(' us ')).toMatchObject({ intro: 'introNoSales' });
    // The sanctioned territories of the sales-territory block.
    for (const code of ['CU', 'IR', 'KP', 'SY', 'SD', 'ir']) {
      expect(serviceReach(code), code).toBe('sanctioned');
      expect(otherWaysFor(code), code).toEqual({ own: [], intro: 'introSanctioned', serviceCentre: false });
    }
    expect(serviceReach('DE')).toBe('service');
  });

  it.each(LOCALES)('%s: no intro claims the ways exist everywhere, and the territory caution names what the start page names', (locale) => {
    const { channels, territory } = MESSAGES[locale].result;
    // The start page's sales-territory answer: "(reports from 2021 name Crimea, Cuba, …)".
    const named = /\([^()]*2021[^()]*\)/.exec(MESSAGES[locale].home.check.territory.answer)?.[0];
    expect(named).toBeDefined();
    expect(territory.text).toContain(named);
    expect(territory.text).toContain(MESSAGES[locale].home.check.territory.label);
    expect(channels.introNone).not.toMatch(/everywhere|везде|навсякъде|всюди/i);
  });

  it('dials the digits only', () => {
    expect(telHref('8-800-100-30-00')).toBe('tel:88001003000');
    expect(telHref('0 800 621 22 26')).toBe('tel:08006212226');
  });
});
