import { describe, expect, it } from 'vitest';

import { countEvidence, evidencePixelSize, firstBuyerReceiptAnswer, inEvidenceOrder, receiptFactsInForce, receiptZoneHoldsSaleRecord, type EvidenceRole } from '@/lib/appeal/evidence-rules';

const file = (role: EvidenceRole, name: string) => ({ role, name });

describe('inEvidenceOrder', () => {
  it('puts box photos, then receipts, then the rest, each role in the order added', () => {
    const added = [file('extra', 'chat'), file('receipt', 'e-receipt'), file('boxPhoto', 'label'), file('receipt', 'photo'), file('extra', 'lock screen')];
    expect(inEvidenceOrder(added).map((f) => f.name)).toEqual(['label', 'e-receipt', 'photo', 'chat', 'lock screen']);
    expect(added[0]!.name, 'the input is left as it was').toBe('chat');
  });
});

describe('countEvidence', () => {
  it('counts the files of each role, zero for a role with none', () => {
    expect(countEvidence([file('receipt', 'a'), file('extra', 'b'), file('receipt', 'c')])).toEqual({ boxPhoto: 0, receipt: 2, extra: 1 });
    expect(countEvidence([])).toEqual({ boxPhoto: 0, receipt: 0, extra: 0 });
  });
});

describe('firstBuyerReceiptAnswer', () => {
  const none = { boxPhoto: 1, receipt: 0, extra: 2 };
  const one = { boxPhoto: 0, receipt: 1, extra: 0 };

  it('keeps "yes" only when a receipt is enclosed', () => {
    expect(firstBuyerReceiptAnswer('yes', one)).toBe('yes');
    expect(firstBuyerReceiptAnswer('yes', none)).toBe('yesNotEnclosed');
  });

  it('keeps "no" whatever is enclosed', () => {
    expect(firstBuyerReceiptAnswer('no', one)).toBe('no');
    expect(firstBuyerReceiptAnswer('no', none)).toBe('no');
  });
});

describe('receiptZoneHoldsSaleRecord', () => {
  const secondHand = (saleVenue: string, firstBuyerReceipt: string) => ({ purchaseChannel: 'second-hand', saleVenue, firstBuyerReceipt });

  it('is a sale record for a private or marketplace sale without the first buyer’s receipt, and for a venue not given', () => {
    for (const venue of ['private', 'marketplace', '']) {
      for (const answer of ['no', '']) expect(receiptZoneHoldsSaleRecord(secondHand(venue, answer)), `${venue} ${answer}`).toBe(true);
    }
  });

  it('is a receipt when the first buyer’s receipt is there, when a used-phone shop sold it, or when it was not bought second-hand', () => {
    for (const venue of ['private', 'marketplace', 'shop', '']) expect(receiptZoneHoldsSaleRecord(secondHand(venue, 'yes')), venue).toBe(false);
    for (const answer of ['no', '']) expect(receiptZoneHoldsSaleRecord(secondHand('shop', answer)), answer).toBe(false);
    // Answers left over from a second-hand draft whose channel was changed afterwards.
    expect(receiptZoneHoldsSaleRecord({ purchaseChannel: 'authorized-retailer', saleVenue: 'private', firstBuyerReceipt: 'no' })).toBe(false);
  });
});

describe('receiptFactsInForce', () => {
  const newPhone = { purchaseChannel: 'mi-store', saleVenue: '', firstBuyerReceipt: '' };

  it('keeps the ticks while a receipt is enclosed and drops them, unchanged in the draft, when none is', () => {
    const ticked = ['seller', 'date', 'imei'] as const;
    expect(receiptFactsInForce(ticked, { boxPhoto: 0, receipt: 1, extra: 0 }, newPhone)).toEqual(['seller', 'date', 'imei']);
    expect(receiptFactsInForce(ticked, { boxPhoto: 2, receipt: 0, extra: 3 }, newPhone)).toEqual([]);
    expect(ticked, 'the answers themselves are left as they were').toEqual(['seller', 'date', 'imei']);
  });

  it('drops them when the zone holds a second-hand sale record: a listing or a chat is no receipt', () => {
    const one = { boxPhoto: 0, receipt: 1, extra: 0 };
    expect(receiptFactsInForce(['seller', 'date'], one, { purchaseChannel: 'second-hand', saleVenue: 'private', firstBuyerReceipt: 'no' })).toEqual([]);
    expect(receiptFactsInForce(['seller', 'date'], one, { purchaseChannel: 'second-hand', saleVenue: 'private', firstBuyerReceipt: 'yes' })).toEqual(['seller', 'date']);
    expect(receiptFactsInForce(['seller', 'date'], one, { purchaseChannel: 'second-hand', saleVenue: 'shop', firstBuyerReceipt: 'no' })).toEqual(['seller', 'date']);
  });
});

describe('evidencePixelSize', () => {
  it('shrinks a photo to a long edge of 2000 px, either way up, and never enlarges', () => {
    expect(evidencePixelSize(4000, 3000)).toEqual({ width: 2000, height: 1500 });
    expect(evidencePixelSize(3000, 4000)).toEqual({ width: 1500, height: 2000 });
    expect(evidencePixelSize(800, 600)).toEqual({ width: 800, height: 600 });
    expect(evidencePixelSize(4000, 3000, 1000)).toEqual({ width: 1000, height: 750 });
  });

  it('keeps a plain phone screenshot (2.2:1) on the photo rule', () => {
    expect(evidencePixelSize(1080, 2400)).toEqual({ width: 900, height: 2000 });
  });

  it('keeps a long screenshot its width, up to 1200 px, so its text stays legible', () => {
    expect(evidencePixelSize(1080, 5660)).toEqual({ width: 1080, height: 5660 });
    expect(evidencePixelSize(1440, 9000)).toEqual({ width: 1200, height: 7500 });
    // Its long edge stops at 12,000 px; a smaller encoding scales both limits.
    expect(evidencePixelSize(1080, 30000)).toEqual({ width: 432, height: 12000 });
    expect(evidencePixelSize(1080, 5660, 1000)).toEqual({ width: 600, height: 3144 });
  });

  it('gives a size it leaves as it is: what the browser prepares, the server embeds', () => {
    for (const [width, height] of [[4032, 3024], [1080, 5660], [1440, 9000], [1500, 3751], [1080, 30000], [7, 4000]] as const) {
      const once = evidencePixelSize(width, height);
      expect(evidencePixelSize(once.width, once.height), `${width} × ${height}`).toEqual(once);
    }
  });
});
