import { describe, expect, it } from 'vitest';

import { isPlausibleEmail, recipientProblem, suggestEmailAddress } from '@/lib/form/email-address';

describe('suggestEmailAddress', () => {
  it('asks about a slip in a common mail service, the part before @ kept', () => {
    expect(suggestEmailAddress('maria.ivanova@gmial.com')).toBe('maria.ivanova@gmail.com');
    expect(suggestEmailAddress(' ivan@mial.ru ')).toBe('ivan@mail.ru');
    expect(suggestEmailAddress('ivan@yandx.ru')).toBe('ivan@yandex.ru');
    expect(suggestEmailAddress('petar@abv.bq')).toBe('petar@abv.bg');
    expect(suggestEmailAddress('olena@ukr.nte')).toBe('olena@ukr.net');
    expect(suggestEmailAddress('john@hotmial.com')).toBe('john@hotmail.com');
    expect(suggestEmailAddress('john@gmail.co')).toBe('john@gmail.com');
  });

  it('leaves real addresses alone, a country’s own ending included', () => {
    for (const address of [
      'ivan.petrov@example.com',
      'ivan@mail.ru',
      'ivan@bk.ru',
      'ivan@list.ru',
      'petar@abv.bg',
      'office@company.bg',
      'olena@ukr.net',
      'olena@i.ua',
      'shop@firma.com.ua',
      'john@icloud.com',
      'Maria.Ivanova@Gmail.com',
    ]) {
      expect(suggestEmailAddress(address), address).toBeNull();
    }
  });

  it('says nothing about what is not an address yet', () => {
    expect(suggestEmailAddress('')).toBeNull();
    expect(suggestEmailAddress('maria@gmial')).toBeNull();
    expect(suggestEmailAddress('maria ivanova@gmial.com')).toBeNull();
  });
});

describe('isPlausibleEmail', () => {
  it('wants one @, a dot in the domain and no separators', () => {
    expect(isPlausibleEmail('a@b.cd')).toBe(true);
    expect(isPlausibleEmail('a@b')).toBe(false);
    expect(isPlausibleEmail('a@b.cd, c@d.ef')).toBe(false);
  });
});

describe('recipientProblem', () => {
  it('asks for an address, then a plausible one', () => {
    expect(recipientProblem(' ')).toBe('empty');
    expect(recipientProblem('service.de@support')).toBe('invalid');
    expect(recipientProblem('service.de@support.mi.com')).toBeNull();
  });

  it('refuses Xiaomi addresses that never handle an appeal, whatever their case (domain notes)', () => {
    expect(recipientProblem('mi-event@xiaomi.com')).toBe('promotions');
    expect(recipientProblem('Mi-Event@Xiaomi.com')).toBe('promotions');
    expect(recipientProblem('service.tr.orders@support.mi.com')).toBe('orders');
    expect(recipientProblem('service.tr@support.mi.com')).toBeNull();
  });
});
