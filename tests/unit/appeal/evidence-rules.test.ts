import { describe, expect, it } from 'vitest';

import { countEvidence, firstBuyerReceiptAnswer, inEvidenceOrder, receiptFactsInForce, type EvidenceRole } from '@/lib/appeal/evidence-rules';

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

describe('receiptFactsInForce', () => {
  it('keeps the ticks while a receipt is enclosed and drops them, unchanged in the draft, when none is', () => {
    const ticked = ['seller', 'date', 'imei'] as const;
    expect(receiptFactsInForce(ticked, { boxPhoto: 0, receipt: 1, extra: 0 })).toEqual(['seller', 'date', 'imei']);
    expect(receiptFactsInForce(ticked, { boxPhoto: 2, receipt: 0, extra: 3 })).toEqual([]);
    expect(ticked, 'the answers themselves are left as they were').toEqual(['seller', 'date', 'imei']);
  });
});
