import { describe, expect, it } from 'vitest';

import { MESSAGES } from '@/lib/i18n/messages';
import { LOCALES } from '@/lib/i18n/locales';
import { serviceCentreItems } from '@/lib/support/service-centre';

const newPhone = { purchaseChannel: 'mi-store', saleVenue: '', firstBuyerReceipt: '' };
const privateSale = { purchaseChannel: 'second-hand', saleVenue: 'private', firstBuyerReceipt: 'no' };
const all = { boxPhoto: 1, receipt: 1, extra: 1 };

describe('serviceCentreItems: what to bring to a service centre', () => {
  it('lists the phone, the box, the receipt, the ID and the PDF for a full appeal', () => {
    expect(serviceCentreItems(newPhone, all)).toEqual(['phone', 'box', 'receipt', 'id', 'pdf']);
  });

  it('leaves out what the appeal has no photo of', () => {
    expect(serviceCentreItems(newPhone, { boxPhoto: 0, receipt: 0, extra: 1 })).toEqual(['phone', 'id', 'pdf']);
  });

  it('names a second-hand sale record as the record of the purchase, not the receipt', () => {
    expect(serviceCentreItems(privateSale, all)).toEqual(['phone', 'box', 'saleRecord', 'id', 'pdf']);
    expect(serviceCentreItems({ ...privateSale, saleVenue: 'marketplace', firstBuyerReceipt: '' }, all)).toContain('saleRecord');
    // A used-phone shop's receipt and the first buyer's are receipts.
    expect(serviceCentreItems({ ...privateSale, saleVenue: 'shop' }, all)).toContain('receipt');
    expect(serviceCentreItems({ ...privateSale, firstBuyerReceipt: 'yes' }, all)).toContain('receipt');
    expect(serviceCentreItems(privateSale, { boxPhoto: 1, receipt: 0, extra: 1 })).not.toContain('saleRecord');
  });

  it('has words for every item in every language, and the sale record is not called a receipt', () => {
    for (const locale of LOCALES) {
      const items = MESSAGES[locale].result.channels.centre.item;
      for (const item of ['phone', 'box', 'receipt', 'saleRecord', 'id', 'pdf'] as const) expect(items[item], `${locale} ${item}`).toBeTruthy();
    }
    expect(MESSAGES.en.result.channels.centre.item.saleRecord).not.toMatch(/receipt/i);
    expect(MESSAGES.ru.result.channels.centre.item.saleRecord).not.toMatch(/чек/i);
    expect(MESSAGES.uk.result.channels.centre.item.saleRecord).not.toMatch(/чек/i);
    expect(MESSAGES.bg.result.channels.centre.item.saleRecord).not.toMatch(/бележка/i);
  });
});
