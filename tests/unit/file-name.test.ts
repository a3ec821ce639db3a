import { describe, expect, it } from 'vitest';

import { bundleFileName } from '@/lib/appeal/file-name';
import { HOSTILE, hostileAppeal, longestInput, parseAppeal, realisticAppeal } from './appeal-samples';

/** Safe on Windows, macOS, Linux, in a Content-Disposition header and a mail attachment. */
const SAFE_NAME = /^[a-z0-9][A-Za-z0-9.-]{0,98}\.pdf$/;

describe('bundleFileName', () => {
  it('names the IMEI and the purchase date', () => {
    expect(bundleFileName(realisticAppeal())).toBe('mi-account-appeal-868907041234565-2025-03-14.pdf');
  });

  it('names the lock code when there is no IMEI', () => {
    expect(bundleFileName(realisticAppeal({ imei: '', imei2: '', lockCode: 'AB12-cd34' }))).toBe('mi-account-appeal-lock-AB12-cd34-2025-03-14.pdf');
    // The schema takes a lock code's spaces out, so the name gives the code as the letter does.
    expect(bundleFileName(realisticAppeal({ imei: '', imei2: '', lockCode: 'AB12 cd34' }))).toBe('mi-account-appeal-lock-AB12cd34-2025-03-14.pdf');
    expect(bundleFileName(realisticAppeal({ imei: '', imei2: '', lockCode: 'Écran-42' }))).toBe('mi-account-appeal-lock-Ecran-42-2025-03-14.pdf');
  });

  it('stays ASCII when the lock code is Cyrillic or very long', () => {
    expect(bundleFileName(realisticAppeal({ imei: '', imei2: '', lockCode: 'Жук-Паук' }))).toBe('mi-account-appeal-lock-code-2025-03-14.pdf');
    // Not a partial slug: "lock-1234" would read as if the code were 1234.
    expect(bundleFileName(realisticAppeal({ imei: '', imei2: '', lockCode: 'ЖЇЄҐ-1234-АБВГ' }))).toBe('mi-account-appeal-lock-code-2025-03-14.pdf');
    expect(bundleFileName(realisticAppeal({ imei: '', imei2: '', lockCode: 'AB12 cd34 Ж' }))).toBe('mi-account-appeal-lock-code-2025-03-14.pdf');
    // Digits of another script are not the ASCII digits a reader would take them for, nor dropped.
    expect(bundleFileName(realisticAppeal({ imei: '', imei2: '', lockCode: 'AB-١٢٣٤' }))).toBe('mi-account-appeal-lock-code-2025-03-14.pdf');
    const long = bundleFileName(parseAppeal(longestInput('Q', { imei: '', imei2: '' })));
    expect(long).toMatch(SAFE_NAME);
    expect(long).toBe(`mi-account-appeal-lock-${'Q'.repeat(32)}-2025-03-14.pdf`);
  });

  it('is safe whatever the fields hold', () => {
    for (const appeal of [hostileAppeal(), { ...hostileAppeal(), imei: '', lockCode: `../..\\CON:${HOSTILE}*?"<>|` }, { ...hostileAppeal(), purchaseDate: HOSTILE }]) {
      const name = bundleFileName(appeal);
      expect(name).toMatch(SAFE_NAME);
      expect(name).not.toMatch(/\.\.|[\r\n]/);
    }
  });
});
