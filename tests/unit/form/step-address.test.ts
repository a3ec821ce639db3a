import { describe, expect, it } from 'vitest';

import type { AppealResult } from '@/lib/form/draft';
import { addressOf, reachableStep, stepInAddress, stepOnArrival, stepOnTraversal } from '@/lib/form/step-address';
import type { WizardStep } from '@/lib/form/steps';

const result: AppealResult = {
  pdf: new Blob(['%PDF-']),
  fileName: 'appeal.pdf',
  recipient: 'service.eu@xiaomi.com',
  enclosed: { boxPhoto: 1, receipt: 1, extra: 0 },
};

/** A draft at `step` that has been as far as the step at index `furthest`. */
const reached = (step: WizardStep, furthest: number, finished: AppealResult | null = null) => ({ draft: { step, furthest }, result: finished });

describe('step addresses', () => {
  it('names every step but the first in the address', () => {
    expect(addressOf('device', 'https://x.example/appeal?step=contact')).toBe('/appeal');
    expect(addressOf('purchase', 'https://x.example/appeal')).toBe('/appeal?step=purchase');
    expect(addressOf('result', 'https://x.example/appeal?step=review#generate')).toBe('/appeal?step=result');
    // Whatever else the address carries stays.
    expect(addressOf('evidence', 'https://x.example/appeal?utm_source=forum&step=device')).toBe('/appeal?utm_source=forum&step=evidence');
  });

  it('reads the step back, and nothing from a name it does not know', () => {
    expect(stepInAddress('?step=purchase')).toBe('purchase');
    expect(stepInAddress('?step=result')).toBe('result');
    expect(stepInAddress('')).toBeNull();
    expect(stepInAddress('?step=payment')).toBeNull();
    expect(stepInAddress('?step=')).toBeNull();
  });

  it('opens a step the user has reached, and never one past it', () => {
    // Been as far as the Proof step, now on step 2.
    const draft = reached('purchase', 2);
    expect(reachableStep('device', draft)).toBe('device');
    expect(reachableStep('evidence', draft)).toBe('evidence');
    // Further than that: the furthest step reached, whose checks come first.
    expect(reachableStep('contact', draft)).toBe('evidence');
    expect(reachableStep('review', draft)).toBe('evidence');
    expect(reachableStep('result', draft)).toBe('evidence');
    // A fresh appeal (after "Start over") is on step 1, whatever an old address says.
    expect(reachableStep('review', reached('device', 0))).toBe('device');
  });

  it('opens the result only while there is a finished appeal', () => {
    expect(reachableStep('result', reached('review', 4, result))).toBe('result');
    expect(reachableStep('result', reached('review', 4))).toBe('review');
    expect(reachableStep('review', reached('result', 4, result))).toBe('review');
  });

  it('falls back to step 1 when a damaged store says nothing usable about the furthest step', () => {
    expect(reachableStep('contact', reached('device', Number.NaN))).toBe('device');
    expect(reachableStep('contact', reached('device', -1))).toBe('device');
    expect(reachableStep('result', reached('device', 99))).toBe('review');
  });

  it('on arrival, goes on where the user left off unless the address names a step', () => {
    const draft = reached('contact', 3);
    expect(stepOnArrival('', draft)).toBe('contact');
    expect(stepOnArrival('?step=nonsense', draft)).toBe('contact');
    expect(stepOnArrival('?step=purchase', draft)).toBe('purchase');
    expect(stepOnArrival('?step=review', draft)).toBe('contact');
    // The saved step itself stands, even the result page whose PDF could not be kept.
    expect(stepOnArrival('', reached('result', 4))).toBe('result');
  });

  it('on Back or Forward, reads the plain address as step 1', () => {
    const draft = reached('evidence', 2);
    expect(stepOnTraversal('', draft)).toBe('device');
    expect(stepOnTraversal('?step=purchase', draft)).toBe('purchase');
    expect(stepOnTraversal('?step=contact', draft)).toBe('evidence');
  });
});
