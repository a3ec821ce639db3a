import { describe, expect, it } from 'vitest';

import { cyrillicInLockCode } from '@/lib/appeal/lock-code';

describe('cyrillicInLockCode', () => {
  it('finds nothing in a code typed in Latin letters and digits', () => {
    expect(cyrillicInLockCode('A7K2-99XQ')).toBeNull();
    expect(cyrillicInLockCode('')).toBeNull();
  });

  it('names the Cyrillic look-alikes a Russian keyboard types, and reads the code in Latin', () => {
    // А, К, Х and Е typed on a Cyrillic layout: on screen the same as A, K, X and E.
    expect(cyrillicInLockCode('А7К2-99ХQ-Е1')).toEqual({ letters: ['А', 'К', 'Х', 'Е'], latin: 'A7K2-99XQ-E1' });
    expect(cyrillicInLockCode('ос-12')).toEqual({ letters: ['о', 'с'], latin: 'oc-12' });
  });

  it('offers no Latin reading when a letter has no look-alike', () => {
    expect(cyrillicInLockCode('ЖЇЄҐ-1234-А')).toEqual({ letters: ['Ж', 'Ї', 'Є', 'Ґ', 'А'], latin: null });
  });
});
