import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { fillHole, withHole } from '@/lib/i18n/holed-message';
import { LOCALES } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';

/** What people type as the lock screen's account hint, ICU's special characters included. */
const HINTS = ['221****878', 'a***@gmail.com', "{hint} 'x' #"];

describe('holed messages (the start page formats its hint texts on the server)', () => {
  for (const locale of LOCALES) {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'triage' });
    const formats = {
      'reset.step2Hint': (hint: string) => t('reset.step2Hint', { hint }),
      'ask.message': (hint: string) => t('ask.message', { hint }),
    };
    for (const [key, format] of Object.entries(formats)) {
      it(`${locale} ${key}: filled in the browser, it reads exactly as next-intl would format it`, () => {
        const holed = withHole(format);
        // The hint appears once: the text before it and the text after it.
        expect(holed).toHaveLength(2);
        for (const hint of HINTS) expect(fillHole(holed, hint)).toBe(format(hint));
      });
    }
  }

  it('fills every place the argument appears', () => {
    expect(fillHole(withHole((x) => `${x} and ${x}.`), 'it')).toBe('it and it.');
    expect(fillHole(withHole(() => 'no argument'), 'it')).toBe('no argument');
  });
});
