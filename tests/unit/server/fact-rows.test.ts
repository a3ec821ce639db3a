import { describe, expect, it } from 'vitest';

import { ZAppealSchema } from '@/lib/appeal/schema';
import { buildFactRows } from '@/lib/server/evidence-pdf/fact-rows';

const secondHand = {
  imei: '868907041234565',
  country: 'RU',
  purchaseChannel: 'second-hand',
  saleVenue: 'marketplace',
  firstBuyerReceipt: 'no',
  purchaseDate: '2025-03-14',
  ownerName: 'Иван Петров',
  contactEmail: 'ivan@example.com',
  receiptShows: 'seller,date',
  triedFirst: 'seller',
};
const files = { boxPhoto: 0, receipt: 1, extra: 1 };
const row = (rows: ReturnType<typeof buildFactRows>, label: string) => rows.find((r) => r.label[0] === label);

describe('the fact rows speak the letter’s languages', () => {
  it('an English appeal: English only, from the catalogue', () => {
    const rows = buildFactRows(ZAppealSchema.parse({ ...secondHand, ownerName: 'Ivan Petrov', locale: 'en' }), { files });
    expect(rows.every((r) => r.label.length === 1)).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/[А-я]/);
    expect(row(rows, 'Bought from')?.value).toBe('second-hand, from a previous owner');
    expect(row(rows, 'Where the sale happened')?.value).toBe('an online marketplace listing');
    expect(row(rows, "First buyer's receipt")?.value).toBe('not available');
    expect(row(rows, 'Country of purchase')?.value).toBe('Russia (RU)');
    expect(row(rows, 'Receipt')?.value).toBe('shows the seller’s name and the date of purchase; does not show the phone model, the phone’s IMEI, the price, and the seller’s stamp or signature');
    expect(row(rows, 'Not enclosed')).toEqual({
      label: ['Not enclosed'],
      value: 'box label photo (the owner does not have it)',
      warning: 'the appeal is weaker without it',
    });
  });

  it('a Russian appeal: each label in English and Russian, each worded value a line per language', () => {
    const rows = buildFactRows(ZAppealSchema.parse({ ...secondHand, locale: 'ru' }), { files });
    expect(row(rows, 'Bought from')).toEqual({ label: ['Bought from', 'Где куплен'], value: 'second-hand, from a previous owner\nс рук, у прежнего владельца' });
    expect(row(rows, 'Where the sale happened')?.value).toBe('an online marketplace listing\nобъявление на интернет-площадке');
    expect(row(rows, 'Country of purchase')?.value).toBe('Russia\nРоссия (RU)');
    expect(row(rows, 'Tried before this appeal')?.label).toEqual(['Tried before this appeal', 'Что пробовал(а) до обращения']);
    expect(row(rows, 'Not enclosed')?.warning).toBe('the appeal is weaker without it\nбез этого обращение слабее');
    // What the user typed is not translated, and a label that reads the same is given once.
    expect(row(rows, 'Owner')?.value).toBe('Иван Петров');
    expect(row(rows, 'IMEI')?.label).toEqual(['IMEI']);
  });
});
