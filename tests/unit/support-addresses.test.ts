import { describe, expect, it } from 'vitest';

import { COUNTRY_CODES } from '@/lib/countries';
import { SUPPORT_ADDRESSES, resellerAddressesFor, supportAddressFor, supportAddressesFor } from '@/lib/support/addresses';

/** Every address domain.md names (origin documents and mi.com pages). */
const DOMAIN_ADDRESSES = [
  'service.global@xiaomi.com', 'service.ru@xiaomi.com', 'service@miot.com.ua', 'support.by@mi-shop.com',
  'ask@mi.com.kz', 'mishu@xiaomi.com', 'service.us@xiaomi.com', 'service.eu@xiaomi.com',
  'service.es@xiaomi.com', 'service.es@support.mi.com', 'service.it@xiaomi.com', 'service.it@support.mi.com',
  'service.fr@xiaomi.com', 'service.fr@support.mi.com', 'service.de@support.mi.com', 'service.uk@support.mi.com',
  'service.pl@support.mi.com', 'service.sg@support.mi.com', 'service.ma@support.mi.com',
  'support.global@support.mi.com', 'service.in@xiaomi.com', 'service.id@support.mi.com', 'service.vn@support.mi.com',
  // Address corrections (2026-11-29): Xiaomi's Kazakh site and the Thai terms page.
  'service.kz@support.mi.com', 'service.th@support.mi.com',
];
const RESELLERS = ['service@miot.com.ua', 'support.by@mi-shop.com'];
const UNCONFIRMED = ['service.in@xiaomi.com', 'service.id@support.mi.com', 'service.vn@support.mi.com'];
const GLOBAL = 'support.global@support.mi.com';
/** domain.md: for promotions only, never an appeal's recipient. */
const PROMOTIONS_ONLY = 'mi-event@xiaomi.com';

describe('support address book', () => {
  it('holds every address from the domain notes exactly once, and nothing else', () => {
    expect(SUPPORT_ADDRESSES.map((entry) => entry.email).sort()).toEqual([...DOMAIN_ADDRESSES].sort());
  });

  it('never proposes or offers the promotion-only address, for any country', () => {
    const offered = new Set(['', 'EU', 'global', ...COUNTRY_CODES].flatMap((code) => supportAddressesFor(code).map((entry) => entry.email)));
    expect(offered.size).toBeGreaterThan(10);
    expect(offered).not.toContain(PROMOTIONS_ONLY);
    expect(SUPPORT_ADDRESSES.map((entry) => entry.email)).not.toContain(PROMOTIONS_ONLY);
  });

  it('keeps the addresses no official page shows marked as from articles, and the resellers as resellers', () => {
    for (const email of UNCONFIRMED) expect(SUPPORT_ADDRESSES.find((entry) => entry.email === email)?.status).toBe('articles');
    for (const email of RESELLERS) expect(SUPPORT_ADDRESSES.find((entry) => entry.email === email)?.status).toBe('reseller');
    for (const entry of SUPPORT_ADDRESSES) {
      if (entry.sourceUrl === null) expect(entry.status, entry.email).not.toBe('official');
      else expect(entry.sourceUrl, entry.email).toMatch(/^https:\/\/www\.mi\.com\//);
    }
  });

  it('never proposes or lists a reseller among Xiaomi addresses; offers it only as an opt-in', () => {
    for (const code of COUNTRY_CODES) {
      expect(supportAddressFor(code).status, code).not.toBe('reseller');
      expect(supportAddressesFor(code).some((entry) => entry.status === 'reseller'), code).toBe(false);
    }
    expect(resellerAddressesFor('UA').map((entry) => entry.email)).toEqual(['service@miot.com.ua']);
    expect(resellerAddressesFor('by').map((entry) => entry.email)).toEqual(['support.by@mi-shop.com']);
    expect(resellerAddressesFor('RU')).toEqual([]);
  });

  it('gives each entry a source description or URL, languages and a last-checked date', () => {
    for (const entry of SUPPORT_ADDRESSES) {
      expect(entry.sourceUrl ?? entry.note, entry.email).toBeTruthy();
      expect(entry.languages.length).toBeGreaterThan(0);
      expect(entry.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it.each([
    ['RU', 'service.ru@xiaomi.com'],
    ['UA', GLOBAL],
    ['BY', GLOBAL],
    ['KZ', 'service.kz@support.mi.com'],
    ['TH', 'service.th@support.mi.com'],
    ['US', GLOBAL],
    ['ID', 'service.id@support.mi.com'],
    ['VN', 'service.vn@support.mi.com'],
    ['ES', 'service.es@support.mi.com'],
    ['IT', 'service.it@support.mi.com'],
    ['FR', 'service.fr@support.mi.com'],
    ['DE', 'service.de@support.mi.com'],
    ['GB', 'service.uk@support.mi.com'],
    ['PL', 'service.pl@support.mi.com'],
    ['SG', 'service.sg@support.mi.com'],
    ['MA', 'service.ma@support.mi.com'],
    ['IN', 'service.in@xiaomi.com'],
    ['BG', GLOBAL],
    ['CN', GLOBAL],
  ])('proposes the right address for %s', (country, email) => {
    expect(supportAddressFor(country).email).toBe(email);
  });

  it('falls back to the official global address for every country without its own Xiaomi address', () => {
    const withOwn = new Set(SUPPORT_ADDRESSES.filter((entry) => entry.offer === 'default').map((entry) => entry.country));
    let fallbacks = 0;
    for (const code of COUNTRY_CODES) {
      const address = supportAddressFor(code);
      if (withOwn.has(code)) {
        expect(address.country, code).toBe(code);
      } else {
        expect(address.email, code).toBe(GLOBAL);
        expect(address.status).toBe('official');
        fallbacks++;
      }
    }
    // 14 countries have their own Xiaomi address (ES IT FR DE GB PL SG MA TH RU KZ IN ID VN);
    // Ukraine and Belarus have only a reseller's, the USA only one from articles.
    expect(fallbacks).toBe(COUNTRY_CODES.length - 14);
  });

  it('accepts any case and blanks, and falls back for junk', () => {
    expect(supportAddressFor(' ru ').email).toBe('service.ru@xiaomi.com');
    for (const junk of ['', '   ', 'XX', 'EU', 'global', 'Россия', '👍', 'R\r\nU', 'x'.repeat(10_000)]) {
      expect(supportAddressFor(junk).email, junk.slice(0, 10)).toBe(GLOBAL);
    }
  });

  it('offers alternatives: own addresses, the European one for EU members, then the global ones', () => {
    expect(supportAddressesFor('ES').map((e) => e.email)).toEqual([
      'service.es@support.mi.com', 'service.es@xiaomi.com', 'service.eu@xiaomi.com', GLOBAL, 'service.global@xiaomi.com', 'mishu@xiaomi.com',
    ]);
    expect(supportAddressesFor('BG').map((e) => e.email)).toEqual([GLOBAL, 'service.eu@xiaomi.com', 'service.global@xiaomi.com', 'mishu@xiaomi.com']);
    expect(supportAddressesFor('RU').map((e) => e.email)).toEqual(['service.ru@xiaomi.com', GLOBAL, 'service.global@xiaomi.com', 'mishu@xiaomi.com']);
    expect(supportAddressesFor('UA').map((e) => e.email)).toEqual([GLOBAL, 'service.global@xiaomi.com', 'mishu@xiaomi.com']);
    expect(supportAddressesFor('KZ').map((e) => e.email)).toEqual(['service.kz@support.mi.com', 'ask@mi.com.kz', GLOBAL, 'service.global@xiaomi.com', 'mishu@xiaomi.com']);
    expect(supportAddressesFor('US').map((e) => e.email)).toEqual([GLOBAL, 'service.us@xiaomi.com', 'service.global@xiaomi.com', 'mishu@xiaomi.com']);
  });
});
