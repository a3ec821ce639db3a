import { describe, expect, it } from 'vitest';

import { POST } from '@/app/api/appeal/route';
import { readFixture } from '../support/fixtures';
import { appealRequest, STANDARD_FIELDS, type UploadSpec } from './support/appeal-request';
import { pdftotext, withPdfFile } from './support/pdf-tools';

/** Issue 12: any real proof suffices, and the second-hand path tells its chain. */
const LOCK_SCREEN: UploadSpec = { field: 'extra', name: 'lock-screen.png', bytes: readFixture('order-screenshot.png'), type: 'image/png' };
const RECEIPT_PHOTO: UploadSpec = { field: 'receipt', name: 'receipt.jpg', bytes: readFixture('receipt-photo-12mp.jpg'), type: 'image/jpeg' };

async function pdfText(fields: Record<string, string>, files: UploadSpec[]): Promise<string> {
  const response = await POST(appealRequest(fields, files));
  expect(response.status, await response.clone().text().catch(() => '')).toBe(200);
  const pdf = new Uint8Array(await response.arrayBuffer());
  return withPdfFile(pdf, (file) => pdftotext(file));
}

describe('POST /api/appeal without the box or the receipt', () => {
  it('accepts the lock code alone with a photo of the lock screen, and says what is missing', async () => {
    const rest = Object.fromEntries(Object.entries(STANDARD_FIELDS).filter(([field]) => field !== 'imei' && field !== 'imei2'));
    const text = await pdfText({ ...rest, lockCode: 'A1B2-C3D4-E5F6', receiptShows: '', locale: 'en' }, [LOCK_SCREEN]);
    expect(text).toContain('A1B2-C3D4-E5F6');
    expect(text).toContain('Not enclosed');
    expect(text).toContain('box label photo, receipt or order record');
    // Said to whoever decides the appeal: what is missing, never that the appeal is weak.
    expect(text).not.toMatch(/weaker|rests on/);
    expect(text).toContain('Other evidence: lock-screen.png');
    expect(text).toContain('Enclosed evidence (1 file)');
    expect(text).not.toMatch(/Receipt\s+not stated/);
  });

  it('accepts a receipt without a box photo', async () => {
    const text = await pdfText({ ...STANDARD_FIELDS, locale: 'en' }, [RECEIPT_PHOTO]);
    expect(text).toMatch(/Not enclosed\s+box label photo\s/);
    expect(text).not.toContain('weaker');
    // Not enclosed is all the PDF knows: whether the owner has the box is not asked.
    expect(text).not.toContain('does not have');
  });

  it('says nothing is missing when the box and the receipt are there', async () => {
    const box: UploadSpec = { field: 'boxPhoto', name: 'box.jpg', bytes: readFixture('box-label-12mp.jpg'), type: 'image/jpeg' };
    const text = await pdfText({ ...STANDARD_FIELDS, locale: 'en' }, [box, RECEIPT_PHOTO]);
    expect(text).not.toContain('Not enclosed');
  });
});

describe('POST /api/appeal on the second-hand path', () => {
  /** A Russian second-hand buyer who says they have the first buyer's receipt. */
  const secondHand = { ...STANDARD_FIELDS, purchaseChannel: 'second-hand', sellerName: 'Олег', firstBuyerReceipt: 'yes', locale: 'ru' };

  it('captions each file by its zone, and the letter tells the chain', async () => {
    const fields = { ...secondHand, saleVenue: 'private', triedFirst: 'seller', accountHint: '221****878' };
    const text = await pdfText(fields, [RECEIPT_PHOTO, { ...LOCK_SCREEN, name: 'chat-with-seller.png' }]);
    // The user said the first buyer's receipt is there: it is a receipt.
    expect(text).toContain('Receipt: receipt.jpg');
    expect(text).not.toContain('Purchase record');
    expect(text).toContain('Other evidence: chat-with-seller.png');
    expect(text.replace(/\s+/g, ' ')).toContain('I bought it from Олег in a private sale on 14 March 2025.');
    expect(text.replace(/\s+/g, ' ')).toContain('The first buyer’s original receipt, which the seller gave me, is attached.');
    expect(text.replace(/\s+/g, ' ')).toContain('Я купил(а) его в частной сделке 14 марта 2025 г., продавец — Олег.');
    expect(text).toContain('Where the sale happened');
    expect(text).toContain('221****878');
    expect(text).toContain('asked the seller to remove the phone from their account');
  });

  it.each(['ru', 'en'])('calls the listing or the chat under “Receipt” a purchase record, never the receipt (%s)', async (locale) => {
    const fields = { ...secondHand, saleVenue: 'private', firstBuyerReceipt: 'no', receiptShows: 'seller,date,imei', locale };
    const raw = await pdfText(fields, [{ ...RECEIPT_PHOTO, name: 'chat-with-seller.jpg' }, LOCK_SCREEN]);
    const text = raw.replace(/\s+/g, ' ');
    expect(raw).toContain('Purchase record: chat-with-seller.jpg');
    expect(raw).not.toMatch(/Receipt: chat-with-seller/);
    expect(text).toContain('The first buyer’s original receipt is not available to me; the record of my own purchase (the listing, our messages or a note of the handover) is attached.');
    // Nothing a receipt would show is said of a chat, in the letter or in the fact table.
    expect(text).not.toContain('The receipt shows');
    expect(text).not.toContain('shows the seller’s name');
    if (locale === 'ru') {
      expect(text).toContain('Оригинального чека первого покупателя у меня нет; приложены подтверждения моей покупки');
      expect(text).not.toContain('В чеке указаны');
      expect(text).not.toContain('указаны: название продавца');
    }
  });

  it('keeps a used-phone shop’s receipt “Receipt”, and says the shop gave it', async () => {
    const fields = { ...secondHand, saleVenue: 'shop', firstBuyerReceipt: 'no', receiptShows: 'seller,date', locale: 'en' };
    const raw = await pdfText(fields, [RECEIPT_PHOTO]);
    const text = raw.replace(/\s+/g, ' ');
    expect(raw).toContain('Receipt: receipt.jpg');
    expect(raw).not.toContain('Purchase record');
    expect(text).toContain('in a shop selling used phones on 14 March 2025. The first buyer’s original receipt is not available to me; the receipt the shop gave me for my purchase is attached.');
    expect(text).toContain('The receipt shows the seller’s name and the date of purchase.');
  });

  it('never calls the first buyer’s receipt attached, or describes a receipt, when no receipt is enclosed', async () => {
    const fields = { ...secondHand, saleVenue: 'marketplace', receiptShows: 'seller,date,imei' };
    const text = (await pdfText(fields, [{ ...LOCK_SCREEN, name: 'chat-with-seller.png' }])).replace(/\s+/g, ' ');
    expect(text).toContain('The seller gave me the first buyer’s original receipt; I can send you a copy if you need it.');
    expect(text).toContain('Продавец передал мне оригинальный чек первого покупателя; если нужно, я пришлю его копию.');
    expect(text).not.toContain('is attached.');
    expect(text).not.toContain('The receipt shows');
    expect(text).not.toContain('В чеке указаны');
    expect(text).toContain('the owner has it; not enclosed');
    expect(text).toContain("Not enclosed box label photo, first buyer’s receipt Не приложено фото наклейки на коробке, чек первого покупателя");
  });
});
