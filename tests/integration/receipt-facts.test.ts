import { describe, expect, it } from 'vitest';

import { readAppealRequest } from '@/lib/server/read-appeal-request';
import { readFixture } from '../support/fixtures';
import { appealRequest, STANDARD_FIELDS, type UploadSpec } from './support/appeal-request';

const LOCK_SCREEN: UploadSpec = { field: 'extra', name: 'lock-screen.png', bytes: readFixture('order-screenshot.png'), type: 'image/png' };
const RECEIPT_PHOTO: UploadSpec = { field: 'receipt', name: 'receipt.jpg', bytes: readFixture('receipt-photo-12mp.jpg'), type: 'image/jpeg' };

/** The form asks what a receipt shows only once one is added; the server holds any client to the same rule. */
describe('what the receipt shows, on the server', () => {
  const fields = { ...STANDARD_FIELDS, receiptShows: 'seller,date,imei', locale: 'en' };

  it('is read with a receipt', async () => {
    const { appeal } = await readAppealRequest(appealRequest(fields, [RECEIPT_PHOTO]));
    expect(appeal.receiptShows).toEqual(['seller', 'date', 'imei']);
  });

  it('is no error without a receipt, and no fact either', async () => {
    const { appeal } = await readAppealRequest(appealRequest(fields, [LOCK_SCREEN]));
    expect(appeal.receiptShows).toEqual([]);
  });

  it('is still refused when it names something no receipt checklist has', async () => {
    await expect(readAppealRequest(appealRequest({ ...fields, receiptShows: 'seller,bribe' }, [LOCK_SCREEN]))).rejects.toMatchObject({
      fields: { receiptShows: expect.stringContaining('receiptShows.invalid') },
    });
  });
});
