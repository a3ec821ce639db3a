import { describe, expect, it } from 'vitest';

import { labelBeforeMessage } from '@/lib/i18n/format';
import { MESSAGES } from '@/lib/i18n/messages';
import { LOCALES } from '@/lib/i18n/locales';

/** Every label and legend of the form, as "a.b.label" → text. */
function labels(catalogue: unknown, prefix = ''): [string, string][] {
  if (typeof catalogue !== 'object' || catalogue === null) return [];
  return Object.entries(catalogue).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') return key === 'label' || key === 'legend' ? [[path, value]] : [];
    return labels(value, path);
  });
}

describe('labelBeforeMessage (a field named in the error summary)', () => {
  it('puts a colon after a plain label', () => {
    expect(labelBeforeMessage('Seller')).toBe('Seller: ');
    expect(labelBeforeMessage('Дата покупки')).toBe('Дата покупки: ');
  });

  it('adds no colon after a label that ends in a question mark or another stop', () => {
    expect(labelBeforeMessage('Where did you buy it?')).toBe('Where did you buy it? ');
    expect(labelBeforeMessage('Где вы его купили?')).toBe('Где вы его купили? ');
    expect(labelBeforeMessage('Send the appeal to:')).toBe('Send the appeal to: ');
    expect(labelBeforeMessage('Wait!')).toBe('Wait! ');
  });

  it.each(LOCALES)('never writes "?:" or "::" for any form label in %s', (locale) => {
    const found = labels(MESSAGES[locale].form);
    expect(found.length).toBeGreaterThan(20);
    for (const [path, label] of found) expect(labelBeforeMessage(label), `${locale} form.${path}`).not.toMatch(/[?!.:…]: $/);
  });
});
