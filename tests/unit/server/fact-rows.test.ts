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
    expect(row(rows, 'First buyer’s receipt')?.value).toBe('not available');
    expect(row(rows, 'Country of purchase')?.value).toBe('Russia (RU)');
    // Under "Receipt" is the listing or the chat: what a receipt shows is not said of it.
    expect(row(rows, 'Receipt')).toBeUndefined();
    // A box left unticked is not evidence that the receipt lacks it: nothing is said of it.
    expect(JSON.stringify(rows)).not.toContain('does not show');
    // What is not enclosed, and no judgement of the appeal: the PDF is read by those who decide it.
    expect(row(rows, 'Not enclosed')).toEqual({ label: ['Not enclosed'], value: 'box label photo' });
  });

  it('“I have the first buyer’s receipt” is “attached” only when a receipt is', () => {
    const appeal = ZAppealSchema.parse({ ...secondHand, firstBuyerReceipt: 'yes', locale: 'en' });
    expect(row(buildFactRows(appeal, { files }), 'First buyer’s receipt')?.value).toBe('attached');
    // Under "Receipt" is that receipt: what it shows is said.
    expect(row(buildFactRows(appeal, { files }), 'Receipt')?.value).toBe('shows the seller’s name and the date of purchase');
    const noReceipt = buildFactRows(appeal, { files: { ...files, receipt: 0 } });
    expect(row(noReceipt, 'First buyer’s receipt')?.value).toBe('the owner has it; not enclosed');
    expect(row(noReceipt, 'Not enclosed')?.value).toBe('box label photo, first buyer’s receipt');
    // What a receipt shows means nothing without the receipt.
    expect(row(noReceipt, 'Receipt')).toBeUndefined();
  });

  it('a used-phone shop’s buyer misses a receipt, not the first buyer’s; a private buyer the first buyer’s', () => {
    const missing = (saleVenue: string, firstBuyerReceipt: string) =>
      row(buildFactRows(ZAppealSchema.parse({ ...secondHand, saleVenue, firstBuyerReceipt, locale: 'en' }), { files: { ...files, receipt: 0 } }), 'Not enclosed')?.value;
    expect(missing('shop', 'no')).toBe('box label photo, receipt or order record');
    expect(missing('shop', '')).toBe('box label photo, receipt or order record');
    expect(missing('shop', 'yes')).toBe('box label photo, first buyer’s receipt');
    expect(missing('private', 'no')).toBe('box label photo, first buyer’s receipt');
    // The shop's receipt is a receipt: what it shows is said.
    const withReceipt = buildFactRows(ZAppealSchema.parse({ ...secondHand, saleVenue: 'shop', locale: 'en' }), { files });
    expect(row(withReceipt, 'Receipt')?.value).toBe('shows the seller’s name and the date of purchase');
  });

  it('says what the receipt shows in words that agree with one item and with several (ru, bg, uk)', () => {
    const shows = (locale: string, receiptShows: string) =>
      row(buildFactRows(ZAppealSchema.parse({ ...secondHand, firstBuyerReceipt: 'yes', receiptShows, locale }), { files }), 'Receipt')?.value.split('\n')[1];
    expect(shows('ru', 'price')).toBe('указана цена');
    expect(shows('ru', 'seller')).toBe('указано название продавца');
    expect(shows('ru', 'imei')).toBe('указан IMEI или серийный номер телефона');
    expect(shows('ru', 'seller,date')).toBe('указаны: название продавца и дата покупки');
    // "показва" is transitive: the object forms, not моделът, серийният номер, печатът или подписът.
    expect(shows('bg', 'model,imei,stamp')).toBe('показва модела на телефона, IMEI или серийния номер на телефона и печата или подписа на продавача');
    expect(shows('bg', 'model')).toBe('показва модела на телефона');
    expect(shows('uk', 'price')).toBe('вказано ціну');
    expect(shows('uk', 'date,price')).toBe('вказано дату покупки і ціну');
  });

  it('a Russian appeal: each label in English and Russian, each worded value a line per language', () => {
    const rows = buildFactRows(ZAppealSchema.parse({ ...secondHand, locale: 'ru' }), { files });
    expect(row(rows, 'Bought from')).toEqual({ label: ['Bought from', 'Где куплен'], value: 'second-hand, from a previous owner\nс рук, у прежнего владельца' });
    expect(row(rows, 'Where the sale happened')?.value).toBe('an online marketplace listing\nобъявление на интернет-площадке');
    expect(row(rows, 'Country of purchase')?.value).toBe('Russia\nРоссия (RU)');
    expect(row(rows, 'Tried before this appeal')?.label).toEqual(['Tried before this appeal', 'Что пробовал(а) до обращения']);
    expect(row(rows, 'Not enclosed')).toEqual({ label: ['Not enclosed', 'Не приложено'], value: 'box label photo\nфото наклейки на коробке' });
    // What the user typed is not translated, and a label that reads the same is given once.
    expect(row(rows, 'Owner')?.value).toBe('Иван Петров');
    expect(row(rows, 'IMEI')?.label).toEqual(['IMEI']);
  });
});
