import { describe, expect, it } from 'vitest';

import { COUNTRY_CODES } from '@/lib/countries';
import { SUPPORT_ADDRESSES, supportAddressFor, supportAddressesFor } from '@/lib/support/addresses';

/** Every address domain.md names (origin documents and mi.com pages). */
const DOMAIN_ADDRESSES = [
  'service.global@xiaomi.com', 'service.ru@xiaomi.com', 'service@miot.com.ua', 'support.by@mi-shop.com',
  'ask@mi.com.kz', 'mishu@xiaomi.com', 'service.us@xiaomi.com', 'service.eu@xiaomi.com',
  'service.es@xiaomi.com', 'service.es@support.mi.com', 'service.it@xiaomi.com', 'service.it@support.mi.com',
  'service.fr@xiaomi.com', 'service.fr@support.mi.com', 'service.de@support.mi.com', 'service.uk@support.mi.com',
  'service.pl@support.mi.com', 'service.sg@support.mi.com', 'service.ma@support.mi.com',
  'support.global@support.mi.com', 'service.in@xiaomi.com', 'service.id@support.mi.com', 'service.vn@support.mi.com',
];
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

  it('keeps the addresses no official page shows marked unconfirmed', () => {
    for (const email of UNCONFIRMED) expect(SUPPORT_ADDRESSES.find((entry) => entry.email === email)?.confirmed).toBe(false);
    for (const entry of SUPPORT_ADDRESSES) {
      if (entry.sourceUrl === null) expect(entry.confirmed, entry.email).toBe(false);
      else expect(entry.sourceUrl, entry.email).toMatch(/^https:\/\/www\.mi\.com\//);
    }
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
    ['UA', 'service@miot.com.ua'],
    ['BY', 'support.by@mi-shop.com'],
    ['KZ', 'ask@mi.com.kz'],
    ['US', 'service.us@xiaomi.com'],
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

  it('falls back to the confirmed global address for every country without its own', () => {
    const withOwn = new Set(SUPPORT_ADDRESSES.map((entry) => entry.country));
    let fallbacks = 0;
    for (const code of COUNTRY_CODES) {
      const address = supportAddressFor(code);
      if (withOwn.has(code)) {
        expect(address.country, code).toBe(code);
      } else {
        expect(address.email, code).toBe(GLOBAL);
        expect(address.confirmed).toBe(true);
        fallbacks++;
      }
    }
    // 16 countries have their own address (ES IT FR DE GB PL SG MA RU UA BY KZ US IN ID VN).
    expect(fallbacks).toBe(COUNTRY_CODES.length - 16);
  });

  it('accepts any case and blanks, and falls back for junk', () => {
    expect(supportAddressFor(' ru ').email).toBe('service.ru@xiaomi.com');
    for (const junk of ['', '   ', 'XX', 'EU', 'global', 'Россия', '👍', 'R\r\nU', 'x'.repeat(10_000)]) {
      expect(supportAddressFor(junk).email, junk.slice(0, 10)).toBe(junk === 'global' ? GLOBAL : junk === 'EU' ? 'service.eu@xiaomi.com' : GLOBAL);
    }
  });

  it('offers alternatives: own addresses, the European one for EU members, then the global ones', () => {
    expect(supportAddressesFor('ES').map((e) => e.email)).toEqual([
      'service.es@support.mi.com', 'service.es@xiaomi.com', 'service.eu@xiaomi.com', GLOBAL, 'service.global@xiaomi.com', 'mishu@xiaomi.com',
    ]);
    expect(supportAddressesFor('BG').map((e) => e.email)).toEqual([GLOBAL, 'service.eu@xiaomi.com', 'service.global@xiaomi.com', 'mishu@xiaomi.com']);
    expect(supportAddressesFor('RU').map((e) => e.email)).toEqual(['service.ru@xiaomi.com', GLOBAL, 'service.global@xiaomi.com', 'mishu@xiaomi.com']);
  });
});
