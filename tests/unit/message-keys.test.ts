/**
 * Message keys are checked by the type-check (lib/i18n/message-keys.ts, lib/i18n/app-config.d.ts):
 * each `@ts-expect-error` below makes `npm run typecheck` fail if a misspelt key ever compiles.
 */
import { useTranslations } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { decodeFieldMessage, encodeFieldMessage } from '@/lib/i18n/field-message';
import { isKnownKey, type ErrorKey } from '@/lib/i18n/message-keys';
import { translateFieldMessage } from '@/lib/i18n/translate-field-message';

describe('message keys', () => {
  it('a field message takes only keys of the errors catalogue', () => {
    expect(encodeFieldMessage('imei.missingCheckDigit', { suggestion: '869812065432104' })).toBe(
      'imei.missingCheckDigit?suggestion=869812065432104',
    );
    // @ts-expect-error: not a key under `errors`
    const misspelt = encodeFieldMessage('imei.missingCheckDigt');
    // Had it compiled, the user would see the generic message, not the rule that failed.
    expect(translateFieldMessage(misspelt, 'en')).toBe(translateFieldMessage('invalid', 'en'));
  });

  it('a key read back from text is typed only once the catalogue has it', () => {
    const has = (key: ErrorKey) => ['required', 'imei.imeisv'].includes(key);
    expect(isKnownKey<ErrorKey>(has, decodeFieldMessage('imei.imeisv?suggestion=1').key)).toBe(true);
    expect(isKnownKey<ErrorKey>(has, 'imei.nope')).toBe(false);
  });

  it('useTranslations is typed by the English catalogue', () => {
    // Never called: a hook needs a component; what matters is that this compiles as it does.
    const useTypedOnly = () => {
      const t = useTranslations('form');
      t('device.imei.label');
      // @ts-expect-error: misspelt key
      t('device.imei.lable');
      // @ts-expect-error: no such namespace
      useTranslations('bundle');
    };
    expect(typeof useTypedOnly).toBe('function');
  });
});
